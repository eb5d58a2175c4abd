import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { textColumnsToIPC } from '../../../src/engine/arrowText';

describe('textColumnsToIPC', () => {
  it('round-trips text, blanks and multi-byte letters through IPC', () => {
    const t = tableFromIPC(textColumnsToIPC({ a: ['x', null, 'کیان', ''], b: [null, null, 'é', 'z'] }));
    expect(t.numRows).toBe(4);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
    expect(t.getChild('a')?.toArray()).toEqual(['x', null, 'کیان', '']);
    expect(t.getChild('b')?.toArray()).toEqual([null, null, 'é', 'z']);
  });

  it('never compiles code: it works with Function disabled', () => {
    const original = globalThis.Function;
    // Stands in for a Content-Security-Policy without 'unsafe-eval'.
    globalThis.Function = (() => {
      throw new EvalError('code generation from strings disallowed');
    }) as unknown as FunctionConstructor;
    try {
      expect(tableFromIPC(textColumnsToIPC({ a: ['1', null] })).numRows).toBe(2);
    } finally {
      globalThis.Function = original;
    }
  });
});
