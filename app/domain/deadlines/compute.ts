import type { Calendar, DayInfo } from "~/domain/deadlines/calendar";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays, addMonths, diffDays, isIsoDate, yearOf } from "~/domain/deadlines/dates";
import type { DeadlineRule, DeadlineRuleId } from "~/domain/deadlines/rules";
import { ruleById } from "~/domain/deadlines/rules";

/** One line of "how was this computed": an i18n key of the "deadlines" namespace and its values. */
export type DeadlineStepKey =
  | "deadlines.step.startExcluded"
  | "deadlines.step.addDays"
  | "deadlines.step.addMonths"
  | "deadlines.step.addMonthsClamped"
  | "deadlines.step.extendDays"
  | "deadlines.step.extendMonths"
  | "deadlines.step.extendMonthsClamped"
  | "deadlines.step.suspended"
  | "deadlines.step.paused"
  | "deadlines.step.eventExcluded"
  | "deadlines.step.subtractDays"
  | "deadlines.step.subtractMonths"
  | "deadlines.step.movedForward"
  | "deadlines.step.movedBack"
  | "deadlines.step.makeupWorkday"
  | "deadlines.step.calendarMissing"
  | "deadlines.step.due";

/**
 * Values of a step. Dates are "YYYY-MM-DD" (the UI formats them); a rest day's name comes in both
 * languages (holidayZh / holidayEn) and the UI picks one as {holiday}.
 */
export type DeadlineStepVars = Record<string, string | number>;
export type DeadlineStep = { key: DeadlineStepKey; vars: DeadlineStepVars };

export type DeadlineExtensionInput = {
  extraDays?: number | null;
  extraMonths?: number | null;
  reason?: string | null;
};

/**
 * A suspension (中止审查, 规则 Art 78) of the case: the clock stops on `from` and runs again on
 * `to` (the day of resumption); `to` is null while the case is still suspended.
 */
export type DeadlineSuspensionInput = { from: IsoDate; to?: IsoDate | null };

export type CalendarWarning = { key: "deadlines.calendar.missingYears"; vars: { years: string }; years: number[] };

export type DeadlineResult = {
  ruleId: DeadlineRuleId;
  triggerOn: IsoDate;
  /** The last day to act, after extensions and the holiday rule. */
  dueOn: IsoDate;
  /** The period's end before the holiday rule moved it (equal to dueOn when it did not). */
  periodEndOn: IsoDate;
  steps: DeadlineStep[];
  basis: string;
  /** i18n key of the translated citation. */
  basisKey: `deadlines.basis.${DeadlineRuleId}`;
  calendarWarning?: CalendarWarning;
  /** Set while a suspension that began inside the period has not ended: the clock is stopped. */
  paused?: { since: IsoDate; daysLeft: number };
};

function restVars(day: DayInfo): DeadlineStepVars {
  return { date: day.date, holidayZh: day.nameZh ?? "", holidayEn: day.nameEn ?? "" };
}

/**
 * Computes a statutory deadline. Counting follows 民诉法 Art 85 via 行诉法 Art 101: the start day
 * is not counted; a month period ends on the same date of the end month, or its last day if there
 * is none; a last day on a statutory rest day moves to the next working day (a 调休 make-up
 * workday is a working day). A "before" period (hearing notice, 听证规定 Art 10) counts back from
 * the event and moves a rest day to the previous working day, so the notice is never shorter.
 * Extensions (e.g. 审查起诉 +1 month, 规则 Art 47) run on from the end of the period before them.
 */
