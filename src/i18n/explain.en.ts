/** Strings of "explain a change": the sentence and the refusals (src/i18n/explainSentence.ts). */
export const explainEn = {
  'explain.rose': '{kpi} rose {change} from {a} to {b}',
  'explain.fell': '{kpi} fell {change} from {a} to {b}',
  'explain.flat': '{kpi} did not change from {a} to {b}',
  'explain.drivers': '{headline}: {drivers}',
  'explain.listSeparator': ', ',
  'explain.more': ' …',
  'explain.rate': '{segment}’s rate {effect}',
  'explain.mixMore': 'more {segment} in the mix {effect}',
  'explain.mixFewer': 'fewer {segment} in the mix {effect}',
  'explain.segment': '{segment} {effect}',
  'explain.blank': '(blank)',
  'explain.others': { one: '{count} other segment', other: '{count} other segments' },
  'explain.noValue': '{kpi} has no value in {period}, so there is no change to explain.',
  'explain.unknownKpi': 'There is no KPI “{kpi}”.',
  'explain.notDecomposable':
    '{kpi} is not a sum, a count or a ratio of them (it is an average, a distinct count or a comparison over time), so its change cannot be split by segment.',
  'explain.noPeriod': 'The data {kpi} reads has no period to compare with.',
} as const;
