import { useStore } from 'zustand';
import type { ScorecardState } from '../../state/scorecardStore';
import { scorecardStore } from '../appRoot';

export function useScorecard<T>(selector: (s: ScorecardState) => T): T {
  return useStore(scorecardStore, selector);
}
