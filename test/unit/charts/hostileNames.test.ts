import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResultTable } from '../../../src/core/notebook/types';
import type { ChartTokens } from '../../../src/ui/charts/chartTheme';
import { escapeHtml, htmlLines } from '../../../src/ui/charts/escapeHtml';
import { richRun } from '../../../src/ui/charts/richText';
import { driverQuadrantOption, segmentBarsOption } from '../../../src/ui/notebook/charts/analysisOptions';
import { cohortHeatmapOption } from '../../../src/ui/notebook/charts/cohortOption';
import { funnelBarsOption } from '../../../src/ui/notebook/charts/funnelOption';
import { rfmTreemapOption } from '../../../src/ui/notebook/charts/rfmOption';

/**
 * Every chart formatter that writes a name from the data into a tooltip escapes it:
 * ECharts sets a formatter's string as the tooltip's HTML. The names are the hostile
 * corpus of test/fixtures/hostile/names; the browser test draws them for real.
 */

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../fixtures/hostile/names/names.json', import.meta.url), 'utf8'),
).names;

const k = new Proxy({} as ChartTokens, { get: () => '#000' });
type Fn = (p: unknown) => string;
type Obj = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, key) => (v as Obj | unknown[] | undefined)?.[key as never], o);

/** Markup a tooltip string may hold: line breaks only; anything else came from the data. */
function tagsIn(html: string): string[] {
  return [...html.matchAll(/<[^>]*>?/g)].map((m) => m[0]).filter((tag) => tag !== '<br/>');
}

describe('escapeHtml and htmlLines', () => {
  it('turn every markup character into an entity and add only line breaks', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(htmlLines('<b>', 'two')).toBe('&lt;b&gt;<br/>two');
  });
});

describe('richRun', () => {
  it('styles data text exactly as written, whatever braces and bars it holds', () => {
    expect(richRun('b', 'Champions')).toBe('{b|Champions}');
    // ECharts' own rule: a run is {name|text without a closing brace}.
    const runs = (s: string) => [...s.matchAll(/\{([a-zA-Z0-9_]+)\|([^}]*)\}/g)];
    for (const name of HOSTILE) {
      const marked = richRun('b', name);
      const found = runs(marked);
      expect(found.every((m) => m[1] === 'b')).toBe(true);
      // What the canvas shows: runs' text and the plain text between them, in order.
      expect(marked.replace(/\{b\|([^}]*)\}/g, '$1')).toBe(name);
    }
  });
});

describe('analysis charts with hostile names', () => {
  it.each(HOSTILE)('key drivers: the tooltip shows %s as text', (name) => {
    const result: ResultTable = {
      columns: [],
      rows: [
        { driver: `driver_${name}`, importance: 0.6, performance: 3.2 },
        { driver: 'driver_speed', importance: 0.2, performance: 4.1 },
      ],
    };
    const o = driverQuadrantOption({ result, outcome: name }, k);
    const point = at(o, 'series', 0, 'data', 0) as { name: string; value: [number, number] };
    const html = (at(o, 'tooltip', 'formatter') as Fn)({ data: point });
    expect(tagsIn(html)).toEqual([]);
    expect(html).toContain(escapeHtml(name));
    // The point's label is drawn on the canvas: plain text, no rich styles to pick.
    expect(at(o, 'series', 0, 'label', 'rich')).toBeUndefined();
  });

  it.each(HOSTILE)('RFM: the tooltip shows the segment %s as text, and the tile label exactly', (name) => {
    const result: ResultTable = {
      columns: [],
      rows: [{ segment: name, customers: 12, revenue: 3400, revenue_share: 0.4 }],
    };
    const o = rfmTreemapOption({ result }, k);
    const tile = at(o, 'series', 0, 'data', 0) as {
      name: string;
      value: number;
      revenue: number;
      share: number;
    };
    expect(tile.name).toBe(name);
    const html = (at(o, 'tooltip', 'formatter') as Fn)({ name: tile.name, value: tile.value, data: tile });
    expect(tagsIn(html)).toEqual([]);
    expect(html.split('<br/>')[0]).toBe(escapeHtml(name));
    const label = (at(o, 'series', 0, 'label', 'formatter') as Fn)({
      name: tile.name,
      value: 12,
      data: tile,
    });
    expect(label.split('\n')[0]).toBe(richRun('b', name));
  });

  it.each(HOSTILE)('cohorts: the tooltip shows the cohort %s as text', (name) => {
    const result: ResultTable = { columns: [], rows: [{ cohort: name, months_since: 0, retention: 1 }] };
    const o = cohortHeatmapOption({ result }, k);
    const html = (at(o, 'tooltip', 'formatter') as Fn)({ data: at(o, 'series', 0, 'data', 0) });
    expect(tagsIn(html)).toEqual([]);
    expect(html).toContain(escapeHtml(name));
  });

  it.each(HOSTILE)('funnel: the tooltip shows the group %s as text', (name) => {
    const funnel = funnelBarsOption(
      { result: { columns: [], rows: [{ group: name, leads: 3, mql: 1 }] } },
      k,
    );
    const html = (at(funnel, 'tooltip', 'formatter') as Fn)([{ dataIndex: 0 }]);
    expect(tagsIn(html)).toEqual([]);
    expect(html.split('<br/>')[0]).toBe(escapeHtml(name));
  });

  it('segment bars leave names to ECharts, which escapes its own tooltips', () => {
    const seg = segmentBarsOption(
      { result: { columns: [], rows: [{ segment: HOSTILE[0], value: 3 }] }, format: 'number' },
      k,
    );
    expect(at(seg, 'tooltip', 'formatter')).toBeUndefined();
    expect(at(seg, 'yAxis', 'data')).toEqual([HOSTILE[0]]);
  });
});
