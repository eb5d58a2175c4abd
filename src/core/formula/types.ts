/**
 * How much of the data one value stands for: a constant, one row, or one period
 * (the result of an aggregate or a KPI). A KPI's result must be per period.
 */
export type Level = 'constant' | 'row' | 'aggregate';
