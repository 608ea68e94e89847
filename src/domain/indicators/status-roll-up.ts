/**
 * Roll-up of progress statuses to a priority, a theme or the whole programme: how many indicators
 * are in each state. Never an average: the indicators measure unlike quantities. Pure.
 */
import { PROGRESS_STATES, type ProgressState } from './progress-status.ts';

/** The number of indicators in each state; every state is present (0 when none). */
export type StatusCounts = Record<ProgressState, number>;

/** Counts `items` by state, in the order of `PROGRESS_STATES`. */
export function rollUpStatuses(items: Iterable<{ readonly state: ProgressState }>): StatusCounts {
  const counts = Object.fromEntries(PROGRESS_STATES.map((s) => [s, 0])) as StatusCounts;
  for (const item of items) {
    if (!(item.state in counts)) throw new Error(`rollUpStatuses: unknown state "${String(item.state)}"`);
    counts[item.state] += 1;
  }
  return counts;
}

/** The total of a roll-up (the number of indicators counted). */
export function statusTotal(counts: StatusCounts): number {
  return PROGRESS_STATES.reduce((sum, s) => sum + counts[s], 0);
}
