import type { Random } from './random.ts';

/** Word lists for fictional people and companies; any likeness is accidental. */

const FIRST_NAMES = (
  'Ava|Ben|Chloe|Dario|Elif|Farah|Gideon|Hana|Idris|Jonas|Kavya|Leila|Mateo|Nadia|Omar|Priya|' +
  'Quinn|Rosa|Samir|Tara|Umar|Vera|Wen|Ximena|Yusuf|Zara|Arash|Bahar|Cyrus|Darya|Emil|Freya|' +
  'Goli|Hugo|Ines|Jalal|Kian|Lena|Milad|Noor|Olga|Pouya|Reza|Sina|Taru|Ugo|Vahid|Yara|Zeynep|' +
  'Mina'
).split('|');

const LAST_NAMES = (
  'Abbasi|Bergstrom|Castillo|Dubois|Eriksen|Farahani|Grant|Haddad|Ivanova|Jensen|Kowalski|' +
  'Lindqvist|Moradi|Nakamura|Okafor|Petrov|Quintero|Rahimi|Santos|Tehrani|Usman|Varga|' +
  'Whitfield|Xu|Yilmaz|Zand|Ahmadi|Brennan|Costa|Delgado|Esfahani|Fischer|Ghorbani|Holm|Iqbal|' +
  "Karimi|Larsen|Mehta|Navarro|O'Connell"
).split('|');

const COMPANY_WORDS = (
  'Amber|Birch|Cobalt|Delta|Ember|Fjord|Granite|Harbor|Indigo|Juniper|Kestrel|Lumen|Meridian|' +
  'Nimbus|Orchid|Pioneer|Quarry|Riverbend|Summit|Tandem|Umber|Vantage|Willow|Yarrow|Zephyr|' +
  'Atlas|Beacon|Cedar|Dune|Evergreen|Falcon|Golden Gate|Highland|Ironwood|Lakeside|Mosaic|' +
  'North Star|Oakridge|Polaris|Redwood'
).split('|');

const COMPANY_KINDS = (
  'Logistics|Foods|Clinics|Capital|Robotics|Retail|Labs|Learning|Freight|Studios|Health|' +
  'Partners|Manufacturing|Energy|Outfitters|Systems|Pharma|Travel|Media|Supply'
).split('|');

const COMPANY_SUFFIXES = ['Inc.', 'Ltd', 'LLC', 'GmbH', 'Co.', 'Group', 'S.A.'];

export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** Some names carry commas, quotes or ampersands, as real exports do. */
export function companyName(random: Random): string {
  const u = random.next();
  if (u < 0.04) return `${random.pick(LAST_NAMES)}, ${random.pick(LAST_NAMES)} & ${random.pick(LAST_NAMES)}`;
  if (u < 0.06) return `"${random.pick(COMPANY_WORDS)}" ${random.pick(COMPANY_KINDS)}`;
  if (u < 0.16)
    return `${random.pick(LAST_NAMES)} & ${random.pick(LAST_NAMES)} ${random.pick(COMPANY_KINDS)}`;
  const base = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_KINDS)}`;
  return random.chance(0.5) ? `${base} ${random.pick(COMPANY_SUFFIXES)}` : base;
}
