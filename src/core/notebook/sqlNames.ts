/**
 * Reading names out of cell SQL without parsing it: enough to find which other cells
 * a SQL cell reads and which `{{parameters}}` it uses. Comments and quoted text are
 * skipped so a name in them is not a dependency; a column that happens to share a
 * cell's name makes a harmless extra edge (the cell reruns once more than needed).
 */

const PARAM = /\{\{\s*([\p{L}_][\p{L}\p{N}_]*)(?:\.(from|to))?\s*\}\}/gu;

/** Each `{{name}}` or `{{name.from}}` in the SQL, as the input cell name. */
export function paramNames(sql: string): string[] {
  const out = new Set<string>();
  for (const m of sql.matchAll(PARAM)) out.add(m[1]);
  return [...out];
}

/** Words and quoted identifiers outside comments and string literals, case kept. */
export function sqlWords(sql: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === '"' && sql[j + 1] !== '"')) j += sql[j] === '"' ? 2 : 1;
      words.push(sql.slice(i + 1, j).replaceAll('""', '"'));
      i = j + 1;
    } else if (/[\p{L}_]/u.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[\p{L}\p{N}_$]/u.test(sql[j])) j++;
      words.push(sql.slice(i, j));
      i = j;
    } else i++;
  }
  return words;
}

/** Names from `candidates` the SQL mentions (case-insensitive, as DuckDB resolves them). */
export function mentionedNames(sql: string, candidates: ReadonlySet<string>): string[] {
  const byLower = new Map([...candidates].map((n) => [n.toLowerCase(), n]));
  const out = new Set<string>();
  for (const w of sqlWords(sql)) {
    const hit = byLower.get(w.toLowerCase());
    if (hit !== undefined) out.add(hit);
  }
  return [...out];
}
