/** The encode worker's messages: a request per table, answered by the same id. */
export interface EncodeRequest {
  id: number;
  ipc: Uint8Array;
}

export type EncodeReply = { id: number; bytes: Uint8Array } | { id: number; error: string };
