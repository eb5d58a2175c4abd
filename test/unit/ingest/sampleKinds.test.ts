import { describe, expect, it } from 'vitest';
import { sampleVerdict } from '../../../src/engine/ingest/sampleKinds.ts';

const repeat = (n: number, v: string | null) => Array.from({ length: n }, () => v);

describe('sampleVerdict', () => {
  it('settles words, true/false and plain ISO columns, and says when they are clean', () => {
    expect(sampleVerdict(['Closed Won', 'Closed Lost', null, 'فروش'])).toEqual({ kind: 'text' });
    expect(sampleVerdict(['true', 'FALSE', null])).toEqual({ kind: 'boolean', clean: true });
    expect(sampleVerdict(['2024-01-31', null, '2023-02-28'])).toEqual({ kind: 'date', clean: true });
    expect(sampleVerdict(['2024-01-31 10:00:00', '2024-02-01 23:59:59'])).toEqual({
      kind: 'timestamp',
      clean: true,
    });
    expect(sampleVerdict([null, null])).toEqual({ kind: 'text' });
  });

  it('keeps the 95% rule: a few words make a date column unclean, more make it undecided', () => {
    const dates = repeat(96, '2024-05-06');
    expect(sampleVerdict([...dates, ...repeat(4, 'n/a')])).toEqual({ kind: 'date', clean: false });
    // 94% dates: the SQL rules may still read them through a date mapping, so JS does not decide.
    expect(sampleVerdict([...repeat(94, '2024-05-06'), ...repeat(6, 'n/a')])).toBeUndefined();
    // Mostly dates with a few timestamps is a date column; the other way round a timestamp one.
    expect(sampleVerdict([...dates, ...repeat(4, '2024-05-06 10:00:00')])).toEqual({
      kind: 'date',
      clean: false,
    });
    expect(sampleVerdict([...repeat(50, '2024-05-06'), ...repeat(50, '2024-05-06 10:00:00')])).toEqual({
      kind: 'timestamp',
      clean: false,
    });
  });

  it('does not call a column clean when a blank is an empty or spaced string', () => {
    expect(sampleVerdict(['2024-01-31', ''])).toEqual({ kind: 'date', clean: false });
    expect(sampleVerdict(['true', '  '])).toEqual({ kind: 'boolean', clean: false });
  });

  it('leaves to the SQL rules anything whose reading is not certain', () => {
    for (const odd of [
      '12',
      '1,234',
      '1402/05/12',
      '1402-05-12',
      '۲۰۲۴-۰۱-۰۲',
      '31/01/2024',
      ' true',
      'true ',
      'Infinity',
      'NaN',
      'epoch',
      '2024-02-30',
      '2024-01-02T10:00:00',
      '-5',
    ])
      expect(sampleVerdict(['word', odd]), odd).toBeUndefined();
  });
});
