import type { CheckedKpi, TExpr } from './checked';
import { RANGE_KINDS } from './compileRanges';
import type { CompileScope } from './compileScope';
import type { WindowContext } from './registry';
import type { SqlCtx } from './rowSql';

/** The columns every spine has (compileSpine.ts, compileRanges.ts). */
const SPINE_COLUMNS = ['period_start', 'period_end', 'period', 'period_ord', 'period_year', 'in_range'];

/**
 * r0: the spine (periods × breakdown values) with every block's aggregates joined on;
 * ACTIVE() counts become running sums of their events here.
 */
export function r0Sql(s: CompileScope): string {
  const { d } = s;
  // Named one by one: ClickHouse names the columns of `s.*` after the join, not as the spine had them.
  const spine = [...SPINE_COLUMNS, ...(s.grain === null ? ['range_kind'] : []), 'by_value'];
  const cols = spine.map((c) => `s.${s.q(c)} AS ${s.q(c)}`);
  const joins: string[] = [];
  for (const b of s.plan.blocks) {
    const on = [
      d.nullSafeEquals(`${b.name}.by_value`, 's.by_value'),
      ...(s.grain !== null && s.plan.dated(b) ? [`${b.name}.period_start = s.period_start`] : []),
    ];
    const dated = b.time !== null || b.usesPeriod;
    joins.push(`LEFT JOIN ${s.q(b.name)} ON ${on.join(' AND ')}`);
    for (const slot of b.slots) {
      if (b.kind === 'event') {
        const running = `SUM(COALESCE(${b.name}.n_start, 0) - COALESCE(${b.name}.n_end, 0)) OVER (PARTITION BY s.by_value ORDER BY s.period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
        cols.push(`${d.cast(running, 'double')} AS ${s.q(slot.name)}`);
      } else if (s.ranges) {
        // Each range's row reads its own column; an undated table has the whole range's only.
        const v = (kind: string) => {
          const c = `${b.name}.${s.q(`${slot.name}_${kind}`)}`;
          return slot.empty === 0 ? `COALESCE(${c}, 0)` : c;
        };
        const whens = (dated ? RANGE_KINDS : (['total'] as const)).map(
          (kind) => `WHEN ${d.stringLiteral(kind)} THEN ${v(kind)}`,
        );
        cols.push(`CASE s.range_kind ${whens.join(' ')} END AS ${s.q(slot.name)}`);
      } else {
        const v = `${b.name}.${s.q(slot.name)}`;
        cols.push(`${slot.empty === 0 ? `COALESCE(${v}, 0)` : v} AS ${s.q(slot.name)}`);
      }
    }
  }
  return [
    `SELECT ${cols.join(',\n  ')}`,
    `FROM (SELECT * FROM ${s.n('spine_periods')} CROSS JOIN ${s.n('by_values')}) AS s`,
    ...joins,
  ].join('\n');
}

/** Expressions on the stage relations: KPI columns, aggregate columns and windows over periods. */
export function kpiCtx(s: CompileScope, columnOf: Map<string, string>): SqlCtx {
  const window: WindowContext = {
    partition: s.q('by_value'),
    order: s.q('period_start'),
    ordinal: s.q('period_ord'),
    year: s.q('period_year'),
    inRange: s.q('in_range'),
    period: s.q('period_start'),
  };
  return {
    alias: () => 't0',
    row: { periodStart: s.q('period_start'), periodEnd: s.q('period_end'), today: s.today },
    kpiLevel: { columnOf, window },
  };
}

export function kpiSql(s: CompileScope, k: CheckedKpi, columnOf: Map<string, string>): string {
  const sql = s.rowSql(k.expr as TExpr, kpiCtx(s, columnOf));
  return k.type === 'number' ? s.d.cast(sql, 'double') : sql;
}

/** The base at KPI level: the smallest of what it rests on. */
export function baseSql(
  s: CompileScope,
  k: CheckedKpi,
  ctx: SqlCtx,
  baseOf: ReadonlyMap<string, string>,
): string {
  const b = s.plan.bases.get(k.id);
  const parts =
    b === undefined
      ? []
      : b.plan.t === 'refs'
        ? k.refs.flatMap((r) => {
            const c = baseOf.get(r);
            return c === undefined ? [] : [s.q(c)];
          })
        : b.exprs.map((e) => s.rowSql(e, ctx));
  if (parts.length === 0) return s.null('double');
  return s.d.cast(parts.length === 1 ? parts[0] : s.d.least(parts), 'double');
}
