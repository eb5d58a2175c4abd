import { describe, expect, it } from 'vitest';
import { funnelSteps } from '../../../src/core/analysis/funnel';
import { contrastRatio, rampColour, readableOn } from '../../../src/ui/charts/contrast';
import { funnelBarLabel, funnelTooltipLines } from '../../../src/ui/notebook/charts/funnelOption';
import { fitRfmLabel, twoLines } from '../../../src/ui/notebook/charts/rfmLabelFit';

describe('funnel labels', () => {
  const steps = funnelSteps({ leads: 2000, mql: 800, sql: 200, won: 50 });

  it('end each bar in its count and its conversion from the step before (and from the leads)', () => {
    // 800/2000 = 40 %; 200/800 = 25 % and 200/2000 = 10 %; 50/200 = 25 % and 50/2000 = 2.5 %.
    expect(steps.map((_, i) => funnelBarLabel(steps, i))).toEqual([
      '2,000',
      '800 · 40% of Leads',
      '200 · 25% of MQL · 10% of Leads',
      '50 · 25% of SQL · 2.5% of Leads',
    ]);
  });

  it('give the exact counts and shares to one decimal in the tooltip', () => {
    const exact = funnelSteps({ leads: 2711, mql: 1446, sql: 962, won: 534 });
    // 1446/2711 = 53.34 %; 962/1446 = 66.53 %, 962/2711 = 35.49 %; 534/962 = 55.51 %, 534/2711 = 19.70 %.
    expect(funnelTooltipLines('Organic', exact)).toEqual([
      'Organic',
      'Leads: 2,711',
      'MQL: 1,446 · 53.3% of Leads',
      'SQL: 962 · 66.5% of MQL · 35.5% of Leads',
      'Won: 534 · 55.5% of SQL · 19.7% of Leads',
    ]);
  });
});

describe('cohort cell text colour', () => {
  it('follows the colour scale between its stops', () => {
    expect(rampColour(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(rampColour(['#fdecea', '#f6d5a8', '#9fc1e8', '#2f5fb3'], 1)).toBe('#2f5fb3');
    expect(rampColour(['#fdecea', '#2f5fb3'], -1)).toBe('#fdecea');
  });

  it('is dark on pale cells and white on deep ones, at a readable contrast', () => {
    expect(readableOn('#fdecea')).toBe('#000000');
    expect(readableOn('#2f5fb3')).toBe('#ffffff');
    // WCAG AA for small text is 4.5:1; every point of the cohort scale gets at least that.
    for (let i = 0; i <= 20; i++) {
      const bg = rampColour(['#fdecea', '#f6d5a8', '#9fc1e8', '#2f5fb3'], i / 20);
      expect(contrastRatio(bg, readableOn(bg)), bg).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('RFM tile labels', () => {
  // 7 px a character (bold 8): enough to reason about by hand.
  const measure = (s: string, bold: boolean) => s.length * (bold ? 8 : 7);
  const texts = { name: 'About to sleep', customers: '201 customers', share: '7% of revenue' };

  it('take the longest form the tile fits, never a cut name', () => {
    // Insets are 9 px a side. Full: name 14 × 8 = 112 px wide, 18 + 16 + 16 = 50 px tall.
    expect(fitRfmLabel({ width: 130, height: 68 }, texts, measure)).toBe('full');
    expect(fitRfmLabel({ width: 130, height: 67 }, texts, measure)).toBe('short');
    expect(fitRfmLabel({ width: 130, height: 36 }, texts, measure)).toBe('name');
    // Too narrow for the name on one line: "About to" / "sleep" (8 × 8 = 64 px) over 36 px.
    expect(fitRfmLabel({ width: 82, height: 54 }, texts, measure)).toBe('wrapped');
    expect(fitRfmLabel({ width: 81, height: 54 }, texts, measure)).toBe('none');
    expect(fitRfmLabel({ width: 60, height: 300 }, { ...texts, name: 'Promising' }, measure)).toBe('none');
  });

  it('wraps a name at the space nearest its middle', () => {
    expect(twoLines('About to sleep')).toEqual(['About to', 'sleep']);
    expect(twoLines("Can't lose them")).toEqual(["Can't", 'lose them']);
    expect(twoLines('Champions')).toBeNull();
  });
});
