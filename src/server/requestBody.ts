import type { IncomingMessage } from 'node:http';

/** Larger JSON bodies (a query's text, a cancel) are refused: no workbook SQL comes near it. */
const JSON_LIMIT = 16 * 1024 * 1024;

export class BodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyError';
  }
}

/** The whole body, refused past `limit` bytes (an Arrow table to insert is held whole, as the engine needs it). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(`The request body is over ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A JSON object body; anything else is refused with what was wrong. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = new TextDecoder().decode(await readBody(req, JSON_LIMIT));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyError('The request body is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BodyError('The request body is not a JSON object.');
  return value as Record<string, unknown>;
}
