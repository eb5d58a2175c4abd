/**
 * The encode worker's messages: a table's Arrow IPC stream in chunks (each transferred),
 * then its end, which the worker answers under the same id.
 */
export type EncodeRequest = { id: number; chunk: Uint8Array } | { id: number; end: true };

export type EncodeReply = { id: number; bytes: Uint8Array } | { id: number; error: string };
