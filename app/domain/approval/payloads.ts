import { z } from "zod";

import type { ApprovalKindValue } from "~/domain/approval/schemas";
import type { CaseState } from "~/domain/case/states";
import { opinionStanceSchema } from "~/domain/hearing/majority";

// What each kind of approval request asks for: one zod schema per kind, stored as JSON in
// Approval.payload and parsed back with the same schema before it is applied. Free JSON is not
// accepted: an unknown key or a missing field is refused when the request is made.

const reason = z.string().trim().min(1, "validation.required").max(2000, "validation.tooLong");
const optionalReason = z
  .string()
  .trim()
  .max(2000, "validation.tooLong")
  .optional()
  .transform((v) => (v ? v : undefined));

export const APPROVAL_PAYLOAD_SCHEMAS = {
  /** 提请立案: the case becomes `filed` and gets its register number (规则 Arts 30, 67). */
  filing: z.strictObject({ reason: optionalReason }),
  /** 提请不立案: the case becomes `not_filed` (规则 Art 30). */
  not_filing: z.strictObject({ reason }),
  /** 提请制发检察建议: the draft gets its 文号, the case moves to `rectification` (规则 Arts 75, 76). */
  recommendation: z.strictObject({ recommendationId: z.string().min(1), reason: optionalReason }),
  /** 提请终结审查: `closed` on one of the 规则 Art 74 grounds. */
  closure: z.strictObject({ ground: z.string().min(1), reason }),
  /** 提请中止审查 (规则 Art 78). */
  suspension: z.strictObject({ reason }),
  /** 提请恢复审查 (规则 Art 78): back to the state the case was suspended from. */
  resumption: z.strictObject({ reason }),
  /** 提请提起诉讼 (规则 Art 81). */
  suit: z.strictObject({ reason }),
  /** 提请延长期限, e.g. 审查起诉 + 1 month (规则 Art 47): a DeadlineExtension row. */
  extension: z
    .strictObject({
      deadline: z.string().min(1),
      extraDays: z.number().int().positive().max(366).optional(),
      extraMonths: z.number().int().positive().max(12).optional(),
      reason,
    })
    .refine((v) => (v.extraDays ?? 0) > 0 || (v.extraMonths ?? 0) > 0, {
      message: "approvals.validation.extensionLength",
      path: ["extraMonths"],
    }),
  /** 提请召开听证 (听证规定 Art 4): linked by Approval.hearingId, no payload of its own. */
  hearing: z.strictObject({ reason: optionalReason }),
  /**
   * 提请不采纳多数意见 (听证规定 Art 16), with the stance the decision will record. `stance` is
   * optional only so rows stored before it still parse; every new request sets it
   * (requestDeparture), and a decision accepts only an approval naming its own stance.
   */
  departure_from_majority: z.strictObject({ reason, stance: opinionStanceSchema.optional() }),
  /**
   * 迟延通知: a hearing's participants or panelists notified later than 3 days before it (听证规定
   * Art 10); linked by Approval.hearingId. Once approved, late notices of that hearing are accepted.
   */
  late_notice: z.strictObject({ reason }),
} satisfies Record<ApprovalKindValue, z.ZodType>;

export type ApprovalPayloads = { [K in ApprovalKindValue]: z.infer<(typeof APPROVAL_PAYLOAD_SCHEMAS)[K]> };
export type ApprovalPayload<K extends ApprovalKindValue> = ApprovalPayloads[K];

/** Parses a stored or submitted payload with its kind's schema (throws ZodError when it does not fit). */
export function parseApprovalPayload<K extends ApprovalKindValue>(kind: K, raw: unknown): ApprovalPayload<K> {
  const value = typeof raw === "string" ? (JSON.parse(raw) as unknown) : (raw ?? {});
  return APPROVAL_PAYLOAD_SCHEMAS[kind].parse(value) as ApprovalPayload<K>;
}

/**
 * Parses a payload stored before payloads were typed: those recorded the target state (`to`,
 * `from`) beside the fields, which the kind now determines. Those two keys are dropped, the rest
 * must fit the kind's schema. Returns null when it does not.
 */
export function parseStoredApprovalPayload<K extends ApprovalKindValue>(kind: K, raw: string | null): ApprovalPayload<K> | null {
  let value: unknown = {};
  try {
    value = raw ? (JSON.parse(raw) as unknown) : {};
  } catch {
    return null;
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const { to: _to, from: _from, ...rest } = value as Record<string, unknown>;
    value = rest;
  }
  const parsed = APPROVAL_PAYLOAD_SCHEMAS[kind].safeParse(value);
  return parsed.success ? (parsed.data as ApprovalPayload<K>) : null;
}

/**
 * The case state an approved request of this kind moves its case to, or null when the kind does
 * not move the case (extension, hearing, departure). `resumption` returns to the state the case
 * was suspended from, which only the case's history knows: the caller passes it.
 */
export function targetStateOf(kind: ApprovalKindValue, suspendedFrom?: CaseState | null): CaseState | null {
  switch (kind) {
    case "filing":
      return "filed";
    case "not_filing":
      return "not_filed";
    case "recommendation":
      return "rectification";
    case "closure":
      return "closed";
    case "suspension":
      return "suspended";
    case "resumption":
      return suspendedFrom ?? "follow_up";
    case "suit":
      return "litigation";
    default:
      return null;
  }
}
