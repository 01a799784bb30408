import type { ApprovalKindValue } from "~/domain/approval/schemas";
import type { CaseState } from "~/domain/case/states";

// What approving a request does, in words the decision page shows before ("批准后：立案，分配案号")
// and after the decision. Pure; the model that applies it is app/models/approval-apply.server.ts.

export type EffectLine = { key: string; params?: Record<string, string | number> };

/** The lines describing what approving a request of this kind will do. */
export function approvalEffectPreview(
  kind: ApprovalKindValue,
  context: { target: CaseState | null; recommendationCode?: string | null },
): EffectLine[] {
  switch (kind) {
    case "filing":
      return [{ key: "approvals.effect.filing" }];
    case "not_filing":
      return [{ key: "approvals.effect.notFiling" }];
    case "recommendation":
      return [
        context.recommendationCode
          ? { key: "approvals.effect.recommendationNumber", params: { code: context.recommendationCode } }
          : { key: "approvals.effect.recommendationNoCode" },
        { key: "approvals.effect.toState", params: { state: "rectification" } },
      ];
    case "extension":
      return [{ key: "approvals.effect.extension" }];
    case "hearing":
      return [{ key: "approvals.effect.hearing" }];
    case "departure_from_majority":
      return [{ key: "approvals.effect.departure" }];
    case "late_notice":
      return [{ key: "approvals.effect.lateNotice" }];
    default:
      return context.target ? [{ key: "approvals.effect.toState", params: { state: context.target } }] : [];
  }
}

/** What an approval did once applied (recorded in its `approval.apply` audit event). */
export type AppliedEffect = {
  kind: ApprovalKindValue;
  from?: CaseState | null;
  to?: CaseState | null;
  caseNumber?: string | null;
  recommendationId?: string | null;
  recommendationNumber?: string | null;
  /** The recommendation was issued without a 文号 because no code is configured. */
  unnumbered?: boolean;
  extensionId?: string | null;
  hearingId?: string | null;
};
