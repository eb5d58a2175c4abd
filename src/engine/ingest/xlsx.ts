import readXlsxFile from 'read-excel-file/universal';
import { columnNames } from '../../core/ingest/columnNames';
import { headerRowIndex } from '../../core/ingest/headerRow';
import { type ImportMessage, importMessage } from '../../core/ingest/messages';
import type { Engine } from '../engine';
import { stageTextColumns } from './textTable';
import { importError } from './types';

type Cell = string | number | boolean | Date | null | undefined;

function cellText(v: Cell): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return String(v);
}

export async function stageXlsx(
  engine: Engine,
  fileName: string,
  bytes: Uint8Array,
  sheet: string | undefined,
  staging: string,
) {
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as { sheet: string; data: Cell[][] }[];
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw importError('unreadable-xlsx', { file: fileName, detail: msg });
  }
  const names = sheets.map((s) => s.sheet);
  const chosen = sheet ? sheets.find((s) => s.sheet === sheet) : sheets.find((s) => s.data.length > 0);
  if (!chosen)
    throw sheet
      ? importError('no-such-sheet', { file: fileName, sheet, sheets: names })
      : importError('no-sheet-data', { file: fileName });
  const rows = chosen.data;
  const notes: ImportMessage[] = [];
  // Exports often open with a title row (merged across the columns) above the real header.
  const h = Math.max(0, headerRowIndex(rows));
  if (h > 0) notes.push(importMessage('title-rows-skipped', { count: h, sheet: chosen.sheet }));
  const width = Math.max(...rows.map((r) => r.length));
  const headerCells = Array.from({ length: width }, (_, i) => cellText(rows[h]?.[i]));
  await stageTextColumns(
    engine,
    staging,
    columnNames(headerCells.map((c) => c ?? '')),
    rows.slice(h + 1).map((r) => headerCells.map((_, i) => cellText(r[i]))),
  );
  return { sheet: chosen.sheet, sheets: names, notes, headerRow: h + 1 };
}
