/**
 * 1-based line and column of a character offset, for errors that parsers report by offset
 * (JSON.parse says "at position 58"); \r\n counts as one line break.
 */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
