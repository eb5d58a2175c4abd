import type { JsonObject } from './migrations';

/**
 * How big a workbook document may be. A stranger's 2.8 MB file of 600,000 Markdown cells
 * froze the tab for 680 s; both limits are checked before the document is validated or
 * shown, the size even before it is unpacked.
 */
const DOCUMENT_LIMITS = {
  /** Bytes of `workbook.json`; a large real workbook is well under 1 MB. */
  maxBytes: 20 * 1024 * 1024,
  /** Cells over all sheets together. */
  maxCells: 5_000,
} as const;

const MiB = 1024 * 1024;

function documentSizeText(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The refusal for a workbook.json of `bytes` bytes, or null when it may be read. */
export function documentSizeProblem(bytes: number, limit: number = DOCUMENT_LIMITS.maxBytes): string | null {
  return bytes > limit
    ? `This workbook's workbook.json declares ${documentSizeText(bytes)}; the limit is ${documentSizeText(limit)}. It was refused before being unpacked.`
    : null;
}

/** Counts cells in parsed but unvalidated JSON, trusting nothing about its shape. */
function cellCount(doc: JsonObject): number {
  const sheets = doc.sheets;
  if (!Array.isArray(sheets)) return 0;
  let n = 0;
  for (const s of sheets)
    if (typeof s === 'object' && s !== null && Array.isArray((s as JsonObject).cells))
      n += ((s as JsonObject).cells as unknown[]).length;
  return n;
}

/** The refusal for a document with too many cells, or null. */
export function documentCellsProblem(
  doc: JsonObject,
  limit: number = DOCUMENT_LIMITS.maxCells,
): string | null {
  const n = cellCount(doc);
  return n > limit
    ? `This workbook has ${n.toLocaleString('en-US')} cells; a workbook may have at most ${limit.toLocaleString('en-US')}. It was refused before being read.`
    : null;
}
