import { percentFromPlain } from '../kpi/kpiFigure';
import { CURRENT_FORMAT_VERSION } from './documentSchema';

/**
 * Forward migrations of `workbook.json`. Each step takes the plain JSON of one
 * format and returns the JSON of the next; the current schema validates only the
 * end result, so a step may assume nothing about its input and must check what it
 * reads. Old formats are never written again.
 */
export type JsonObject = { [key: string]: unknown };

interface Migration {
  from: number;
  /** What changed, for the record and for the tests. */
  summary: string;
  up(doc: JsonObject): JsonObject;
}

/** A file claims a format but does not hold it; the message is shown to the user. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** v0 kept KPIs in a map keyed by id and had no sheets or user benchmarks. */
function v0ToV1(doc: JsonObject): JsonObject {
  const kpis = doc.kpis ?? {};
  if (!isObject(kpis))
    throw new MigrationError('The workbook (format 0) should list its KPIs by id, but "kpis" is not a map.');
  const list = Object.entries(kpis).map(([id, kpi]) => {
    if (!isObject(kpi))
      throw new MigrationError(`The workbook (format 0) has a KPI "${id}" that is not an object.`);
    return { ...kpi, id };
  });
  // Format 0 showed every KPI on one scorecard, so that is the sheet it gets.
  const scorecard = {
    id: 'scorecard',
    name: 'Scorecard',
    kind: 'scorecard',
    cells: list.map((k) => ({ id: `kpi-${k.id}`, kind: 'kpi', source: k.id })),
  };
  return { ...doc, formatVersion: 1, kpis: list, benchmarks: [], sheets: [scorecard] };
}

const rescale = (v: unknown) => (typeof v === 'number' ? percentFromPlain(v) : v);

/**
 * v1 let a KPI with unit % keep a plain number format: its values showed as 0.37 and its
 * target, thresholds and benchmarks were typed on the plain scale (35 meant 35 %). v2 holds
 * one convention: unit % is written as a percent and every figure is the fraction.
 */
function v1ToV2(doc: JsonObject): JsonObject {
  const kpis = Array.isArray(doc.kpis) ? doc.kpis : [];
  const plain = new Set<string>();
  const out = kpis.map((k: unknown) => {
    if (!isObject(k) || k.unit !== '%' || k.format === 'percent') return k;
    if (typeof k.id === 'string') plain.add(k.id);
    if (typeof k.benchmarkKey === 'string') plain.add(k.benchmarkKey);
    const th = k.thresholds;
    return {
      ...k,
      format: 'percent',
      ...(k.target === undefined ? {} : { target: rescale(k.target) }),
      ...(isObject(th)
        ? {
            thresholds: {
              ...th,
              ...(th.warning === undefined ? {} : { warning: rescale(th.warning) }),
              ...(th.critical === undefined ? {} : { critical: rescale(th.critical) }),
            },
          }
        : {}),
    };
  });
  // A user benchmark is filed under its KPI's id (or benchmark key) in `label`.
  const benchmarks = Array.isArray(doc.benchmarks)
    ? doc.benchmarks.map((b: unknown) =>
        isObject(b) && typeof b.label === 'string' && plain.has(b.label)
          ? { ...b, value: rescale(b.value) }
          : b,
      )
    : doc.benchmarks;
  return { ...doc, formatVersion: 2, kpis: out, benchmarks };
}

export const MIGRATIONS: readonly Migration[] = [
  { from: 0, summary: 'KPIs as a list; a scorecard sheet; user benchmarks', up: v0ToV1 },
  { from: 1, summary: 'a KPI with unit % is written as a percent; its figures are fractions', up: v1ToV2 },
];

/** Applies every step from `version` up to the current format. */
export function migrateForward(doc: JsonObject, version: number): JsonObject {
  let out = doc;
  for (let v = version; v < CURRENT_FORMAT_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (step === undefined)
      throw new MigrationError(`This version of Shakhes cannot read workbook format ${v}.`);
    out = step.up(out);
  }
  return out;
}
