import { FIRST_DAY, isoDate, LAST_DAY, workdayFactor } from './calendar.ts';
import { createRandom } from './random.ts';
import type { GeneratedTable } from './table.ts';

interface Platform {
  readonly name: string;
  /** Followers on the first and the last day. TikTok is the planted fast grower. */
  readonly from: number;
  readonly to: number;
  /** Posts per day at the start and the end. */
  readonly postsFrom: number;
  readonly postsTo: number;
  readonly impressionsPerFollowerPost: number;
  /** Engagements per follower per post, near the published medians (kpi-reference.md). */
  readonly engagementPerFollowerPost: number;
  readonly clicksPerEngagement: number;
}

const PLATFORMS: readonly Platform[] = [
  {
    name: 'LinkedIn',
    from: 8_200,
    to: 9_350,
    postsFrom: 0.9,
    postsTo: 1,
    impressionsPerFollowerPost: 0.35,
    engagementPerFollowerPost: 0.004,
    clicksPerEngagement: 0.25,
  },
  {
    name: 'X',
    from: 5_400,
    to: 4_900,
    postsFrom: 1.3,
    postsTo: 0.8,
    impressionsPerFollowerPost: 0.25,
    engagementPerFollowerPost: 0.00035,
    clicksPerEngagement: 0.12,
  },
  {
    name: 'Facebook',
    from: 3_100,
    to: 3_180,
    postsFrom: 0.5,
    postsTo: 0.4,
    impressionsPerFollowerPost: 0.08,
    engagementPerFollowerPost: 0.0006,
    clicksPerEngagement: 0.15,
  },
  {
    name: 'Instagram',
    from: 2_300,
    to: 2_750,
    postsFrom: 0.4,
    postsTo: 0.5,
    impressionsPerFollowerPost: 0.2,
    engagementPerFollowerPost: 0.0047,
    clicksPerEngagement: 0.05,
  },
  {
    name: 'TikTok',
    from: 600,
    to: 24_500,
    postsFrom: 0.15,
    postsTo: 0.9,
    impressionsPerFollowerPost: 1.6,
    engagementPerFollowerPost: 0.0569,
    clicksPerEngagement: 0.03,
  },
];

const SPAN = LAST_DAY - FIRST_DAY;

/** A daily snapshot per platform: followers follow a smooth curve with a little day-to-day wobble. */
export function socialTable(seed: number): GeneratedTable {
  return {
    name: 'social',
    columns: ['date', 'platform', 'followers', 'posts', 'impressions', 'reach', 'engagements', 'clicks'],
    *rows() {
      const random = createRandom(seed, 'social');
      const wobble = PLATFORMS.map(() => 0);
      for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
        const t = (d - FIRST_DAY) / SPAN;
        for (let p = 0; p < PLATFORMS.length; p++) {
          const platform = PLATFORMS[p];
          wobble[p] = 0.9 * wobble[p] + 0.1 * random.normal();
          const followers = Math.round(
            platform.from * (platform.to / platform.from) ** t * (1 + 0.004 * wobble[p]),
          );
          const postRate = platform.postsFrom + (platform.postsTo - platform.postsFrom) * t;
          const posts = random.poisson(postRate * workdayFactor(d));
          // Old posts keep earning a little on days without a new one.
          const activity = posts + 0.2;
          const impressions = Math.round(
            followers * platform.impressionsPerFollowerPost * activity * random.logNormal(1, 0.25),
          );
          const reach = Math.round(impressions * random.between(0.55, 0.75));
          const engagements = Math.round(
            followers * platform.engagementPerFollowerPost * activity * random.logNormal(1, 0.3),
          );
          const clicks = Math.round(engagements * platform.clicksPerEngagement * random.logNormal(1, 0.2));
          yield [isoDate(d), platform.name, followers, posts, impressions, reach, engagements, clicks];
        }
      }
    },
  };
}
