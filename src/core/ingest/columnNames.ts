/**
 * Header cells as column names: trimmed, a BOM dropped, a blank named after its position
 * (`column_3`), and a repeat suffixed (`amount_2`) compared ignoring case, because
 * DuckDB treats `Amount` and `amount` as the same column.
 */
export function columnNames(header: readonly string[]): string[] {
  const taken = new Set<string>();
  return header.map((cell, i) => {
    const base = cell.replace(/^\ufeff/, '').trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
