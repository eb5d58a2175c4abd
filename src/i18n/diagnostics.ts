import type { Diagnostic, DiagnosticCode, DiagnosticFormatters } from '../core/formula/diagnostics';
import { diagnosticsEn } from './diagnostics.en';
import { diagnosticsFa } from './diagnostics.fa';
import { activeLocale, type Locale } from './locale';

/** Every language's sentence for every formula diagnostic code. */
export const DIAGNOSTIC_CATALOGUES: Readonly<Record<Locale, DiagnosticFormatters>> = {
  en: diagnosticsEn,
  fa: diagnosticsFa,
};

/** A diagnostic's code and parameters: all a message is written from. */
type DiagnosticRef = Pick<Diagnostic, 'code' | 'params'>;

/** A formula diagnostic in a given language. */
function diagnosticTextIn(locale: Locale, d: DiagnosticRef): string {
  const format = DIAGNOSTIC_CATALOGUES[locale][d.code] as (p: Diagnostic<DiagnosticCode>['params']) => string;
  return format(d.params);
}

/**
 * A formula diagnostic in the language shown: what the page shows instead of `d.message`
 * (core's English, for the CLI and tests).
 */
export function diagnosticText(d: DiagnosticRef): string {
  return diagnosticTextIn(activeLocale(), d);
}
