import { withoutCurrencyMark } from './currency.ts';
import { toAsciiDigits } from './digits.ts';

interface NumberTextOptions {
  /** "1.234,5" style: comma is the decimal mark, dot (or space) groups thousands. */
  decimalComma?: boolean;
}

/** Spaces that spreadsheets and French/Persian locales put between digit groups. */
const GROUP_SPACES = /(?<=\d)[ \u00a0\u202f\u2009](?=\d)/g;
/** Any Unicode currency sign: $ € £ ¥ ₹ ﷼ ... */
const CURRENCY = /\p{Sc}/gu;
const PERCENT = /[%\u066a]$/; // % or Arabic ٪
const MINUS_SIGNS = /[\u2212\u2012\u2013]/g;
const COMMA_GROUPED = /^(\d{1,3}(,\d{3})+|\d*)$/;
const DOT_GROUPED = /^(\d{1,3}(\.\d{3})+|\d*)$/;

/**
 * Reads a number as a person typed or a spreadsheet exported it: Persian digits,
 * thousands separators, a currency sign or code (`$`, `USD`, `ریال`; see currency.ts), accounting parentheses for negatives, and a
 * trailing percent sign (15% → 0.15, as spreadsheets and the formula language read it).
 * Grouping must be regular (1,234,567), so "1,5" under the default options is not
 * fifteen but not a number: the caller counts it and the user can switch to decimal comma.
 * Returns null for blank or non-numeric text; never NaN or an infinity.
 */
export function parseNumberText(s: string, opts: NumberTextOptions = {}): number | null {
  const decimal = opts.decimalComma ? ',' : '.';
  const group = opts.decimalComma ? '.' : ',';
  let t = s.replace(/\u066b/g, decimal).replace(/\u066c/g, group);
  t = toAsciiDigits(t).trim().replace(MINUS_SIGNS, '-');
  if (t === '') return null;

  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  let scale = 1;
  if (PERCENT.test(t)) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  t = withoutCurrencyMark(t).replace(CURRENCY, '').trim();
  if (/^[+-]/.test(t)) {
    negative = negative !== t.startsWith('-');
    t = t.slice(1).trim();
  } else if (/\d-$/.test(t)) {
    // Trailing minus, as some accounting and right-to-left exports write negatives.
    negative = !negative;
    t = t.slice(0, -1);
  }
  t = t.replace(GROUP_SPACES, group);

  const mantissaAndExponent = /^([0-9.,]*)(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!mantissaAndExponent) return null;
  const [, mantissa, exponent] = mantissaAndExponent;
  const [intPart, fracPart, ...more] = mantissa.split(decimal);
  if (more.length > 0) return null;
  if (!(opts.decimalComma ? DOT_GROUPED : COMMA_GROUPED).test(intPart)) return null;
  if (fracPart !== undefined && !/^\d*$/.test(fracPart)) return null;
  const digits = intPart.split(group).join('');
  if (digits === '' && !fracPart) return null;

  const canonical = `${digits || '0'}.${fracPart || '0'}e${exponent ?? '0'}`;
  const value = Number(canonical) * scale;
  if (!Number.isFinite(value)) return null;
  // `|| 0` folds -0 into 0 so "-0" does not print as "-0" later.
  return (negative ? -value : value) || 0;
}
