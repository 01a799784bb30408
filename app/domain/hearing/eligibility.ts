/**
 * Panelist (听证员) eligibility that can be checked from the pool entry alone. The per-case
 * no-conflict declaration and links to the agencies of a case are checked when seating a panel.
 */

// 听证规定 Art 7: a panelist must be a Chinese citizen aged 23 or over.
export const PANELIST_MIN_AGE = 23;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a calendar date "YYYY-MM-DD"; null if malformed or not a real day (2023-02-30). */
function parseCalendarDate(value: string): { year: number; month: number; day: number } | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/**
 * Completed years of age on a calendar date. Someone born on 29 February turns a year older on
 * 1 March in a common year (the birthday has not yet come on 28 February).
 */
export function ageOn(birthOn: string, on: string): number | null {
  const b = parseCalendarDate(birthOn);
  const d = parseCalendarDate(on);
  if (!b || !d) return null;
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

/** Whether someone born on `birthOn` has reached the minimum age on `on` (听证规定 Art 7). */
export function isOldEnough(birthOn: string, on: string): boolean {
  const age = ageOn(birthOn, on);
  return age !== null && age >= PANELIST_MIN_AGE;
}

export type IneligibilityReason = "no_birth_date" | "under_age" | "barred" | "inactive";

export type EligibilityInput = {
  birthOn: string | null;
  /** A bar of 听证规定 Art 7 recorded on the entry (criminal penalty, dismissal, revoked licence, 失信). */
  barred: boolean;
  active?: boolean;
};

/** Whether a pool entry may be seated on a panel on a date, and if not, every reason why. */
export function checkPanelistEligibility(
  panelist: EligibilityInput,
  on: string
): { eligible: boolean; reasons: IneligibilityReason[]; age: number | null } {
  const reasons: IneligibilityReason[] = [];
  const age = panelist.birthOn ? ageOn(panelist.birthOn, on) : null;
  if (age === null) reasons.push("no_birth_date");
  else if (age < PANELIST_MIN_AGE) reasons.push("under_age");
  if (panelist.barred) reasons.push("barred");
  if (panelist.active === false) reasons.push("inactive");
  return { eligible: reasons.length === 0, reasons, age };
}
