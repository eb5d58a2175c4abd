import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER } from '../engine/remoteEngine';

interface Refusal {
  status: 401 | 403;
  message: string;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a request is refused, or null. The Host must name this server by its loopback name
 * (a DNS-rebound name reaches the same socket with another Host); an Origin, when the
 * browser sends one, must be this server's own; API calls carry the token.
 */
export function refusal(req: IncomingMessage, port: number, token: string, api: boolean): Refusal | null {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!hosts.includes(host))
    return { status: 403, message: `Host “${host}” is not this server (${hosts.join(' or ')}).` };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`)
    return { status: 403, message: `Origin “${origin}” is not this server's (http://${host}).` };
  const given = req.headers[TOKEN_HEADER];
  if (api && (typeof given !== 'string' || !sameToken(given, token)))
    return { status: 401, message: `The request has no valid ${TOKEN_HEADER} header.` };
  return null;
}
