import { z } from "zod";

/** Kinds of evidence, Evidence.kind (规则 Art 34; 行诉法 Art 33). Labels: evidenceKind.<kind>. */
export const EVIDENCE_KINDS = [
  "documentary", // 书证 (规则 Art 34(1))
  "physical", // 物证 (规则 Art 34(2))
  "audiovisual", // 视听资料 (规则 Art 34(3))
  "electronic", // 电子数据 (规则 Art 34(4))
  "witness", // 证人证言 (规则 Art 34(5))
  "party_statement", // 当事人陈述 (规则 Art 34(6))
  "appraisal", // 鉴定意见 (规则 Art 34(7))
  "expert_opinion", // 专家意见 (规则 Art 34(8))
  "inspection", // 勘验笔录 (规则 Arts 34(9), 42)
] as const;
export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/**
 * Chain-of-custody events, CustodyEvent.action. Not statutory as a list: the steps an item goes
 * through once collected by two staff (规则 Art 36). Labels: custodyAction.<action>.
 */
export const CUSTODY_ACTIONS = [
  "collected", // collected on site or from a party (规则 Arts 36–38)
  "received", // received from another body (e.g. 调取证据通知书, 规则 Art 38)
  "stored", // entered in the case file or the evidence store
  "viewed", // opened by a member of staff
  "disclosed", // shown to a hearing's panel (听证规定 Art 11)
  "transferred", // handed to another holder
  "returned", // given back to the party it came from
] as const;
export const custodyActionSchema = z.enum(CUSTODY_ACTIONS);
export type CustodyAction = z.infer<typeof custodyActionSchema>;
