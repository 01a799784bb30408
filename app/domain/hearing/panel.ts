import type { PanelConflict } from "~/domain/hearing/conflicts";
import type { IneligibilityReason } from "~/domain/hearing/eligibility";
import { checkPanelistEligibility } from "~/domain/hearing/eligibility";
import type { OpinionStance } from "~/domain/hearing/majority";
import { opinionsOpen } from "~/domain/hearing/opinions";
import { isHearingEditable } from "~/domain/hearing/states";

// The rules of a panel seat and of a panelist's opinion (issue 9), for the staff panel tab and the
// panel portal. Pure: the models read the rows and call these.

/**
 * The no-conflict declaration a seated panelist signs before the briefing opens (听证规定 Art 7:
 * no interest in the case). Stored with the signature in HearingPanelist.declaration.
 */
export const DECLARATION_STATEMENT =
  "本人承诺：与本次听证所涉案件及其当事人、行政机关不存在利害关系，不存在其他可能影响公正听证的情形；" +
  "对听证中知悉的国家秘密、商业秘密、个人隐私予以保密，在评议结束前不对外披露本人及其他听证员的意见。";

export function declarationText(signedName: string): string {
  return `${DECLARATION_STATEMENT}\n签名：${signedName.trim()}`;
}

/** Names compared as signed: trimmed, inner white space removed (张 三 = 张三), case folded. */
function normaliseName(name: string): string {
  return name.replace(/\s+/gu, "").toLocaleLowerCase("zh-CN");
}

/** Whether a typed signature is the panelist's own name. */
export function signatureMatches(signedName: string, panelistName: string): boolean {
  const s = normaliseName(signedName);
  return s.length > 0 && s === normaliseName(panelistName);
}

/** Why a pool entry cannot be seated on a hearing: ineligibility (听证规定 Art 7) and conflicts. */
export type SeatBlock = { reasons: IneligibilityReason[]; conflicts: PanelConflict[] };

/** Whether the pool entry may be seated on the hearing's date, and if not every reason. */
export function seatBlock(
  panelist: { birthOn: string | null; barred: boolean; active: boolean },
  hearingDate: string,
  conflicts: readonly PanelConflict[]
): SeatBlock | null {
  const { reasons } = checkPanelistEligibility(panelist, hearingDate);
  return reasons.length || conflicts.length ? { reasons, conflicts: [...conflicts] } : null;
}

/** The panel's mix of categories among the seated (not recused) panelists, e.g. 3/4/3/2 in 桂阳. */
export function categoryMix(seats: readonly { category: string; recused: boolean }[]): { category: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of seats) if (!s.recused) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  return [...counts.entries()].map(([category, count]) => ({ category, count }));
}

/** Why the seating of a hearing cannot change now: only while it is being prepared. */
export function panelEditRefusal(hearingStatus: string): "hearings.error.notEditable" | null {
  return isHearingEditable(hearingStatus) ? null : "hearings.error.notEditable";
}

/** Where a recusal request stands: none, awaiting a decision, or decided. */
export function recusalState(seat: { recusalRequestedAt: Date | string | null; recusalDecision: string | null }) {
  if (!seat.recusalRequestedAt) return "none" as const;
  return seat.recusalDecision ? ("decided" as const) : ("pending" as const);
}

/**
 * Whether the seat's briefing (facts, issues, disclosed evidence) may be shown: only to a panelist
 * who has signed the declaration and is not recused.
 */
export function briefingOpen(seat: { declaredAt: Date | string | null; recused: boolean }): boolean {
  return !seat.recused && seat.declaredAt !== null;
}

export type OpinionRefusal =
  | "hearingPanel.error.recused"
  | "hearingPanel.error.declarationRequired"
  | "hearingPanel.error.opinionsNotOpen"
  | "hearings.error.opinionsClosed";

/**
 * Why a panelist may not give or change an opinion now, or null: a recused panelist never, one who
 * has not signed the declaration not yet, and only while the hearing is in progress or in recess
 * until the host closes deliberation (听证规定 Art 15; app/domain/hearing/opinions.ts opinionsOpen).
 */
export function opinionRefusal(
  hearing: { status: string; deliberationClosedAt: Date | string | null },
  seat: { declaredAt: Date | string | null; recused: boolean }
): OpinionRefusal | null {
  if (seat.recused) return "hearingPanel.error.recused";
  if (!seat.declaredAt) return "hearingPanel.error.declarationRequired";
  if (opinionsOpen(hearing)) return null;
  return hearing.deliberationClosedAt !== null || hearing.status === "concluded" || hearing.status === "cancelled"
    ? "hearings.error.opinionsClosed"
    : "hearingPanel.error.opinionsNotOpen";
}

/** The conditions kept with an opinion: only an agreement with conditions has them. */
export function opinionConditions(stance: OpinionStance, conditions: string | null | undefined): string | null {
  return stance === "conditional" ? conditions?.trim() || null : null;
}
