import {
  type DuckDBBlobValue,
  type DuckDBDateValue,
  type DuckDBDecimalValue,
  type DuckDBResultReader,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import {
  Binary,
  Bool,
  type Data,
  type DataType,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Time,
  Timestamp,
  TimeUnit,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
} from 'apache-arrow';

/**
 * Native DuckDB's Node API has no Arrow output, so results are converted here into the
 * Arrow types DuckDB-WASM produces for the same SQL (checked column by column in
 * test/integration/engine/nativeEngine.test.ts): HUGEINT as DECIMAL(38,0), DECIMAL as
 * 128-bit decimals, DATE in days, TIMESTAMP in its own unit, a NULL column as Int32.
 * Types the app never reads as such (lists, structs, maps, intervals, enums, bits)
 * arrive as DuckDB's text for them.
 */

type Leaf = {
  type: DataType;
  /** Fills one row's slot in the value buffer. */
  fill: (values: never, row: number, v: DuckDBValue) => void;
  buffer: (rows: number) => ArrayLike<unknown>;
};

const micro: Record<number, TimeUnit> = {
  [DuckDBTypeId.TIMESTAMP]: TimeUnit.MICROSECOND,
  [DuckDBTypeId.TIMESTAMP_TZ]: TimeUnit.MICROSECOND,
  [DuckDBTypeId.TIMESTAMP_S]: TimeUnit.SECOND,
  [DuckDBTypeId.TIMESTAMP_MS]: TimeUnit.MILLISECOND,
  [DuckDBTypeId.TIMESTAMP_NS]: TimeUnit.NANOSECOND,
};

const numbers = (type: DataType, Buf: new (n: number) => ArrayLike<number>): Leaf => ({
  type,
  buffer: (n) => new Buf(n),
  fill: (values: number[], row, v) => {
    values[row] = v as number;
  },
});

const bigints = (type: DataType, Buf: new (n: number) => ArrayLike<bigint>): Leaf => ({
  type,
  buffer: (n) => new Buf(n),
  fill: (values: bigint[], row, v) => {
    values[row] = v as bigint;
  },
});

/** A 128-bit two's complement integer as four little-endian 32-bit words. */
const decimals = (type: Decimal, unscaled: (v: DuckDBValue) => bigint): Leaf => ({
  type,
  buffer: (n) => new Uint32Array(n * 4),
  fill: (values: Uint32Array, row, v) => {
    let x = BigInt.asUintN(128, unscaled(v));
    for (let w = 0; w < 4; w++) {
      values[row * 4 + w] = Number(x & 0xffffffffn);
      x >>= 32n;
    }
  },
});

/** A timestamp or time value's count in its own unit (each DuckDB value class names it differently). */
function ticks(v: DuckDBValue): bigint {
  const t = v as { micros?: bigint; millis?: bigint; seconds?: bigint; nanos?: bigint };
  return t.micros ?? t.millis ?? t.seconds ?? t.nanos ?? 0n;
}

function leafFor(type: DuckDBType): Leaf | null {
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
      return numbers(new Int8(), Int8Array);
    case DuckDBTypeId.SMALLINT:
      return numbers(new Int16(), Int16Array);
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.SQLNULL:
      return numbers(new Int32(), Int32Array);
    case DuckDBTypeId.UTINYINT:
      return numbers(new Uint8(), Uint8Array);
    case DuckDBTypeId.USMALLINT:
      return numbers(new Uint16(), Uint16Array);
    case DuckDBTypeId.UINTEGER:
      return numbers(new Uint32(), Uint32Array);
    case DuckDBTypeId.FLOAT:
      return numbers(new Float32(), Float32Array);
    case DuckDBTypeId.DOUBLE:
      return numbers(new Float64(), Float64Array);
    case DuckDBTypeId.BIGINT:
      return bigints(new Int64(), BigInt64Array);
    case DuckDBTypeId.UBIGINT:
      return bigints(new Uint64(), BigUint64Array);
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return decimals(new Decimal(0, 38, 128), (v) => v as bigint);
    case DuckDBTypeId.DECIMAL:
      return decimals(new Decimal(type.scale, type.width, 128), (v) => (v as DuckDBDecimalValue).value);
    case DuckDBTypeId.DATE:
      return {
        type: new DateDay(),
        buffer: (n) => new Int32Array(n),
        fill: (values: Int32Array, row, v) => {
          values[row] = (v as DuckDBDateValue).days;
        },
      };
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return {
        type: new Timestamp(micro[type.typeId], type.typeId === DuckDBTypeId.TIMESTAMP_TZ ? 'UTC' : null),
        buffer: (n) => new BigInt64Array(n),
        fill: (values: BigInt64Array, row, v) => {
          values[row] = ticks(v);
        },
      };
    case DuckDBTypeId.TIME:
      return {
        type: new Time(TimeUnit.MICROSECOND, 64),
        buffer: (n) => new BigInt64Array(n),
        fill: (values: BigInt64Array, row, v) => {
          values[row] = ticks(v);
        },
      };
    default:
      return null;
  }
}

function validity(values: readonly DuckDBValue[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

function booleanData(values: readonly DuckDBValue[]): Data {
  const data = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
  return makeData({ type: new Bool(), length: values.length, data, ...validity(values) });
}

/** Variable-width text or bytes: one offsets buffer and one data buffer. */
function bytesData<T extends Utf8 | Binary>(
  type: T,
  values: readonly DuckDBValue[],
  toBytes: (v: DuckDBValue) => Uint8Array,
): Data {
  const parts = values.map((v) => (v === null ? new Uint8Array(0) : toBytes(v)));
  const valueOffsets = new Int32Array(values.length + 1);
  for (let i = 0; i < parts.length; i++) valueOffsets[i + 1] = valueOffsets[i] + parts[i].length;
  const data = new Uint8Array(valueOffsets[values.length]);
  for (let i = 0; i < parts.length; i++) data.set(parts[i], valueOffsets[i]);
  return makeData({ type, length: values.length, valueOffsets, data, ...validity(values) } as never);
}

const utf8 = new TextEncoder();

function columnData(type: DuckDBType, values: readonly DuckDBValue[]): Data {
  if (type.typeId === DuckDBTypeId.BOOLEAN) return booleanData(values);
  if (type.typeId === DuckDBTypeId.BLOB)
    return bytesData(new Binary(), values, (v) => (v as DuckDBBlobValue).bytes);
  const leaf = leafFor(type);
  if (leaf === null) return bytesData(new Utf8(), values, (v) => utf8.encode(String(v)));
  const data = leaf.buffer(values.length);
  for (let i = 0; i < values.length; i++) if (values[i] !== null) leaf.fill(data as never, i, values[i]);
  return makeData({ type: leaf.type, length: values.length, data, ...validity(values) } as never);
}

/** A read result as one Arrow table (one batch), typed as DuckDB-WASM would type it. */
export function readerToArrow(reader: DuckDBResultReader): Table {
  const columns = reader.getColumns();
  const data = reader.columnTypes().map((t, i) => columnData(t, columns[i] ?? []));
  const fields = data.map((d, i) => new Field(reader.columnName(i), d.type, true));
  const schema = new Schema(fields);
  const length = reader.currentRowCount;
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length, children: data }));
  return new Table(schema, [batch]);
}
