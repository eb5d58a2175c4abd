import { IMPORT_MESSAGE_FORMATTERS, type ImportMessageFormatters } from '../core/ingest/messages';

/**
 * Load errors and notes in English: the importer's own sentences, so the page, the CLI and
 * the tests read the same words. importMessages.fa.ts has the same codes.
 */
export const importMessagesEn: ImportMessageFormatters = IMPORT_MESSAGE_FORMATTERS;
