import type { Dialect } from '../sql/dialect';

/**
 * Key-driver analysis: each driver score's Pearson correlation with the outcome
 * (importance) against its mean (performance). Read together they make the
 * importance–performance quadrant: high importance and low performance is where
 * effort pays. Correlation is over responses that answered both.
 */
interface KeyDriverSpec {
  table: string;
  outcome: string;
  drivers: readonly string[];
}

export const KEY_DRIVER_DEFAULTS = { table: 'surveys', outcome: 'csat', prefix: 'driver_' } as const;

/** Numeric columns named like drivers (`driver_*`), the default driver list. */
export function defaultDrivers(columns: readonly { name: string; kind: string }[]): string[] {
  return columns
    .filter((c) => c.kind === 'number' && c.name.toLowerCase().startsWith(KEY_DRIVER_DEFAULTS.prefix))
    .map((c) => c.name);
}

export function keyDriversSql(spec: KeyDriverSpec, d: Dialect): string {
  const q = (n: string) => d.quoteIdent(n);
  const y = q(spec.outcome);
  const parts = spec.drivers.map((name) => {
    const x = q(name);
    const both = `${x} IS NOT NULL AND ${y} IS NOT NULL`;
    return `SELECT ${d.stringLiteral(name)} AS driver,
  ${d.aggregate('corr', [x, y], both)} AS importance,
  ${d.cast(d.aggregate('avg', [x], null), 'double')} AS performance,
  ${d.aggregate('countRows', [], both)} AS responses
FROM ${q(spec.table)}`;
  });
  return `SELECT * FROM (\n${parts.join('\nUNION ALL\n')}\n) AS drivers ORDER BY importance DESC NULLS LAST, driver`;
}
