import {
  dayOf,
  FIRST_DAY,
  growthFactor,
  isoDate,
  LAST_DAY,
  monthOf,
  quarterOf,
  seasonFactor,
  WARMUP_DAY,
  weekdayOf,
  windowMonths,
  workdayFactor,
  yearOf,
} from './calendar.ts';
import { createRandom } from './random.ts';
import { cents, type GeneratedTable } from './table.ts';

/** Where leads come from. The first five are paid channels with a marketing budget. */
export const LEAD_SOURCES = [
  'Paid Search',
  'Paid Social',
  'Display',
  'Webinars',
  'Events',
  'Organic',
  'Referral',
  'Partner',
] as const;
export const PAID_CHANNELS = 5;
const EVENTS = 4;

interface SourcePlan {
  /** Expected leads on an ordinary day at the start of the window. */
  readonly leadsPerDay: number;
  /** Cost per lead; Webinars is the planted cheap channel (about a third of the rest). */
  readonly costPerLead: number;
  readonly costPerThousandImpressions: number;
  readonly clickThrough: number;
  readonly campaignCode: string;
}

const PLANS: readonly SourcePlan[] = [
  {
    leadsPerDay: 1.7,
    costPerLead: 185,
    costPerThousandImpressions: 38,
    clickThrough: 0.045,
    campaignCode: 'SEARCH',
  },
  {
    leadsPerDay: 1.2,
    costPerLead: 210,
    costPerThousandImpressions: 9,
    clickThrough: 0.009,
    campaignCode: 'SOCIAL',
  },
  {
    leadsPerDay: 0.6,
    costPerLead: 290,
    costPerThousandImpressions: 4,
    clickThrough: 0.0025,
    campaignCode: 'DISPLAY',
  },
  {
    leadsPerDay: 0.95,
    costPerLead: 62,
    costPerThousandImpressions: 20,
    clickThrough: 0.03,
    campaignCode: 'WEBINAR',
  },
  {
    leadsPerDay: 0.7,
    costPerLead: 340,
    costPerThousandImpressions: 60,
    clickThrough: 0.02,
    campaignCode: 'EVENT',
  },
  { leadsPerDay: 1.95, costPerLead: 0, costPerThousandImpressions: 0, clickThrough: 0, campaignCode: '' },
  { leadsPerDay: 0.85, costPerLead: 0, costPerThousandImpressions: 0, clickThrough: 0, campaignCode: '' },
  { leadsPerDay: 0.42, costPerLead: 0, costPerThousandImpressions: 0, clickThrough: 0, campaignCode: '' },
];

const DAYS = LAST_DAY - WARMUP_DAY + 1;

/**
 * The marketing calendar, decided first: how many leads each source brings each
 * day and what the paid ones cost. The leads table is built from these counts, so
 * marketing.leads and the leads table agree.
 */
export interface MarketingPlan {
  /** leads[source][day - WARMUP_DAY] */
  readonly leads: readonly Int32Array[];
  /** Expected leads, without the day's luck: web traffic follows it. */
  readonly expected: readonly Float64Array[];
  readonly spend: readonly Float64Array[];
  readonly eventDays: ReadonlySet<number>;
}

export function planMarketing(seed: number, scale: number): MarketingPlan {
  const random = createRandom(seed, 'marketing-plan');
  const eventDays = new Set<number>();
  for (const month of windowMonths(WARMUP_DAY)) {
    // Trade shows: one or two a month, none in August, two days each on a weekday.
    const shows = month.month === 8 ? 0 : 1 + (random.chance(0.45) ? 1 : 0);
    for (let i = 0; i < shows; i++) {
      let day = month.first + random.int(25);
      while (weekdayOf(day) === 0 || weekdayOf(day) >= 5) day++;
      eventDays.add(day);
      eventDays.add(day + 1);
    }
  }
  const eventDayShare = eventDays.size / DAYS;

  const leads = PLANS.map(() => new Int32Array(DAYS));
  const expected = PLANS.map(() => new Float64Array(DAYS));
  const spend = PLANS.map(() => new Float64Array(DAYS));
  for (let d = WARMUP_DAY; d <= LAST_DAY; d++) {
    const i = d - WARMUP_DAY;
    const base = seasonFactor(d) * growthFactor(d) * scale;
    for (let s = 0; s < PLANS.length; s++) {
      const plan = PLANS[s];
      let mean: number;
      if (s === EVENTS) mean = eventDays.has(d) ? (plan.leadsPerDay / eventDayShare) * base : 0;
      else mean = plan.leadsPerDay * base * workdayFactor(d);
      expected[s][i] = mean;
      leads[s][i] = random.poisson(mean);
      spend[s][i] = cents(mean * plan.costPerLead * random.logNormal(1, 0.12));
    }
  }
  return { leads, expected, spend, eventDays };
}

