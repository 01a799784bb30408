import { z } from "zod";
import { isIsoDate } from "~/domain/deadlines/dates";
import { EVIDENCE_KINDS, EVIDENCE_SOURCES, MIN_COLLECTING_STAFF } from "~/domain/evidence/kinds";
import { nullableText as optionalText, requiredText } from "~/domain/common/text";

// The evidence item form (create and edit on the case's evidence pages): one schema, shared by the
// browser (Conform) and the action. Messages are i18n keys (app/i18n/*/evidence-items.ts).

export const EVIDENCE_TITLE_MAX = 200;
export const EVIDENCE_DESCRIPTION_MAX = 4000;
export const EVIDENCE_PLACE_MAX = 200;
export const EVIDENCE_OTHER_COLLECTORS_MAX = 500;
export const EVIDENCE_SOURCE_NOTE_MAX = 500;
/** More collecting staff than any investigation act needs; bounds the form. */
export const EVIDENCE_COLLECTORS_MAX = 20;

/** The two values of the "original or copy" choice (Evidence.isOriginal). */
export const ORIGINAL_CHOICES = ["original", "copy"] as const;


/**
 * An evidence item. `today` (Asia/Shanghai) bounds the collection date. An item we collected
 * ourselves needs at least MIN_COLLECTING_STAFF collecting staff (规则 Art 36); handed-over and
 * submitted items may name none. Whether the named staff belong to the procuratorate is checked by
 * the model (400).
 */
export function evidenceItemSchema(today: string) {
  return z
    .object({
      kind: z.enum(EVIDENCE_KINDS, { error: "evidenceItems.validation.kind" }),
      title: requiredText(EVIDENCE_TITLE_MAX),
      description: optionalText(EVIDENCE_DESCRIPTION_MAX),
      collectedOn: z
        .string({ error: "validation.required" })
        .trim()
        .refine((v) => isIsoDate(v), "validation.date")
        .refine((v) => !isIsoDate(v) || v <= today, "evidenceItems.validation.collectedInFuture"),
      collectedPlace: optionalText(EVIDENCE_PLACE_MAX),
      collectorIds: z
        .array(z.string().trim().min(1, "validation.invalid").max(64, "validation.invalid"))
        .max(EVIDENCE_COLLECTORS_MAX, "evidenceItems.validation.tooManyCollectors")
        .default([])
        .transform((ids) => [...new Set(ids)]),
      otherCollectors: optionalText(EVIDENCE_OTHER_COLLECTORS_MAX),
      source: z.enum(EVIDENCE_SOURCES, { error: "evidenceItems.validation.source" }),
      sourceNote: optionalText(EVIDENCE_SOURCE_NOTE_MAX),
      isOriginal: z.enum(ORIGINAL_CHOICES, { error: "evidenceItems.validation.original" }).transform((v) => v === "original"),
      containsPersonal: z.boolean().default(false),
    })
    .superRefine((v, ctx) => {
      // 规则 Art 36: an investigation act (our own collection) is carried out by at least two staff.
      if (v.source === "collected" && v.collectorIds.length < MIN_COLLECTING_STAFF) {
        ctx.addIssue({ code: "custom", path: ["collectorIds"], message: "evidenceItems.validation.twoCollectors" });
      }
    });
}
export type EvidenceItemInput = z.infer<ReturnType<typeof evidenceItemSchema>>;

/** The fields of an item an edit may change, in the order the audit event records them. */
export const EVIDENCE_ITEM_FIELDS = [
  "kind",
  "title",
  "description",
  "collectedOn",
  "collectedPlace",
  "otherCollectors",
  "source",
  "sourceNote",
  "isOriginal",
  "containsPersonal",
] as const satisfies readonly (keyof EvidenceItemInput)[];

/** The upload form's optional field: the original file the upload is a redacted copy of. */
export const redactionOfSchema = z
  .string()
  .trim()
  .max(64, "validation.invalid")
  .optional()
  .transform((v) => (v ? v : null));

/** Evidence items may be registered and changed while the case is open (not closed, not 不立案). */
export function evidenceEditable(caseState: string): boolean {
  return caseState !== "closed" && caseState !== "not_filed";
}
