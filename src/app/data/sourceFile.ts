import type { FileFormat } from '../../engine/ingest/types';
import type { PreparedTable } from './preparedTable';

/** A file the user gave us; read lazily so a queued file costs no memory until its turn. */
export interface SourceFile {
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
  /** The file itself, when the page has one: a served page streams it to the server instead of reading it. */
  blob?: Blob;
  /**
   * The file already imported, when it is one of ours (the demo): used for a plain load
   * in place of the importer, which still reads `read()`'s bytes if this fails.
   */
  prepared?(): Promise<PreparedTable>;
}

/** The bytes a table was read from, kept so it can be read again with other options. */
export interface KeptSource {
  name: string;
  bytes: Uint8Array;
  format?: FileFormat;
}

export function bytesFile(name: string, bytes: Uint8Array): SourceFile {
  return { name, size: bytes.byteLength, read: async () => bytes };
}

function textFile(name: string, text: string): SourceFile {
  return bytesFile(name, new TextEncoder().encode(text));
}

/** Tab-separated text, as spreadsheets copy it; tabs and line breaks inside cells become spaces. */
export function toTsv(header: string[], rows: string[][]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return [header, ...rows].map((r) => r.map(clean).join('\t')).join('\n');
}

/** Text pasted from a spreadsheet, as a file named for the table it becomes. */
export function pastedFile(text: string, name?: string): SourceFile {
  return textFile(`${(name ?? '').trim() || 'pasted'}.tsv`, text);
}

/** A table typed in by hand, as a file named for the table it becomes. */
export function manualFile(name: string, header: string[], rows: string[][]): SourceFile {
  return textFile(`${name.trim() || 'table'}.tsv`, toTsv(header, rows));
}
