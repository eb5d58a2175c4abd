import { writeFile } from 'node:fs/promises';
import { formulasMarkdown } from '../core/formula/docs';
import { checkKnown, flag, type ParsedArgs } from './args';
import type { CliIO } from './io';

/** `docs`: rewrites docs/formulas.md from the function registry (a test fails while it is stale). */
export async function docsCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  checkKnown(args, ['out']);
  const out = flag(args, 'out') ?? 'docs/formulas.md';
  await writeFile(out, formulasMarkdown());
  io.err(`wrote ${out}`);
  return 0;
}
