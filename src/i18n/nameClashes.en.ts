import { NAME_CLASH_FORMATTERS, type NameClashFormatters } from '../core/model/tableNames';

/**
 * Refusals of workbooks whose dataset tables clash with the app's own names, in English:
 * the name rules' own sentences (core/model/tableNames.ts). nameClashes.fa.ts has the same codes.
 */
export const nameClashesEn: NameClashFormatters = NAME_CLASH_FORMATTERS;
