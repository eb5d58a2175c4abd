import { type Expr, exprChildren } from '../formula/ast';
import { parseFormula } from '../formula/parser';
import { lookupFunction } from '../formula/registry';
import type { CatalogEntry } from './types';

/** The names a formula mentions, read from its syntax tree before any schema is known. */
interface FormulaNames {
  /** `table.column` as written. */
  readonly columns: ReadonlySet<string>;
  /** Bare names: a KPI id or a column of the KPI's table. */
  readonly bare: ReadonlySet<string>;
  /** Tables named whole, as in COUNTROWS(tickets). */
  readonly tables: ReadonlySet<string>;
}

export function formulaNames(source: string): FormulaNames {
  const columns = new Set<string>();
  const bare = new Set<string>();
  const tables = new Set<string>();
  const visit = (e: Expr, tableArg: boolean): void => {
    if (e.kind === 'name') {
      if (e.table !== null) columns.add(`${e.table.text}.${e.name.text}`);
      else if (tableArg) tables.add(e.name.text);
      else bare.add(e.name.text);
      return;
    }
    if (e.kind === 'call') {
      const params = lookupFunction(e.name)?.params ?? [];
      e.args.forEach((a, i) => {
        visit(a, params[Math.min(i, params.length - 1)]?.type === 'table');
      });
      return;
    }
    for (const c of exprChildren(e)) visit(c, false);
  };
  visit(parseFormula(source).expr, false);
  return { columns, bare, tables };
}

/**
 * The canonical columns an entry reads and the KPIs it uses, following KPI
 * references through `entries` so availability is judged on everything a value
 * depends on, not only the columns written in its own formula.
 */
export function deriveNeeds(
  entry: CatalogEntry,
  entries: ReadonlyMap<string, CatalogEntry>,
): { needs: string[]; uses: string[] } {
  const needs = new Set<string>();
  const uses = new Set<string>();
  const seen = new Set<string>();
  const walk = (e: CatalogEntry): void => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    needs.add(`${e.table}.${e.timeColumn}`);
    for (const source of [e.formula, e.filter ?? '']) {
      if (source.trim() === '') continue;
      const names = formulaNames(source);
      for (const c of names.columns) needs.add(c);
      for (const name of names.bare) {
        const other = entries.get(name);
        if (other === undefined) {
          needs.add(`${e.table}.${name}`);
        } else {
          uses.add(other.id);
          walk(other);
        }
      }
    }
  };
  walk(entry);
  uses.delete(entry.id);
  return { needs: [...needs].sort(), uses: [...uses].sort() };
}
