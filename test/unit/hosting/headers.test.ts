import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../vite.config';
import { startServer } from '../../e2e/serve.mjs';

/**
 * docs/hosting.md tells a host which headers to send; `npm start` (serve.mjs) sends
 * them. The two must say the same, header for header and value for value.
 */

interface DocRow {
  value: string;
  on: string;
}

async function documented(): Promise<Map<string, DocRow>> {
  const doc = await readFile(new URL('../../../docs/hosting.md', import.meta.url), 'utf8');
  const rows = new Map<string, DocRow>();
  for (const m of doc.matchAll(/^\| `([\w-]+)` \| `([^`]+)` \| ([^|]+) \|$/gm))
    rows.set(m[1], { value: m[2], on: m[3].trim() });
  return rows;
}

let root: string;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'shakhes-hosting-'));
  // index.html as the build writes it: the policy in its <meta> tag.
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><title>x</title>`,
  );
  await writeFile(join(root, 'engine.wasm'), new Uint8Array([0, 97, 115, 109]));
  server = await startServer({ root, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const SECURITY = ['content-security-policy', 'referrer-policy', 'x-content-type-options'];

describe('the headers docs/hosting.md lists', () => {
  it('are exactly what the server sends with every response', async () => {
    const doc = await documented();
    const everywhere = [...doc].filter(([, r]) => r.on === 'every response');
    expect(everywhere.map(([name]) => name.toLowerCase()).sort()).toEqual(SECURITY);
    for (const path of ['', 'engine.wasm', 'some/app/route']) {
      const res = await fetch(`${server.url}${path}`);
      for (const [name, row] of everywhere)
        expect(res.headers.get(name), `${name} on /${path}`).toBe(row.value);
      const sent = [...res.headers.keys()].filter((h) => SECURITY.includes(h) || h.includes('policy'));
      expect(sent.sort(), `security headers on /${path}`).toEqual(SECURITY);
    }
  });

  it('give .wasm files the WebAssembly type', async () => {
    const row = (await documented()).get('Content-Type');
    expect(row?.on).toContain('.wasm');
    expect((await fetch(`${server.url}engine.wasm`)).headers.get('content-type')).toBe(row?.value);
  });

  it("hold the build's own policy, plus frame-ancestors, which only a header can carry", async () => {
    const csp = (await documented()).get('Content-Security-Policy')?.value;
    expect(csp).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    for (const directive of ["base-uri 'none'", "form-action 'none'", "object-src 'none'"])
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
  });
});
