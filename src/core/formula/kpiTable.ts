import { type Expr, exprChildren, type Span } from './ast';
import { type Diagnostic, diagnostic } from './diagnostics';
import { lookupFunction } from './registry';
import { findColumn, findTable, type KpiDef, rootTable, type Schema } from './schema';
import { closest } from './suggest';
import { NO_TABLE, TYPE_WORDS } from './typeRules';

/** The KPI's own table, or the one its table.column names point to. */
export function kpiTable(
  schema: Schema,
  kpi: KpiDef,
  expr: Expr,
  filter: Expr | null,
  diags: Diagnostic[],
  whole: Span,
): string | null {
  if (kpi.table !== undefined && kpi.table !== '') {
    const t = findTable(schema, kpi.table);
    if (t !== undefined) return t.name;
    diags.push({
      ...diagnostic(
        'unknown-kpi-table',
        {
          table: kpi.table,
          suggestion: closest(
            kpi.table,
            schema.tables.map((x) => x.name),
          ),
        },
        whole,
      ),
      kpiId: kpi.id,
      source: 'formula',
    });
    return null;
  }
  const named = new Set<string>();
  const collect = (e: Expr): void => {
    if (e.kind === 'name' && e.table !== null) {
      const t = findTable(schema, e.table.text);
      if (t !== undefined) named.add(t.name);
    }
    if (e.kind === 'call' && lookupFunction(e.name)?.params[0]?.type === 'table') {
      for (const a of e.args) {
        if (a.kind === 'name' && a.table === null) {
          const t = findTable(schema, a.name.text);
          if (t !== undefined) named.add(t.name);
        }
      }
    }
    for (const c of exprChildren(e)) collect(c);
  };
  collect(expr);
  if (filter !== null) collect(filter);
  if (named.size === 0) return null;
  return rootTable(schema, [...named], null);
}

export function kpiTimeColumn(
  schema: Schema,
  kpi: KpiDef,
  table: string | null,
  diags: Diagnostic[],
  whole: Span,
): { table: string; column: string } | null {
  const push = (d: Diagnostic) => diags.push({ ...d, kpiId: kpi.id, source: 'formula' });
  if (kpi.timeColumn === undefined || kpi.timeColumn === '') {
    if (table === null) return null;
    const t = findTable(schema, table);
    return t?.timeColumn !== undefined ? { table, column: t.timeColumn } : null;
  }
  let tableName = table;
  let columnName = kpi.timeColumn;
  const dot = kpi.timeColumn.indexOf('.');
  const prefix = dot > 0 ? findTable(schema, kpi.timeColumn.slice(0, dot)) : undefined;
  if (prefix !== undefined) {
    tableName = prefix.name;
    columnName = kpi.timeColumn.slice(dot + 1);
  }
  const t = tableName === null ? undefined : findTable(schema, tableName);
  if (t === undefined) {
    push(
      diagnostic('bad-time-column', { table: tableName ?? NO_TABLE, column: columnName, found: null }, whole),
    );
    return null;
  }
  const c = findColumn(t, columnName);
  if (c === undefined) {
    push(diagnostic('bad-time-column', { table: t.name, column: columnName, found: null }, whole));
    return null;
  }
  if (c.kind !== 'date' && c.kind !== 'timestamp') {
    push(diagnostic('bad-time-column', { table: t.name, column: c.name, found: TYPE_WORDS[c.kind] }, whole));
    return null;
  }
  return { table: t.name, column: c.name };
}
