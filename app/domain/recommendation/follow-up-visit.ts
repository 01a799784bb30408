import { z } from "zod";
import { isIsoDate } from "~/domain/deadlines/dates";

// A follow-up visit (跟进调查 on site, 规则 Art 77; visits and records, 建议规定 Art 24): date, place,
// findings, the case's evidence items it produced, and observers invited from the panelist pool
// (volunteers of 益心为公 or panelists).

const ids = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
  z.array(z.string().min(1)).max(50, "validation.tooLong"),
);

export const followUpVisitSchema = z.object({
  visitedOn: z
    .string({ error: "validation.date" })
    .trim()
    .refine((v) => isIsoDate(v), "validation.date"),
  place: z.string({ error: "agencyAssess.validation.place" }).trim().min(1, "agencyAssess.validation.place").max(200, "validation.tooLong"),
  findings: z
    .string({ error: "agencyAssess.validation.findings" })
    .trim()
    .min(1, "agencyAssess.validation.findings")
    .max(4000, "validation.tooLong"),
  evidenceIds: ids,
  observerIds: ids,
});
export type FollowUpVisitInput = z.infer<typeof followUpVisitSchema>;

/** A visit records what was seen on a day that has happened (规则 Art 77). */
export function visitDateAllowed(visitedOn: string, today: string): boolean {
  return visitedOn <= today;
}
