import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { TOKEN_HEADER } from '../../../src/engine/remoteEngine';
import { raw, type Served, serve } from './serverHarness';

/**
 * `shakhes serve` on loopback: another site open in the same browser, or a DNS name
 * rebound to 127.0.0.1, must not reach the engine. Every refusal is checked on the real
 * server with a real engine behind it.
 */
let served: Served;
let origin: string;
let host: string;
let token: string;
beforeAll(async () => {
  served = await serve(await createNativeEngine({ allowedDirectories: [] }));
  ({ origin, token } = served.server);
  host = new URL(origin).host;
});
afterAll(async () => {
  await served?.close();
});

const QUERY = JSON.stringify({ id: 'q', sql: 'SELECT 42 AS x' });
const post = (headers: Record<string, string>) =>
  raw(origin, '/api/query', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: QUERY,
  });

describe('the token', () => {
  it('prints a URL on 127.0.0.1 carrying a 256-bit token in its fragment', () => {
    expect(served.server.url).toBe(`${origin}/#token=${token}`);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a query that carries it', async () => {
    const answer = await post({ [TOKEN_HEADER]: token, origin });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
  });

  it('refuses every API call without it, or with another, with 401', async () => {
    expect((await post({})).status).toBe(401);
    expect((await post({ [TOKEN_HEADER]: 'f'.repeat(64) })).status).toBe(401);
    expect((await post({ [TOKEN_HEADER]: token.slice(1) })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${token}` })).status).toBe(401);
    const hello = await raw(origin, '/api/hello', {});
    expect(hello.status).toBe(401);
    expect(JSON.parse(hello.body).message).toContain(TOKEN_HEADER);
    const upload = await raw(origin, '/api/files/x.csv', { method: 'PUT', body: 'a\n1\n' });
    expect(upload.status).toBe(401);
  });
});

describe('Origin and Host (another site, DNS rebinding)', () => {
  it("refuses another site's page, even with the token, with 403", async () => {
    for (const other of [
      'https://evil.example',
      'http://localhost.evil.example',
      'null',
      `http://127.0.0.1:1`,
    ]) {
      const answer = await post({ [TOKEN_HEADER]: token, origin: other });
      expect(answer.status, other).toBe(403);
      expect(JSON.parse(answer.body).message).toContain(other);
    }
  });

  it('refuses a Host that is not this server by its loopback names, with 403', async () => {
    for (const name of ['evil.example', `evil.example:${new URL(origin).port}`, '127.0.0.1', '[::1]']) {
      const answer = await post({ [TOKEN_HEADER]: token, host: name });
      expect(answer.status, name).toBe(403);
    }
    // Static files too: a rebound name never gets the app from this server.
    expect((await raw(origin, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('takes localhost:PORT as well as 127.0.0.1:PORT', async () => {
    const local = `localhost:${new URL(origin).port}`;
    expect((await post({ [TOKEN_HEADER]: token, host: local, origin: `http://${local}` })).status).toBe(200);
    expect((await post({ [TOKEN_HEADER]: token, host: local, origin })).status).toBe(403);
  });
});

describe('the app', () => {
  it("serves index.html with hosting.md's headers and the marker that picks the remote engine", async () => {
    const page = await raw(origin, '/', { headers: { host } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="shakhes-serve" content="1">');
    expect(page.headers['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const refused = await post({});
    expect(refused.headers['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'none'");
  });
});
