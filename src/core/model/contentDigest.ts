import { hexOf } from '../hexBytes';

/**
 * The SHA-256 of some bytes as hex: what names a table's contents across machines (the
 * demo's shipped results name the tables they were computed from by it). Web Crypto
 * copies the bytes when called, so a buffer handed to the engine right after is safe.
 */
export async function contentDigest(bytes: Uint8Array): Promise<string> {
  return hexOf(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}
