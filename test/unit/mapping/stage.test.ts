import { describe, expect, it } from 'vitest';
import { suggestStageOutcome } from '../../../src/core/model/mappingStage';

describe('suggestStageOutcome', () => {
  it('reads HubSpot, Salesforce and Zoho stage names', () => {
    expect(
      suggestStageOutcome([
        'Appointment Scheduled',
        'Closed Won',
        'Closed Lost',
        'closedwon',
        'closedlost',
        'Closed-Lost to Competition',
      ]),
    ).toEqual({
      won: ['Closed Won', 'closedwon'],
      lost: ['Closed Lost', 'closedlost', 'Closed-Lost to Competition'],
      open: ['Appointment Scheduled'],
    });
  });

  it('reads Dynamics and Pipedrive statuses and Salesforce IsWon', () => {
    expect(suggestStageOutcome(['Open', 'Won', 'Lost'])).toEqual({
      won: ['Won'],
      lost: ['Lost'],
      open: ['Open'],
    });
    expect(suggestStageOutcome(['open', 'won', 'lost', 'deleted'])).toEqual({
      won: ['won'],
      lost: ['lost'],
      open: ['open', 'deleted'],
    });
    expect(suggestStageOutcome(['true', 'false'])).toEqual({ won: ['true'], lost: ['false'], open: [] });
  });

  it('keeps each raw value once and skips blanks', () => {
    expect(suggestStageOutcome(['Won', 'Won', ' ', 'ناموفق', 'موفق'])).toEqual({
      won: ['Won', 'موفق'],
      lost: ['ناموفق'],
      open: [],
    });
  });
});
