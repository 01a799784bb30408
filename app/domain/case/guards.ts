import type { CaseState } from "~/domain/case/states";

/**
 * What a case must hold before it may take a step, beyond what the transition table allows. Pure:
 * the model loads the facts, these rules decide. Each refusal is a message key (409).
 */
export type GuardFacts = {
  /** People on the case team (lead included). */
  teamSize: number;
  evidenceCount: number;
  /** Points of the recommendation being submitted (or of the case's current draft). */
  recommendationPoints: number;
  /** Services of the case's recommendation (送达回证 recorded). */
  recommendationServices: number;
  followUpCount: number;
};

export type GuardResult = { ok: true } | { ok: false; reason: string; basis: string };

const ok: GuardResult = { ok: true };
const refuse = (reason: string, basis: string): GuardResult => ({ ok: false, reason, basis });

/** 规则 Art 36: investigation is done by at least two staff. */
export function investigationTeamGuard(f: GuardFacts): GuardResult {
  return f.teamSize >= 2 ? ok : refuse("casepage.guard.teamOfTwo", "规则 Art 36");
}

/** 规则 Arts 71, 75: a recommendation rests on proven facts, so the case needs evidence first. */
export function evidenceGuard(f: GuardFacts): GuardResult {
  return f.evidenceCount >= 1 ? ok : refuse("casepage.guard.evidence", "规则 Arts 71, 75");
}

/** 规则 Art 75: a recommendation needs at least one evidence item and at least one point. */
export function recommendationGuard(f: GuardFacts): GuardResult {
  const evidence = evidenceGuard(f);
  if (!evidence.ok) return evidence;
  return f.recommendationPoints >= 1 ? ok : refuse("casepage.guard.points", "规则 Art 75");
}

/** 规则 Art 77: follow-up checks the agency's performance after the recommendation was served. */
export function followUpGuard(f: GuardFacts): GuardResult {
  return f.recommendationServices >= 1 ? ok : refuse("casepage.guard.served", "规则 Arts 76, 77");
}

/** 规则 Arts 79, 81: the 审查终结报告 after follow-up (a recorded assessment) comes before pre-suit review. */
export function preSuitGuard(f: GuardFacts): GuardResult {
  return f.followUpCount >= 1 ? ok : refuse("casepage.guard.followUp", "规则 Arts 79, 81");
}

/** The guard of the edge from → to, or null when the edge has none beyond the table. */
export function guardOf(from: CaseState, to: CaseState): ((f: GuardFacts) => GuardResult) | null {
  if (from === "filed" && to === "investigating") return investigationTeamGuard;
  if (from === "investigating" && to === "recommending") return evidenceGuard;
  if (from === "recommending" && to === "rectification") return recommendationGuard;
  if (from === "rectification" && to === "follow_up") return followUpGuard;
  if (from === "follow_up" && to === "pre_suit_review") return preSuitGuard;
  return null;
}

/** Runs the edge's guard; ok when the edge has none. */
export function checkGuard(from: CaseState, to: CaseState, facts: GuardFacts): GuardResult {
  return guardOf(from, to)?.(facts) ?? ok;
}
