import { Inflate } from 'fflate';
import { crc32 } from './crc32';
import { WorkbookError } from './workbookError';

/**
 * A zip reader for files from strangers. It reads the central directory itself so
 * every entry's name and declared sizes are checked before a byte is inflated, and
 * it inflates in small steps so an entry that unpacks to more than it declared is
 * stopped within one step (a zip bomb cannot lie its way past the limits).
 */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared unpacked sizes of all entries. */
  maxTotalBytes: number;
  /** Unpacked ÷ packed size above which a large entry is taken for a bomb. */
  maxRatio: number;
  /** Entries declaring less than this may compress as well as they like. */
  ratioAppliesAbove: number;
}

const MiB = 1024 * 1024;

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 200,
  maxTotalBytes: 1024 * MiB,
  // Deflate reaches about 1000:1 on runs of one byte; real JSON and Parquet stay far below 200:1.
  maxRatio: 200,
  ratioAppliesAbove: MiB,
};

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

interface SafeZip {
  names(): string[];
  has(name: string): boolean;
  /** The unpacked size the entry declares, checked against limits before it is read. */
  size(name: string): number;
  /** The entry's unpacked bytes; throws WorkbookError when damaged or larger than declared. */
  read(name: string): Uint8Array;
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_SIZE = 22;
const INFLATE_STEP = 64 * 1024;

const corrupt = (detail: string) =>
  new WorkbookError('corrupt', `This workbook file is damaged (${detail}); it cannot be opened.`);

function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_SIZE - 0xffff);
  for (let i = view.byteLength - EOCD_SIZE; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) return i;
  }
  return -1;
}

/** Why an entry name could write or point outside the archive, or null when it is a plain relative path. */
function unsafeName(name: string): string | null {
  if (name === '') return 'an entry has no name';
  if (name.includes('\u0000')) return 'an entry name contains a NUL character';
  if (name.includes('\\')) return `the entry "${name}" uses backslashes in its path`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `the entry "${name}" has an absolute path`;
  if (name.split('/').some((part) => part === '..')) return `the entry "${name}" points outside the archive`;
  return null;
}

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${bytes} bytes`;
}

export function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): SafeZip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const looksLikeZip = bytes.length >= 4 && view.getUint32(0, true) === LOCAL_SIG;
  const eocd = bytes.length >= EOCD_SIZE ? findEndOfDirectory(view) : -1;
  if (eocd === -1)
    throw looksLikeZip
      ? corrupt('the end of the archive is missing; it may be truncated')
      : new WorkbookError('not-a-zip', 'This file is not a Shakhes workbook: it is not a zip archive.');

  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 8, true) !== count)
    throw new WorkbookError(
      'unsupported',
      'This workbook file is split over several disks, which Shakhes cannot read.',
    );
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw new WorkbookError('unsupported', 'This file uses ZIP64, which Shakhes workbooks never need.');
  if (count > limits.maxEntries)
    throw new WorkbookError(
      'too-many-entries',
      `This file holds ${count} entries; a Shakhes workbook holds at most ${limits.maxEntries}. It was refused as a possible zip bomb.`,
    );
  if (dirOffset + dirSize > eocd) throw corrupt('its table of contents points past its end');

  const entries = new Map<string, ZipEntry>();
  const spans: { start: number; end: number; name: string }[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIG)
      throw corrupt('its table of contents is broken');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) throw corrupt('its table of contents is broken');
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    let name: string;
    try {
      name = decoder.decode(rawName);
    } catch {
      throw corrupt('an entry name is not readable text');
    }
    const unsafe = unsafeName(name);
    if (unsafe !== null)
      throw new WorkbookError(
        'unsafe-path',
        `This file was refused because ${unsafe}; a workbook never does that.`,
      );
    if (entries.has(name))
      throw new WorkbookError('unsafe-path', `This file was refused: it holds "${name}" twice.`);
    if (flags & 1)
      throw new WorkbookError('unsupported', `The entry "${name}" is encrypted; workbooks never are.`);
    if (method !== 0 && method !== 8)
      throw new WorkbookError('unsupported', `The entry "${name}" is packed in a way Shakhes does not read.`);
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      throw new WorkbookError('unsupported', 'This file uses ZIP64, which Shakhes workbooks never need.');

    total += size;
    if (method === 0 && size !== compressedSize)
      throw corrupt(`the stored entry "${name}" has two different sizes`);

    if (localOffset + 30 > dirOffset || view.getUint32(localOffset, true) !== LOCAL_SIG)
      throw corrupt(`the entry "${name}" is not where the table of contents says`);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (localName.length !== rawName.length || !localName.every((b, i) => b === rawName[i]))
      throw corrupt(`the entry "${name}" has a different name inside the archive`);
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    if (dataStart + compressedSize > dirOffset)
      throw corrupt(`the entry "${name}" runs past the end of the data`);
    spans.push({ start: localOffset, end: dataStart + compressedSize, name });
    entries.set(name, { name, method, crc, compressedSize, size, dataStart });
  }

  if (total > limits.maxTotalBytes)
    throw new WorkbookError(
      'too-large',
      `This file unpacks to ${sizeText(total)}, more than the ${sizeText(limits.maxTotalBytes)} a workbook may hold. It was refused as a possible zip bomb.`,
    );
  for (const e of entries.values())
    if (e.size > limits.ratioAppliesAbove && e.size > e.compressedSize * limits.maxRatio)
      throw new WorkbookError(
        'too-large',
        `The entry "${e.name}" claims to unpack ${sizeText(e.compressedSize)} into ${sizeText(e.size)}, far more than real data compresses. It was refused as a possible zip bomb.`,
      );

  // Entries that share bytes are how the smallest zip bombs multiply themselves.
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++)
    if (spans[i].start < spans[i - 1].end)
      throw new WorkbookError(
        'too-large',
        `The entries "${spans[i - 1].name}" and "${spans[i].name}" overlap. It was refused as a possible zip bomb.`,
      );

  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    size: (name) => entries.get(name)?.size ?? 0,
    read(name) {
      const entry = entries.get(name);
      if (entry === undefined) throw new Error(`No entry ${name} in the zip.`);
      return inflateEntry(bytes, entry);
    },
  };
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const packed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = packed.slice();
  else {
    out = new Uint8Array(entry.size);
    let written = 0;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > entry.size)
        throw new WorkbookError(
          'too-large',
          `The entry "${entry.name}" unpacks to more than the ${sizeText(entry.size)} it declares. It was refused as a possible zip bomb.`,
        );
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      for (let at = 0; at < packed.length; at += INFLATE_STEP) {
        const end = Math.min(at + INFLATE_STEP, packed.length);
        inflater.push(packed.subarray(at, end), end === packed.length);
      }
      if (packed.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof WorkbookError) throw err;
      throw corrupt(`the entry "${entry.name}" cannot be unpacked`);
    }
    if (written !== entry.size) throw corrupt(`the entry "${entry.name}" is shorter than it declares`);
  }
  if (crc32(out) !== entry.crc) throw corrupt(`the entry "${entry.name}" fails its checksum`);
  return out;
}
