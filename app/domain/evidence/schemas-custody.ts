import { z } from "zod";
import { isRealLocalDateTime, localDateTimeSchema, shanghaiLocalToDate } from "~/domain/common/dates";
import { nullableText } from "~/domain/common/text";
import type { CustodyAction } from "~/domain/evidence/kinds";

// The form that records a physical custody step on an evidence item's page (its timeline): one
// schema, used by the browser (Conform) and the action. Messages are i18n keys
// (app/i18n/*/evidence-custody.ts).

/**
 * The custody actions a member of staff records by hand: what happens to the physical item (or its
 * carrier) outside the system. `collected` is not among them: it is written when the item is
 * registered, from the item's own collection facts (date, place, at least two collecting staff,
 * 规则 Art 36), and a second, free-standing "collected" would bypass that rule. uploaded, viewed,
 * downloaded, verified, disclosed and exported are written by the system where they happen.
 */
export const MANUAL_CUSTODY_ACTIONS = ["received", "stored", "transferred", "returned"] as const satisfies readonly CustodyAction[];
export type ManualCustodyAction = (typeof MANUAL_CUSTODY_ACTIONS)[number];

/** Steps with another side: received from, transferred to (the new holder), returned to. */
export const CUSTODY_NEEDS_COUNTERPARTY: readonly ManualCustodyAction[] = ["received", "transferred", "returned"];
/** Steps that say where the item now is: entered in the case file or a store. */
export const CUSTODY_NEEDS_PLACE: readonly ManualCustodyAction[] = ["stored"];

export const CUSTODY_COUNTERPARTY_MAX = 200;
export const CUSTODY_PLACE_MAX = 200;
export const CUSTODY_NOTE_MAX = 1000;

/**
 * A physical custody step. `now` bounds the time: a step is recorded after it happened, never
 * ahead (the datetime-local value is Asia/Shanghai wall time; `at` is the UTC instant).
 */
export function custodyStepSchema(now: Date) {
  return z
    .object({
      action: z.enum(MANUAL_CUSTODY_ACTIONS, { error: "evidenceCustody.validation.action" }),
      at: localDateTimeSchema.refine(
        (v) => !isRealLocalDateTime(v) || shanghaiLocalToDate(v).getTime() <= now.getTime(),
        "evidenceCustody.validation.future",
      ),
      counterparty: nullableText(CUSTODY_COUNTERPARTY_MAX),
      location: nullableText(CUSTODY_PLACE_MAX),
      note: nullableText(CUSTODY_NOTE_MAX),
    })
    .superRefine((v, ctx) => {
      if (CUSTODY_NEEDS_COUNTERPARTY.includes(v.action) && !v.counterparty) {
        ctx.addIssue({ code: "custom", path: ["counterparty"], message: `evidenceCustody.validation.counterparty.${v.action}` });
      }
      if (CUSTODY_NEEDS_PLACE.includes(v.action) && !v.location) {
        ctx.addIssue({ code: "custom", path: ["location"], message: "evidenceCustody.validation.place" });
      }
    })
    .transform(({ at, ...rest }) => ({ ...rest, at: shanghaiLocalToDate(at) }));
}
export type CustodyStepInput = z.infer<ReturnType<typeof custodyStepSchema>>;

/** An instant as a datetime-local value on the legal clock (Asia/Shanghai, UTC+8), to the minute. */
export function shanghaiLocalMinute(instant: Date = new Date()): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}
