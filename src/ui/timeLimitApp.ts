import { useStore } from 'zustand';
import type { TimeLimitState } from '../state/timeLimitStore';
import { timeLimitStore } from './appRoot';

export function useTimeLimit<T>(selector: (s: TimeLimitState) => T): T {
  return useStore(timeLimitStore, selector);
}
