/** Bytes as lower-case hex, two digits each: how digests and random tokens are written. */
export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
