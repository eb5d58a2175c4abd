import { describe, expect, it } from 'vitest';
import { suggestMappingFor } from '../../../src/core/model/mapping';
import { profileCsv } from './profileCsv';

/** Rows of a survey: day, then the given columns' cells. */
function survey(headers: readonly string[], rows: readonly (readonly (string | number)[])[]) {
  const lines = [
    ['Date', ...headers].join(','),
    ...rows.map((r, i) => [`2024-05-${String(i + 1).padStart(2, '0')}`, ...r].join(',')),
  ];
  const { headers: h, kinds, profiles } = profileCsv(lines.join('\n'));
  return suggestMappingFor('surveys', h, kinds, profiles).mapping.columns;
}

const SCORES: readonly (readonly number[])[] = [
  [0, 1, 1],
  [9, 5, 7],
  [10, 4, 3],
  [6, 2, 6],
  [3, 3, 2],
  [8, 1, 5],
];

describe('survey score columns', () => {
  it('finds NPS, CSAT and CES by the wording of their questions', () => {
    const cols = survey(
      [
        'Response ID',
        'How likely are you to recommend us to a friend?',
        'Overall satisfaction',
        'Customer effort',
      ],
      SCORES.map((s, i) => [`R${i}`, ...s]),
    );
    expect(cols).toMatchObject({
      nps: 'How likely are you to recommend us to a friend?',
      csat: 'Overall satisfaction',
      ces: 'Customer effort',
    });
  });

  it('finds them by their values when the names say nothing: 0–10, 1–5 and 1–7 whole numbers', () => {
    // Listed smallest scale first, so a column is not taken for the first scale it fits inside.
    const cols = survey(
      ['Ref', 'Ease', 'Rating', 'Score'],
      SCORES.map((s, i) => [`F${i}`, s[2], s[1], s[0]]),
    );
    expect(cols).toMatchObject({ nps: 'Score', csat: 'Rating', ces: 'Ease' });
  });

  it('takes no score from a column that is not whole numbers on the scale', () => {
    const cols = survey(
      ['Ref', 'Age', 'Spend'],
      SCORES.map((s, i) => [`F${i}`, 20 + s[0], s[1] + 0.5]),
    );
    expect(cols.nps).toBeUndefined();
    expect(cols.csat).toBeUndefined();
    expect(cols.ces).toBeUndefined();
  });

  it('keys a form export with no response id by the column unique to each respondent', () => {
    const cols = survey(
      ['Email Address', 'Would you recommend us? (0-10)'],
      SCORES.map((s, i) => [`p${i}@example.com`, s[0]]),
    );
    expect(cols).toMatchObject({ response_id: 'Email Address', nps: 'Would you recommend us? (0-10)' });
  });
});
