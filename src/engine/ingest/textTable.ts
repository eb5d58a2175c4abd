import { textColumnsToIPC } from '../arrowText';
import type { Engine } from '../engine';

/**
 * Formats parsed in JS (JSON, XLSX) arrive as text columns; the shared typing pass
 * then decides numbers, dates and booleans exactly as it does for CSV.
 */
export async function stageTextColumns(
  engine: Engine,
  staging: string,
  header: string[],
  rows: ReadonlyArray<ReadonlyArray<string | null>>,
): Promise<void> {
  // No prototype: a column named `__proto__` would otherwise set it and vanish.
  const columns: Record<string, (string | null)[]> = Object.create(null);
  for (const [i, name] of header.entries()) columns[name] = rows.map((r) => r[i] ?? null);
  await engine.insertArrowIPC(staging, textColumnsToIPC(columns));
}
