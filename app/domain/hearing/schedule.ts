/** Hearing statuses after which a hearing is over: it no longer counts as coming. */
export const FINISHED_HEARING_STATUSES: readonly string[] = ["concluded", "cancelled"];

export function isFinishedHearing(status: string): boolean {
  return FINISHED_HEARING_STATUSES.includes(status);
}

/**
 * Splits hearings listed soonest first into the coming ones (kept soonest first) and the past
 * ones (latest first). Each list decides what "coming" means for its reader.
 */
export function splitUpcomingPast<T>(
  soonestFirst: readonly T[],
  isUpcoming: (hearing: T) => boolean
): { upcoming: T[]; past: T[] } {
  const upcoming: T[] = [];
  const past: T[] = [];
  for (const hearing of soonestFirst) (isUpcoming(hearing) ? upcoming : past).push(hearing);
  return { upcoming, past: past.reverse() };
}
