import type { ImportMessageRef } from '../../core/ingest/messages';
import { type Engine, EngineCancelled } from '../../engine/engine';
import {
  type FileFormat,
  ImportError,
  type ImportProgress,
  type ImportResult,
  type ParseOptions,
} from '../../engine/ingest/types';

/** The importer (engine/ingest/importFile.ts), injected so a test can hold or fail it. */
export type ImportFn = (
  engine: Engine,
  source: { name: string; bytes: Uint8Array; format?: FileFormat },
  opts?: {
    table?: string;
    options?: ParseOptions;
    existing?: string[];
    onProgress?: (p: ImportProgress) => void;
    signal?: AbortSignal;
  },
) => Promise<ImportResult>;

export interface ImportJob {
  id: number;
  fileName: string;
  totalBytes: number;
  state: 'queued' | 'running';
  progress: ImportProgress | null;
}

export interface ErrorEntry {
  id: number;
  file: string;
  /** The English sentence (tests, logs); the page writes `problem` in the language shown. */
  message: string;
  problem?: ImportMessageRef;
  line?: number;
  column?: string;
}

export function isCancel(e: unknown): boolean {
  return (
    e instanceof EngineCancelled ||
    (e instanceof Error && e.name === 'AbortError') ||
    (typeof DOMException !== 'undefined' && e instanceof DOMException && e.name === 'AbortError')
  );
}

/** A failed import as the page lists it: located when the importer says where, else the engine's words. */
export function errorEntryOf(id: number, file: string, e: unknown): ErrorEntry {
  if (e instanceof ImportError)
    return {
      id,
      file: e.file || file,
      message: e.message,
      problem: e.problem,
      line: e.line,
      column: e.column,
    };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    id,
    file,
    message: `${file}: ${detail}`,
    problem: { code: 'unexpected', params: { file, detail } },
  };
}