export function computeDeadline(
  ruleOrId: DeadlineRule | DeadlineRuleId,
  triggerOn: IsoDate,
  calendar: Calendar,
  extensions: readonly DeadlineExtensionInput[] = [],
  suspensions: readonly DeadlineSuspensionInput[] = []
): DeadlineResult {
  const rule = typeof ruleOrId === "string" ? ruleById(ruleOrId) : ruleOrId;
  if (!isIsoDate(triggerOn)) throw new RangeError(`trigger date must be YYYY-MM-DD: ${String(triggerOn)}`);
  const steps: DeadlineStep[] = [];
  let end: IsoDate;
  let paused: DeadlineResult["paused"];

  if (rule.direction === "after") {
    steps.push({ key: "deadlines.step.startExcluded", vars: { date: triggerOn, first: addDays(triggerOn, 1) } });
    if (rule.unit === "day") {
      end = addDays(triggerOn, rule.amount);
      steps.push({ key: "deadlines.step.addDays", vars: { n: rule.amount, date: end } });
    } else {
      const r = addMonths(triggerOn, rule.amount);
      end = r.date;
      steps.push(
        r.clamped
          ? {
              key: "deadlines.step.addMonthsClamped",
              vars: { n: rule.amount, day: Number(triggerOn.slice(8)), date: end },
            }
          : { key: "deadlines.step.addMonths", vars: { n: rule.amount, date: end } }
      );
    }
    for (const ext of extensions) {
      const reason = ext.reason ?? "";
      if (ext.extraMonths) {
        const from = end;
        const r = addMonths(end, ext.extraMonths);
        end = r.date;
        steps.push({
          key: r.clamped ? "deadlines.step.extendMonthsClamped" : "deadlines.step.extendMonths",
          vars: { n: ext.extraMonths, from, date: end, reason },
        });
      }
      if (ext.extraDays) {
        const from = end;
        end = addDays(end, ext.extraDays);
        steps.push({ key: "deadlines.step.extendDays", vars: { n: ext.extraDays, from, date: end, reason } });
      }
    }
    // 规则 Art 78: the time a case is suspended does not count; the period runs on after resumption.
    for (const susp of [...suspensions].sort((a, b) => (a.from < b.from ? -1 : 1))) {
      if (susp.from < triggerOn || susp.from > end) continue;
      if (!susp.to) {
        paused = { since: susp.from, daysLeft: diffDays(susp.from, end) };
        steps.push({ key: "deadlines.step.paused", vars: { from: susp.from, n: paused.daysLeft } });
        break;
      }
      const days = diffDays(susp.from, susp.to);
      if (days <= 0) continue;
      const from = end;
      end = addDays(end, days);
      steps.push({ key: "deadlines.step.suspended", vars: { start: susp.from, end: susp.to, n: days, from, date: end } });
    }
  } else {
    steps.push({ key: "deadlines.step.eventExcluded", vars: { date: triggerOn } });
    if (rule.unit === "day") {
      end = addDays(triggerOn, -rule.amount);
      steps.push({ key: "deadlines.step.subtractDays", vars: { n: rule.amount, date: end } });
    } else {
      end = addMonths(triggerOn, -rule.amount).date;
      steps.push({ key: "deadlines.step.subtractMonths", vars: { n: rule.amount, date: end } });
    }
  }

  const periodEndOn = end;
  const settled = settleDueDate(rule, triggerOn, periodEndOn, calendar);
  steps.push(...settled.steps);
  const due = settled.dueOn;
  const calendarWarning = settled.calendarWarning;

  return {
    ruleId: rule.id,
    triggerOn,
    dueOn: due,
    periodEndOn,
    steps,
    basis: rule.basis,
    basisKey: `deadlines.basis.${rule.id}`,
    ...(calendarWarning ? { calendarWarning } : {}),
    ...(paused ? { paused } : {}),
  };
}

/** The step keys settleDueDate writes: the tail of every deadline's steps. */
export const SETTLE_STEP_KEYS: ReadonlySet<string> = new Set([
  "deadlines.step.movedForward",
  "deadlines.step.movedBack",
  "deadlines.step.makeupWorkday",
  "deadlines.step.calendarMissing",
  "deadlines.step.due",
]);

/**
 * The part of a deadline the holiday calendar decides: the period's last day moved off a rest day
 * (民诉法 Art 85: forward for a period after an event; back for one before it, 听证规定 Art 10),
 * the make-up workday note, and the warning for a year without holiday data. A calendar change
 * recomputes stored deadlines with this alone (app/models/deadline.server.ts).
 */
export function settleDueDate(
  rule: DeadlineRule,
  triggerOn: IsoDate,
  periodEndOn: IsoDate,
  calendar: Calendar
): { dueOn: IsoDate; steps: DeadlineStep[]; calendarWarning?: CalendarWarning } {
  const steps: DeadlineStep[] = [];
  let due = periodEndOn;
  const first = calendar.day(due);
  if (!first.working) {
    const step = rule.direction === "after" ? 1 : -1;
    // Bounded walk: the longest official break is under two weeks; 60 days guards bad override data.
    for (let i = 0; i < 60 && !calendar.isWorkingDay(due); i++) due = addDays(due, step);
    steps.push({
      key: rule.direction === "after" ? "deadlines.step.movedForward" : "deadlines.step.movedBack",
      vars: { ...restVars(first), to: due, n: rule.amount },
    });
  }
  const dueDay = calendar.day(due);
  if (dueDay.kind === "makeup_workday") {
    steps.push({
      key: "deadlines.step.makeupWorkday",
      vars: { date: due, holidayZh: dueDay.nameZh ?? "", holidayEn: dueDay.nameEn ?? "" },
    });
  }

  const lo = yearOf(triggerOn < due ? triggerOn : due);
  const hi = yearOf(triggerOn < due ? due : triggerOn);
  const missing = calendar.missingYears(lo, Math.max(hi, yearOf(periodEndOn)));
  let calendarWarning: CalendarWarning | undefined;
  if (missing.length) {
    const years = missing.join("、");
    calendarWarning = { key: "deadlines.calendar.missingYears", vars: { years }, years: missing };
    steps.push({ key: "deadlines.step.calendarMissing", vars: { years } });
  }
  steps.push({ key: "deadlines.step.due", vars: { date: due } });
  return { dueOn: due, steps, ...(calendarWarning ? { calendarWarning } : {}) };
}

/** Days from today to the due date: 0 on the due day, negative once overdue. */
export function daysRemaining(dueOn: IsoDate, todayOn: IsoDate): number {
  return diffDays(todayOn, dueOn);
}

export const DUE_SOON_DAYS = 3;
/** paused: the case is suspended and the clock stopped (规则 Art 78); only a stored deadline is. */
export const DEADLINE_STATUSES = ["ok", "due_soon", "overdue", "paused"] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** overdue after the due day; due_soon when 0–3 days remain; ok otherwise. */
export function deadlineStatus(
  dueOn: IsoDate,
  todayOn: IsoDate,
  soonDays: number = DUE_SOON_DAYS
): Exclude<DeadlineStatus, "paused"> {
  const left = daysRemaining(dueOn, todayOn);
  if (left < 0) return "overdue";
  if (left <= soonDays) return "due_soon";
  return "ok";
}
