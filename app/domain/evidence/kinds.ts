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
  "uploaded", // a file of the item entered the store (hashed while written)
  "downloaded", // a file saved by a user (as an attachment)
  "exported", // the item or its files placed in an export or a generated document (证据清单)
  "verified", // its files re-hashed and compared with the recorded SHA-256
] as const;
export const custodyActionSchema = z.enum(CUSTODY_ACTIONS);
export type CustodyAction = z.infer<typeof custodyActionSchema>;

/**
 * Where an item came from, Evidence.source. collected: by our own investigation (规则 Arts 35–42);
 * agency_handover: handed over by an administrative agency (e.g. on a 调取证据通知书, 规则 Art 38);
 * public_submission: submitted by a "益心为公" volunteer or a member of the public. Labels:
 * evidenceSource.<source>. Evidence.sourceNote names who or what exactly.
 */
export const EVIDENCE_SOURCES = ["collected", "agency_handover", "public_submission"] as const;
export const evidenceSourceSchema = z.enum(EVIDENCE_SOURCES);
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;

/** An investigation act is carried out by at least two staff (规则 Art 36). */
export const MIN_COLLECTING_STAFF = 2;
