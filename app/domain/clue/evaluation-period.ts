import type { Calendar } from "~/domain/deadlines/calendar";
import type { DeadlineStatus } from "~/domain/deadlines/compute";
import { daysRemaining, deadlineStatus } from "~/domain/deadlines/compute";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays } from "~/domain/deadlines/dates";
import type { ClueStatus } from "~/domain/case/schemas";

/**
 * The evaluation countdown of a clue. 规则 Arts 27–30 set no time limit for evaluating a clue, so
 * the period is the procuratorate's own setting (Procuratorate.clueEvaluationDays, edited at
 * /admin/profile); without it there is no countdown. Counted like the statutory periods
 * (民诉法 Art 85 via 行诉法 Art 101, by analogy): from the day after receipt, and a last day on a
 * rest day moves to the next working day.
 */
export type ClueEvaluationCountdown = {
  days: number;
  dueOn: IsoDate;
  /** The period's end before a rest day moved it (equal to dueOn when it did not). */
  periodEndOn: IsoDate;
  daysLeft: number;
  status: DeadlineStatus;
};

/** The statuses in which the clue is still waiting for its evaluation to end. */
const OPEN: readonly ClueStatus[] = ["registered", "evaluating"];

export function clueEvaluationCountdown(input: {
  status: ClueStatus;
  receivedOn: IsoDate;
  days: number | null;
  today: IsoDate;
  calendar: Calendar;
}): ClueEvaluationCountdown | null {
  if (!input.days || input.days <= 0 || !OPEN.includes(input.status)) return null;
  const periodEndOn = addDays(input.receivedOn, input.days);
  let dueOn = periodEndOn;
  // Bounded walk, as in the deadline engine: the longest official break is under two weeks.
  for (let i = 0; i < 60 && !input.calendar.isWorkingDay(dueOn); i++) dueOn = addDays(dueOn, 1);
  return {
    days: input.days,
    dueOn,
    periodEndOn,
    daysLeft: daysRemaining(dueOn, input.today),
    status: deadlineStatus(dueOn, input.today),
  };
}
