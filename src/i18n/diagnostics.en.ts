import { DIAGNOSTIC_FORMATTERS, type DiagnosticFormatters } from '../core/formula/diagnostics';

/**
 * Formula diagnostics in English: core's own sentences, so the page, the CLI and the
 * tests read the same words. diagnostics.fa.ts has the same codes.
 */
export const diagnosticsEn: DiagnosticFormatters = DIAGNOSTIC_FORMATTERS;
