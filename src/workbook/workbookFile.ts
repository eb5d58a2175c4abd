import { strToU8, type Zippable, zipSync } from 'fflate';
import { lineAndColumnAt } from '../core/ingest/textPosition';
import { parseDocument, type WorkbookDocument } from '../core/model/document';
import { documentSizeProblem } from '../core/model/documentLimits';
import { DocumentSchema } from '../core/model/documentSchema';
import { nameClashes } from '../core/model/tableNames';
import { openZip, ZIP_LIMITS, type ZipLimits } from './safeZip';
import { nameClashError, WorkbookError } from './workbookError';

/**
 * The `.shakhes` file: a zip holding `workbook.json`, `data/<dataset id>.parquet`
 * for each dataset whose data is embedded, and a README for a person who unzips it.
 */
export const DOCUMENT_ENTRY = 'workbook.json';
const README_ENTRY = 'README.txt';
export const dataEntry = (datasetId: string) => `data/${datasetId}.parquet`;

const README = `This is a Shakhes workbook: a KPI notebook for CRM data.

Open it in Shakhes (it runs in your web browser; nothing is uploaded).

  workbook.json        the workbook: data sources, column mappings, KPI
                       definitions, targets, benchmarks and sheets
  data/*.parquet       the data, when the workbook was saved with its data;
                       any tool that reads Parquet can read these files

When there is no data folder, Shakhes asks for the original files by name
on open and reads them the way they were read before.
`;

// A fixed time stamp so the same workbook always gives the same bytes.
const MTIME = new Date(2020, 0, 1);

interface OpenedWorkbook {
  doc: WorkbookDocument;
  /** Embedded data by dataset id: Parquet bytes. */
  data: Map<string, Uint8Array>;
  /** Set when the file was written in an older format and has been brought up to date. */
  migratedFrom?: number;
}

/**
 * What README.txt adds for tables `shakhes serve` held when the workbook was saved: they
 * are in the file by name only (their rows stay where the server read them), and how to
 * get them back.
 */
function byReferenceNote(byReference: Readonly<Record<string, string>>): string {
  const lines = Object.entries(byReference).map(([table, path]) => `  ${table}    read from ${path}`);
  if (lines.length === 0) return '';
  return `
Saved by reference: these tables were held by \`shakhes serve\` and their rows
are not in this file, only where the server read them:

${lines.join('\n')}

Open the workbook in \`shakhes serve\` given those files (it uses the server's
tables of those names), or give the files when Shakhes asks for them.
`;
}

/**
 * The workbook as file bytes. A dataset is marked embedded exactly when `embedded`
 * holds its Parquet bytes, so the document never promises data the file lacks.
 * `byReference` (table → path) are the tables `shakhes serve` held, named in README.txt.
 */
export function writeWorkbook(
  doc: WorkbookDocument,
  embedded: ReadonlyMap<string, Uint8Array>,
  byReference: Readonly<Record<string, string>> = {},
): Uint8Array {
  for (const id of embedded.keys())
    if (!doc.datasets.some((d) => d.id === id)) throw new Error(`No dataset "${id}" to embed data for.`);
  const marked = { ...doc, datasets: doc.datasets.map((d) => ({ ...d, embedded: embedded.has(d.id) })) };
  // Never write a file this version could not open again.
  const checked = DocumentSchema.safeParse(marked);
  if (!checked.success)
    throw new WorkbookError(
      'invalid-document',
      `The workbook cannot be saved: ${checked.error.issues[0].message}.`,
    );
  const clash = nameClashes(checked.data)[0];
  if (clash !== undefined) throw nameClashError(clash);

  const files: Zippable = {
    [DOCUMENT_ENTRY]: [strToU8(JSON.stringify(checked.data, null, 2)), { level: 6, mtime: MTIME }],
    [README_ENTRY]: [strToU8(README + byReferenceNote(byReference)), { level: 6, mtime: MTIME }],
  };
  // Parquet is already compressed (ZSTD); deflating it again costs time and gains nothing.
  for (const [id, bytes] of embedded) files[dataEntry(id)] = [bytes, { level: 0, mtime: MTIME }];
  return zipSync(files);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    // V8 reports an offset ("at position 58"), Firefox a line and column.
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const at = pos
      ? lineAndColumnAt(text, Number(pos[1]))
      : lc
        ? { line: Number(lc[1]), column: Number(lc[2]) }
        : null;
    const where = at ? ` at line ${at.line}, column ${at.column}` : '';
    throw new WorkbookError(
      'invalid-json',
      `This workbook's workbook.json is not valid JSON${where}; the file is damaged.`,
    );
  }
}

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function looksLikeParquet(bytes: Uint8Array): boolean {
  const n = bytes.length;
  return n >= 8 && PARQUET_MAGIC.every((b, i) => bytes[i] === b && bytes[n - 4 + i] === b);
}

/**
 * Opens workbook file bytes. Refuses with a WorkbookError, whose message is for the
 * user, anything that is not a sound workbook this version can read.
 */
export function readWorkbook(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): OpenedWorkbook {
  const zip = openZip(bytes, limits);
  if (!zip.has(DOCUMENT_ENTRY))
    throw new WorkbookError(
      'not-a-workbook',
      'This file is a zip archive but not a Shakhes workbook: it has no workbook.json.',
    );
  const tooBig = documentSizeProblem(zip.size(DOCUMENT_ENTRY));
  if (tooBig !== null) throw new WorkbookError('too-large', tooBig);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(zip.read(DOCUMENT_ENTRY));
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw new WorkbookError(
      'invalid-json',
      "This workbook's workbook.json is not UTF-8 text; the file is damaged.",
    );
  }
  const parsed = parseDocument(parseJson(text.replace(/^\uFEFF/, '')));
  if (!parsed.ok) {
    if (parsed.reason === 'name-clash') throw nameClashError(parsed.clash);
    const codes = {
      'newer-version': 'newer-version',
      'not-a-workbook': 'not-a-workbook',
      invalid: 'invalid-document',
      'too-large': 'too-large',
    } as const;
    throw new WorkbookError(codes[parsed.reason], parsed.error);
  }

  const data = new Map<string, Uint8Array>();
  for (const d of parsed.doc.datasets) {
    if (!d.embedded) continue;
    const entry = dataEntry(d.id);
    if (!zip.has(entry))
      throw new WorkbookError(
        'missing-data',
        `This workbook says it holds the data of "${d.sourceName}", but ${entry} is missing from the file.`,
      );
    const parquet = zip.read(entry);
    if (!looksLikeParquet(parquet))
      throw new WorkbookError('corrupt', `The data of "${d.sourceName}" (${entry}) is not a Parquet file.`);
    data.set(d.id, parquet);
  }
  return parsed.migratedFrom === undefined
    ? { doc: parsed.doc, data }
    : { doc: parsed.doc, data, migratedFrom: parsed.migratedFrom };
}