export function marketingTable(seed: number, plan: MarketingPlan): GeneratedTable {
  return {
    name: 'marketing',
    columns: ['date', 'channel', 'spend', 'campaign', 'impressions', 'clicks', 'leads'],
    *rows() {
      const random = createRandom(seed, 'marketing');
      for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
        const i = d - WARMUP_DAY;
        for (let s = 0; s < PAID_CHANNELS; s++) {
          if (s === EVENTS && !plan.eventDays.has(d)) continue;
          const p = PLANS[s];
          const spend = plan.spend[s][i];
          const impressions = Math.round((spend / p.costPerThousandImpressions) * 1000);
          const clicks = Math.round(impressions * p.clickThrough * random.logNormal(1, 0.1));
          const campaign =
            s === EVENTS
              ? `${p.campaignCode}-${yearOf(d)}-${String(monthOf(d)).padStart(2, '0')}`
              : `${p.campaignCode}-${yearOf(d)}-Q${quarterOf(d)}`;
          // A few rows lost their campaign tag, as exports do.
          yield [
            isoDate(d),
            LEAD_SOURCES[s],
            spend,
            random.chance(0.02) ? null : campaign,
            impressions,
            clicks,
            plan.leads[s][i],
          ];
        }
      }
    },
  };
}

/** Web traffic sources and the lead sources whose sign-ups they carry. */
const WEB_SOURCES: ReadonlyArray<{ name: string; sources: readonly number[]; conversionRate: number }> = [
  { name: 'Organic Search', sources: [5], conversionRate: 0.012 },
  { name: 'Paid Search', sources: [0], conversionRate: 0.03 },
  { name: 'Social', sources: [1], conversionRate: 0.008 },
  { name: 'Referral', sources: [6, 7], conversionRate: 0.035 },
  { name: 'Email', sources: [3], conversionRate: 0.04 },
  { name: 'Direct', sources: [], conversionRate: 0.01 },
];

/**
 * The planted anomaly (docs/forecasts.md): a crawler multiplies Direct sessions for two
 * weeks of May 2025, so website sessions that month sit far above the forecast band. The
 * draws are made as before, so nothing else in the demo moves.
 */
const BOT_CRAWL = { from: dayOf('2025-05-12'), to: dayOf('2025-05-25'), factor: 6 } as const;

export function webTable(seed: number, plan: MarketingPlan): GeneratedTable {
  return {
    name: 'web',
    columns: ['date', 'sessions', 'users', 'pageviews', 'conversions', 'source'],
    *rows() {
      const random = createRandom(seed, 'web');
      for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
        const i = d - WARMUP_DAY;
        const organic = plan.expected[5][i] / WEB_SOURCES[0].conversionRate;
        for (const source of WEB_SOURCES) {
          let expectedConversions = 0;
          let conversions = 0;
          for (const s of source.sources) {
            expectedConversions += plan.expected[s][i];
            conversions += plan.leads[s][i];
          }
          let sessions: number;
          if (source.sources.length === 0) {
            sessions = Math.round(0.8 * organic * random.logNormal(1, 0.1));
            conversions = random.poisson(sessions * source.conversionRate);
          } else {
            sessions = Math.round((expectedConversions / source.conversionRate) * random.logNormal(1, 0.08));
          }
          // The planted anomaly: a crawler's visits, no conversions among them.
          if (source.sources.length === 0 && d >= BOT_CRAWL.from && d <= BOT_CRAWL.to)
            sessions *= BOT_CRAWL.factor;
          const users = Math.round(sessions * random.between(0.72, 0.82));
          const pageviews = Math.round(sessions * random.between(2.1, 3.4));
          yield [isoDate(d), sessions, users, pageviews, conversions, source.name];
        }
      }
    },
  };
}
