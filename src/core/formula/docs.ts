import { allFunctions, type Category, type FunctionSpec, type ParamSpec, signature } from './registry';

/** docs/formulas.md, written from the registry so the reference can never drift from the code. */

const CATEGORY_TITLES: Record<Category, string> = {
  aggregate: 'Aggregates (one value per period)',
  logical: 'Logic',
  math: 'Math',
  text: 'Text',
  date: 'Dates',
  'time intelligence': 'Time intelligence (on KPI values)',
};

const TYPE_WORDS: Record<ParamSpec['type'], string> = {
  number: 'number',
  text: 'text',
  boolean: 'condition',
  datelike: 'date',
  orderable: 'number, text or date',
  any: 'any value',
  table: 'table name',
};

function returns(f: FunctionSpec): string {
  const r = f.returns;
  if (typeof r === 'string') return r === 'boolean' ? 'condition' : r;
  if ('sameAs' in r) return `same type as \`${f.params[r.sameAs].name}\``;
  return 'the type of its values';
}

function paramLine(x: ParamSpec): string {
  const notes = [
    x.optional ? 'optional' : null,
    x.variadic ? 'repeatable' : null,
    x.constant ? 'a fixed value' : null,
    x.range === undefined
      ? null
      : `${x.range.whole ? 'a whole number' : 'a number'} from ${x.range.min} to ${x.range.max}`,
  ]
    .filter((n) => n !== null)
    .join(', ');
  return `\`${x.name}\` (${TYPE_WORDS[x.type]}${notes === '' ? '' : `; ${notes}`})`;
}

export function formulasMarkdown(): string {
  const out: string[] = [
    '# Formula reference',
    '',
    '<!-- Generated from src/core/formula/registry.ts by src/core/formula/docs.ts; do not edit by hand. -->',
    '',
    'KPI formulas read like spreadsheet formulas. Literals: `12`, `3.5`, `1e6`, `15%` (0.15), `"Won"` (write `""` for a quote inside text), `TRUE`, `FALSE`, `DATE("2024-01-31")`.',
    'Names: `table.column`; `[Any Name]` or `table.[Close Date]` for names with spaces or symbols (write `]]` for a `]`); Persian and other letters work as they are.',
    'A bare name is a KPI of the workbook, otherwise a column of the KPI’s table.',
    'Operators, loosest first: `OR`, `AND`, `NOT`, comparisons `= <> < <= > >=` and `x IN (a, b)`, `&` (join text), `+ -`, `* /`, a leading `-`, `^` (power; `-2^2` is -4).',
    '',
    'Rules: a KPI gives one value per period, so a column must sit inside an aggregate (`SUM(amount) / COUNT(id)`, not `amount / COUNT(id)`); blanks are skipped by aggregates; dividing by zero gives a blank, never an error.',
    '',
    'Text comparisons (`=`, `<>`, `IN`) are exact: upper and lower case count, so `deals.stage = "lost"` matches no row whose stage is `Lost`. There is no `EXACT()` function because `=` already is exact; to ignore case, compare lower-cased text: `LOWER(deals.stage) = "lost"`. When a text column holds at most 1,000 distinct values, the checker knows them and warns about a comparison with text the column never holds, at the text, with the value you probably meant ("did you mean “Lost”?").',
    '',
  ];
  const cats = Object.keys(CATEGORY_TITLES) as Category[];
  for (const cat of cats) {
    out.push(`## ${CATEGORY_TITLES[cat]}`, '');
    for (const f of allFunctions().filter((x) => x.category === cat)) {
      out.push(`### ${f.name}`, '', `\`${signature(f)}\` → ${returns(f)}`, '', f.help, '');
      if (f.params.length > 0) out.push(`Arguments: ${f.params.map(paramLine).join(', ')}.`, '');
      out.push(`Example: \`${f.example.formula}\` — ${f.example.result}.`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
