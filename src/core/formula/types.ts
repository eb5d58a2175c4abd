/** The value types of the formula language; the same names as the import's column kinds. */
export type ValueType = 'number' | 'text' | 'boolean' | 'date' | 'timestamp';

export const VALUE_TYPES: readonly ValueType[] = ['number', 'text', 'boolean', 'date', 'timestamp'];

/**
 * How much of the data one value stands for: a constant, one row, or one period
 * (the result of an aggregate or a KPI). A KPI's result must be per period.
 */
export type Level = 'constant' | 'row' | 'aggregate';
