import { opinionsUnsealed } from "~/domain/hearing/opinions";

// A decision after a hearing (issue 9 item 7): once the panel's opinions are unsealed, the
// procuratorate records its stance on the proposal (HearingCase.decisionStance) before the case
// moves on (closure, recommendation, suit), so a departure from the majority cannot skip the
// departure_from_majority approval (听证规定 Art 16: departing from the majority needs the chief's approval).

export type HearingOfCase = {
  hearingId: string;
  title: string;
  status: string;
  deliberationClosedAt: Date | string | null;
  decisionStance: string | null;
};

/** The first hearing of the case whose opinions are unsealed but whose decision is not recorded, or null. */
export function pendingHearingDecision<T extends HearingOfCase>(hearings: readonly T[]): T | null {
  return hearings.find((h) => opinionsUnsealed(h) && h.decisionStance === null) ?? null;
}
