import type { CaseState } from "~/domain/case/states";
import { caseStateSchema } from "~/domain/case/states";
import type { ReplyStatus } from "~/domain/recommendation/reply";
import { hasReplied } from "~/domain/recommendation/reply";
import type { RecommendationStatus } from "~/domain/recommendation/states";

/** The tones of the Badge component (app/components/ui), kept here so the rule stays pure. */
export type BadgeTone = "neutral" | "info" | "ok" | "warn" | "danger";

/**
 * How a case state reads at a glance: under way (info), waiting on the agency or paused (warn),
 * heading to court (danger), finished (ok), not a case (neutral).
 */
const STATE_TONE: Record<CaseState, BadgeTone> = {
  evaluation: "neutral",
  not_filed: "neutral",
  filed: "info",
  investigating: "info",
  recommending: "info",
  rectification: "warn",
  follow_up: "info",
  suspended: "warn",
  pre_suit_review: "danger",
  litigation: "danger",
  closed: "ok",
};

export function stateTone(state: string): BadgeTone {
  const parsed = caseStateSchema.safeParse(state);
  return parsed.success ? STATE_TONE[parsed.data] : "neutral";
}

/** A step of the progress strip; "outcome" stands for the undecided end (close or sue). */
export type StageKey = CaseState | "outcome";
export type StageStatus = "done" | "current" | "upcoming" | "skipped";
export type Stage = { key: StageKey; status: StageStatus; suspended?: boolean };

/** The pre-suit path every case walks (DOMAIN.md §1, rows 2–9); closure may cut it short (规则 Art 74). */
const MAIN_PATH = ["evaluation", "filed", "investigating", "recommending", "rectification", "follow_up"] as const;

type Move = { fromState: string; toState: string };

/**
 * The stage strip of a case header: evaluation → filed → investigating → recommending →
 * rectification → follow_up → closed / litigation (via 审查起诉, 规则 Arts 47, 81).
 * `history` is the case's CaseTransition rows in time order; it tells which stage a closed case was
 * closed from (later stages are then "skipped") and where a suspended case stopped (规则 Art 78).
 */
export function stageProgress(stateValue: string, history: readonly Move[] = []): Stage[] {
  const parsed = caseStateSchema.safeParse(stateValue);
  const state: CaseState = parsed.success ? parsed.data : "evaluation";
  const lastInto = (to: CaseState) => [...history].reverse().find((m) => m.toState === to)?.fromState;
  const visited = new Set<string>(history.flatMap((m) => [m.fromState, m.toState]));

  if (state === "not_filed") {
    return [
      { key: "evaluation", status: "done" },
      { key: "not_filed", status: "current" },
    ];
  }

  const toCourt = state === "pre_suit_review" || state === "litigation" || visited.has("pre_suit_review");
  const end: StageKey =
    state === "litigation" || (toCourt && visited.has("litigation")) ? "litigation" : state === "closed" ? "closed" : "outcome";
  const keys: StageKey[] = [...MAIN_PATH, ...(toCourt ? (["pre_suit_review"] as const) : []), end];

  // Where the case stands on the strip.
  let currentKey: StageKey = state;
  if (state === "suspended") {
    const from = lastInto("suspended");
    currentKey = from === "rectification" ? "rectification" : from === "follow_up" ? "follow_up" : "rectification";
  }
  const current = keys.indexOf(currentKey);

  // A closed case skips the stages after the one it was closed from.
  const closedFrom = state === "closed" ? lastInto("closed") : undefined;
  const closedFromIndex = closedFrom ? keys.indexOf(closedFrom as StageKey) : -1;

  return keys.map((key, i): Stage => {
    if (i === current) return state === "suspended" ? { key, status: "current", suspended: true } : { key, status: "current" };
    if (i > current) return { key, status: "upcoming" };
    if (closedFromIndex >= 0 && i > closedFromIndex) return { key, status: "skipped" };
    return { key, status: "done" };
  });
}


/**
 * Where a case's latest recommendation stands with the agency, for series overviews:
 * none (no recommendation yet) · drafting (not yet served) · awaiting (served, no reply submitted;
 * the reply period runs from service, 两高解释 Art 21) · replied (a reply was submitted) ·
 * assessed (the reply was assessed) · closed.
 */
export type ReplyProgress = "none" | "drafting" | "awaiting" | "replied" | "assessed" | "closed";

export function replyProgress(
  rec: { status: string; servedOn: string | null; replyStatuses: readonly string[] } | null,
): ReplyProgress {
  if (!rec) return "none";
  if (rec.status === ("closed" satisfies RecommendationStatus)) return "closed";
  if (rec.replyStatuses.includes("assessed" satisfies ReplyStatus)) return "assessed";
  if (hasReplied(rec.replyStatuses) || rec.status === ("replied" satisfies RecommendationStatus)) return "replied";
  if (rec.servedOn || rec.status === ("served" satisfies RecommendationStatus)) return "awaiting";
  return "drafting";
}

export const REPLY_PROGRESS_TONE: Record<ReplyProgress, BadgeTone> = {
  none: "neutral",
  drafting: "neutral",
  awaiting: "warn",
  replied: "info",
  assessed: "ok",
  closed: "ok",
};

/** Clue status tone: waiting (warn) while registered or under evaluation, settled otherwise. */
export function clueStatusTone(status: string): BadgeTone {
  switch (status) {
    case "registered":
      return "warn";
    case "evaluating":
      return "info";
    case "filed":
      return "ok";
    default:
      return "neutral";
  }
}
