import type { CellConfig } from './types';

/** Typed reads of a cell's JSON settings with a default, since a workbook may carry anything. */
export function configString(config: CellConfig, key: string, fallback: string): string {
  const v = config[key];
  return typeof v === 'string' ? v : fallback;
}

export function configNumber(config: CellConfig, key: string, fallback: number): number {
  const v = config[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function configStrings(config: CellConfig, key: string, fallback: readonly string[]): string[] {
  const v = config[key];
  return Array.isArray(v) && v.every((x): x is string => typeof x === 'string') ? v : [...fallback];
}
