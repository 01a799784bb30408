import type { DeadlineStep, DeadlineStepVars } from "~/domain/deadlines/compute";
import { isIsoDate } from "~/domain/deadlines/dates";

/**
 * Turns a step's raw values into display values: dates through the caller's formatter, and the
 * rest day's name in the reader's language as {holiday}.
 */
export function localizeStepVars(
  vars: DeadlineStepVars,
  locale: string,
  formatDate: (date: string) => string
): DeadlineStepVars {
  const out: DeadlineStepVars = {};
  for (const [k, v] of Object.entries(vars)) out[k] = typeof v === "string" && isIsoDate(v) ? formatDate(v) : v;
  const zh = typeof vars.holidayZh === "string" ? vars.holidayZh : "";
  const en = typeof vars.holidayEn === "string" ? vars.holidayEn : "";
  out.holiday = locale.startsWith("zh") ? zh || en : en || zh;
  return out;
}

/** The steps as sentences, given a translator for the "deadlines" keys. */
export function explainSteps(
  steps: readonly DeadlineStep[],
  translate: (key: DeadlineStep["key"], vars: DeadlineStepVars) => string,
  locale: string,
  formatDate: (date: string) => string
): string[] {
  return steps.map((s) => translate(s.key, localizeStepVars(s.vars, locale, formatDate)));
}
