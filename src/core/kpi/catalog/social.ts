import type { CatalogEntry } from '../types';

/** Social media: audience size, growth and how much of it engages. */
export const SOCIAL_KPIS: readonly CatalogEntry[] = [
  {
    id: 'followers',
    label: 'Followers',
    formula: 'SUMIF(social.followers, social.date = PERIOD_START())',
    table: 'social',
    timeColumn: 'date',
    unit: 'count',
    format: 'integer',
    direction: 'up',
    family: 'social',
    kind: 'kpi',
    description:
      "Followers across platforms on the period's first day. Follower counts are snapshots: adding up days would count the same people again.",
  },
  {
    id: 'follower_growth',
    label: 'Follower growth',
    formula:
      'IF(COUNTIF(social.date = PERIOD_END()) > 0, DIVIDE(SUMIF(social.followers, social.date = PERIOD_END()), SUMIF(social.followers, social.date = PERIOD_START())) - 1)',
    table: 'social',
    timeColumn: 'date',
    unit: '%',
    format: 'percent',
    direction: 'up',
    family: 'social',
    kind: 'kpi',
    description:
      "Change in followers from the period's first day to its last, over the first. Blank while the last day has no snapshot, rather than a fall to zero.",
  },
  {
    id: 'engagement_rate',
    label: 'Engagement rate (per post, by follower)',
    formula:
      'DIVIDE(DIVIDE(SUM(social.engagements), SUM(social.posts)), SUMIF(social.followers, social.date = PERIOD_START()))',
    table: 'social',
    timeColumn: 'date',
    unit: '%',
    format: 'percent',
    direction: 'up',
    family: 'social',
    kind: 'kpi',
    benchmarkKey: 'engagement_rate',
    description:
      'Engagements per post over followers. Rates by reach or by impressions are larger and do not compare: this one is by follower, as in the published medians.',
  },
  {
    id: 'social_reach',
    label: 'Social reach',
    formula: 'SUM(social.reach)',
    table: 'social',
    timeColumn: 'date',
    unit: 'count',
    format: 'integer',
    direction: 'up',
    family: 'social',
    kind: 'kpi',
    description: 'Daily reach added up over the period: an account reached on several days counts each time.',
  },
  {
    id: 'social_ctr',
    label: 'Social click-through rate',
    formula: 'DIVIDE(SUM(social.clicks), SUM(social.impressions))',
    table: 'social',
    timeColumn: 'date',
    unit: '%',
    format: 'percent',
    direction: 'up',
    family: 'social',
    kind: 'kpi',
    description: 'Link clicks over impressions of social content.',
  },
];
