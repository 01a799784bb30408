// Where a hearing status counts as over lives with the statuses (app/domain/hearing/states.ts).
export { FINISHED_HEARING_STATUSES, isFinishedHearing } from "~/domain/hearing/states";

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
