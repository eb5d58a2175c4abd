/** Pure helpers of file import: encodings, digits, numbers, dates, names, pasted tables, value types. */

export { looksBinary } from './binary.ts';
export { columnNames } from './columnNames.ts';
export {
  DATE_DETECTION_SHARE,
  type DateTextOrder,
  detectDateOrder,
  hasTimeOfDay,
  parseDateText,
  parseTimestampText,
} from './dates.ts';
export { type DelimitedRecords, type DelimitedTable, parseDelimitedText, splitRecords } from './delimited.ts';
export { DELIMITERS, sniffDelimiter } from './delimiter.ts';
export { toAsciiDigits } from './digits.ts';
export { bomLengthFor, decodeText, detectEncoding } from './encoding.ts';
export { excelSerialToIso, excelSerialToTimestamp, isExcelSerialDay } from './excelDates.ts';
export { headerRowIndex } from './headerRow.ts';
export { normalizePersianLetters } from './letters.ts';
export { type NumberTextOptions, parseNumberText } from './numbers.ts';
export { tableNameFromFile, uniqueTableName } from './tableName.ts';
export { lineAndColumnAt } from './textPosition.ts';
export type { DateOrder, EncodingName } from './types.ts';
export {
  type CellValue,
  type Coerced,
  coerceColumn,
  coerceValue,
  displayText,
  inferKind,
  isBlank,
  KIND_SHARE,
  type KindOptions,
  type TypedColumn,
  typeColumn,
  type ValueProblem,
} from './valueKinds.ts';
