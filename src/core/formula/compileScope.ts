import type { CalendarKind, Grain } from '../sql/calendarSchema';
import type { Dialect } from '../sql/dialect';
import type { TExpr } from './checked';
import type { ScorecardRequest } from './compile';
import type { ScorecardPlan } from './compilePlan';
import { argSql, exprSql, type SqlCtx } from './rowSql';

/** What every part of one compile's SQL is written with: the plan, the dialect and the names. */
export class CompileScope {
  readonly d: Dialect;
  readonly grain: Grain | null;
  readonly calendar: CalendarKind;
  /** Whole-range rows (the three ranges) instead of one value over the range. */
  readonly ranges: boolean;
  /** TODAY() as a DATE literal. */
  readonly today: string;

  constructor(
    readonly req: ScorecardRequest,
    readonly plan: ScorecardPlan,
    d: Dialect,
    /** Prefix of this compile's CTE names, so a second compile can share one WITH. */
    private readonly prefix: string,
  ) {
    this.d = d;
    this.grain = plan.grain;
    this.calendar = plan.calendar;
    this.ranges = this.grain === null && req.totals === true;
    this.today = d.dateLiteral(req.today ?? new Date().toISOString().slice(0, 10));
  }

  q(name: string): string {
    return this.d.quoteIdent(name);
  }

  /** A CTE of this compile; `bounds` is always the outer compile's, so both cover one range. */
  n(name: string): string {
    return this.q(name === 'bounds' ? name : `${this.prefix}${name}`);
  }

  /** A blank of the type. */
  null(type: 'double' | 'text' | 'date'): string {
    return this.d.cast('NULL', type);
  }

  argSql(fn: string, i: number, a: TExpr, ctx: SqlCtx): string {
    return argSql(fn, i, a, this.exprCtx(ctx));
  }

  /** SQL for a row expression (in a block) or a KPI expression (on the stage relations). */
  rowSql(e: TExpr, ctx: SqlCtx): string {
    return exprSql(e, this.exprCtx(ctx));
  }

  private exprCtx(ctx: SqlCtx) {
    return {
      ...ctx,
      dialect: this.d,
      aggregate: (call: Extract<TExpr, { t: 'call' }>) => {
        const slot = this.plan.slotOfCall.get(call);
        return slot === undefined ? 'NULL' : this.q(slot.name);
      },
    };
  }
}
