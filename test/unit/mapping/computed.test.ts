import { describe, expect, it } from 'vitest';
import type { TableMapping } from '../../../src/core/model/mapping';
import { constantFits } from '../../../src/core/model/mappingComputed';
import { validateMapping } from '../../../src/core/model/mappingValidate';
import { mappedColumns, mappingViewSql, viewLayout } from '../../../src/core/model/mappingView';
import { duckdb } from '../../../src/core/sql/dialects/registry';

const raw = [
  { name: 'Day', kind: 'date' as const },
  { name: 'Source', kind: 'text' as const },
  { name: 'Cost', kind: 'number' as const },
];
const kinds = Object.fromEntries(raw.map((c) => [c.name, c.kind]));
const headers = raw.map((c) => c.name);

const withChannel = (computed: TableMapping['computed']): TableMapping => ({
  canonicalTable: 'marketing',
  columns: { date: 'Day', spend: 'Cost' },
  computed,
});

describe('computed canonical columns', () => {
  it('a constant fills a required column the file lacks', () => {
    const m = withChannel({ channel: { constant: 'Facebook' } });
    expect(validateMapping(m, raw, 'ads')).toEqual([]);
    expect(validateMapping(withChannel(undefined), raw, 'ads').map((p) => p.code)).toEqual([
      'required-missing',
    ]);
    expect(mappedColumns(m).has('marketing.channel')).toBe(true);
    const sql = mappingViewSql('ads', m, headers, { dialect: duckdb, kinds });
    expect(sql).toContain(`'Facebook' AS "channel"`);
    // The raw columns are all still there after the canonical ones.
    expect(viewLayout(m, headers).map((c) => c.name)).toEqual([
      'date',
      'spend',
      'channel',
      'Day',
      'Source',
      'Cost',
    ]);
  });

  it('hostile constants only ever become one escaped literal', () => {
    for (const value of [
      "O'Brien",
      "'); DROP TABLE ads; --",
      'line one\nline two',
      'فیس‌بوک',
      '"; SELECT 1; --',
    ]) {
      const sql = mappingViewSql('ads', withChannel({ channel: { constant: value } }), headers, {
        dialect: duckdb,
        kinds,
      });
      expect(sql).toContain(`'${value.replaceAll("'", "''")}' AS "channel"`);
    }
    const nul = withChannel({ channel: { constant: 'a\u0000b' } });
    expect(validateMapping(nul, raw, 'ads').map((p) => p.code)).toEqual(['constant-invalid']);
    expect(mappingViewSql('ads', nul, headers, { dialect: duckdb, kinds })).toContain(
      'CAST(NULL AS VARCHAR) AS "channel"',
    );
  });

  it('a constant of another kind is typed and checked', () => {
    const m: TableMapping = {
      canonicalTable: 'marketing',
      columns: { date: 'Day', channel: 'Source' },
      computed: { spend: { constant: '12.5' } },
    };
    expect(validateMapping(m, raw, 'ads')).toEqual([]);
    expect(mappingViewSql('ads', m, headers, { dialect: duckdb, kinds })).toContain(
      `CAST('12.5' AS DOUBLE) AS "spend"`,
    );
    const bad = { ...m, computed: { spend: { constant: "1; DROP TABLE ads'" } } };
    const problems = validateMapping(bad, raw, 'ads');
    expect(problems.map((p) => p.message)).toEqual([
      `marketing.spend needs numbers; “1; DROP TABLE ads'” is not one of them`,
    ]);
    expect(mappingViewSql('ads', bad, headers, { dialect: duckdb, kinds })).toContain(
      'CAST(NULL AS DOUBLE) AS "spend"',
    );
    expect(constantFits('date', '2024-02-30')).toBe(false);
    expect(constantFits('timestamp', '2024-02-29 10:30')).toBe(true);
    expect(constantFits('boolean', 'TRUE')).toBe(true);
  });

  it('a derived column compiles its formula over the raw table, cast to the canonical type', () => {
    const m = withChannel({ channel: { formula: 'IF(Source = "fb", "Facebook", Source)' } });
    expect(validateMapping(m, raw, 'ads')).toEqual([]);
    expect(mappingViewSql('ads', m, headers, { dialect: duckdb, kinds })).toContain(
      `TRY_CAST(CASE WHEN ("ads"."Source" = 'fb') THEN 'Facebook' ELSE "ads"."Source" END AS VARCHAR) AS "channel"`,
    );
  });

  it('refuses a bad formula with where and why, and a formula of the wrong kind', () => {
    const typo = validateMapping(withChannel({ channel: { formula: 'UPPER(Sorce)' } }), raw, 'ads');
    expect(typo.map((p) => p.message)).toEqual([
      'marketing.channel: at character 7 of the formula: no KPI or column `Sorce` in ads; did you mean `Source`?',
    ]);
    const sum = validateMapping(withChannel({ channel: { formula: 'SUM(Cost)' } }), raw, 'ads');
    expect(sum[0].code).toBe('formula-invalid');
    expect(sum[0].message).toMatch(
      /at character 1 of the formula: a derived column is worked out for each row/,
    );
    const kind: TableMapping = {
      canonicalTable: 'marketing',
      columns: { date: 'Day', channel: 'Source' },
      computed: { spend: { formula: 'UPPER(Source)' } },
    };
    expect(validateMapping(kind, raw, 'ads').map((p) => p.message)).toEqual([
      'marketing.spend needs numbers; the formula gives text',
    ]);
  });

  it('a header mapped to the same column wins over a computed source', () => {
    const m: TableMapping = {
      canonicalTable: 'marketing',
      columns: { date: 'Day', spend: 'Cost', channel: 'Source' },
      computed: { channel: { constant: 'Facebook' } },
    };
    const sql = mappingViewSql('ads', m, headers, { dialect: duckdb, kinds });
    expect(sql).toContain('TRY_CAST("Source" AS VARCHAR) AS "channel"');
    expect(sql).not.toContain('Facebook');
  });
});
