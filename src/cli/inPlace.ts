import type { WorkbookDocument } from '../core/model/documentSchema';
import type { Engine } from '../engine/engine';
import { viewsInPlace } from '../engine/postgres/pgInPlace';
import { createPostgresEngine } from '../engine/postgres/postgresEngine';
import { flag, flags, type ParsedArgs, UsageError } from './args';

/** The workbook's tables read where they are, in the database `--engine` names. */
export interface InPlace {
  /** Opens the database and puts the workbook's tables there as views over the user's own. */
  open(doc: WorkbookDocument): Promise<Engine>;
  /** Drops the scratch schema, views included; the user's tables are untouched. */
  close(): Promise<void>;
}

/** `--table NAME=SCHEMA.TABLE` (or `NAME=TABLE`, in --schema): where a workbook table is instead of its own name. */
function tableArgs(args: ParsedArgs, schema: string): Map<string, { schema: string; table: string }> {
  const out = new Map<string, { schema: string; table: string }>();
  for (const spec of flags(args, 'table')) {
    const m = /^([^=]+)=(?:([^.]+)\.)?([^.]+)$/.exec(spec);
    if (m === null)
      throw new UsageError(`--table takes NAME=SCHEMA.TABLE (e.g. deals=crm.deals_export); got “${spec}”.`);
    out.set(m[1], { schema: m[2] ?? schema, table: m[3] });
  }
  return out;
}

/**
 * Whether `run` reads the workbook's tables in place: a workbook, `--engine postgres://…`
 * and no `--data`. Then each workbook table is the table of its name in `--schema`
 * (`public` when not given) or the one `--table NAME=SCHEMA.TABLE` names.
 */
export function inPlaceFor(args: ParsedArgs, workbook: string | undefined): InPlace | null {
  const url = flag(args, 'engine');
  const reading = url !== undefined && /^postgres(ql)?:\/\//.test(url);
  if (!reading || workbook === undefined || flags(args, 'data').length > 0) {
    if (flags(args, 'table').length > 0)
      throw new UsageError(
        '--table names where a workbook table is in the database: it goes with a workbook and --engine postgres://…, without --data.',
      );
    return null;
  }
  const schema = flag(args, 'schema') ?? 'public';
  const named = tableArgs(args, schema);
  let engine: Engine | null = null;
  return {
    async open(doc) {
      const unknown = [...named.keys()].filter((n) => !doc.datasets.some((d) => d.table === n));
      if (unknown.length > 0)
        throw new UsageError(
          `--table ${unknown.join(', ')}: the workbook has no such table (it has ${doc.datasets.map((d) => d.table).join(', ')}).`,
        );
      engine = await createPostgresEngine({ url, schema });
      const placed = doc.datasets.map((d) => ({
        name: d.table,
        ...(named.get(d.table) ?? { schema, table: d.table }),
        columns: d.columns,
      }));
      await viewsInPlace(engine, placed);
      return engine;
    },
    async close() {
      await engine?.close();
    },
  };
}
