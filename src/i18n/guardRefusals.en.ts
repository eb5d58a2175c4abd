import { GUARD_REFUSAL_FORMATTERS, type GuardRefusalFormatters } from '../core/sql/guard';

/**
 * The SQL guard's refusals in English: core's own sentences, so the page, the CLI and the
 * tests read the same words. guardRefusals.fa.ts has the same codes.
 */
export const guardRefusalsEn: GuardRefusalFormatters = GUARD_REFUSAL_FORMATTERS;
