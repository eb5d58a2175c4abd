/**
 * What the user wrote (formulas, table, column and KPI names) inside a message: kept as
 * written and isolated (Unicode directional isolates), so a left-to-right name keeps its
 * order in a right-to-left sentence and does not pull the words around it along.
 */

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

/** Left to right whatever it holds, as the formula bar writes formulas; no quotes. */
export const ltr = (s: string) => `${LRI}${s}${PDI}`;
/** In its own direction (the first strong letter's); no quotes. */
export const isolated = (s: string) => `${FSI}${s}${PDI}`;
/** A piece of formula, quoted and left to right. */
export const quotedCode = (s: string) => `«${ltr(s)}»`;
/** A name from the data, quoted, in its own direction. */
export const quotedName = (s: string) => `«${isolated(s)}»`;
