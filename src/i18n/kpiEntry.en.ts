/** Typing a KPI's figures (target, thresholds, benchmarks) and creating a KPI of one's own. */
export const kpiEntryEn = {
  'kpiFigure.notNumber': '“{text}” is not a number; type it like 1200 or 12.5.',
  'kpiFigure.notPercent': '“{text}” is not a percentage; type it like 35, 35 % or ۳۵٪ (each means 35 %).',
  'newKpi.unit': 'Unit',
  'newKpi.ratioHint': 'One count divided by another: a rate, shown as a percentage.',
  'newKpi.direction': 'Which way is better?',
  'newKpi.up': 'Higher is better',
  'newKpi.down': 'Lower is better',
  'newKpi.context': 'Neither (context)',
  'newKpi.needsDirection': 'Choose whether a higher or a lower value is better.',
} as const;
