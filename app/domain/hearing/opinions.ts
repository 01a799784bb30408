import type { HearingStatus } from "~/domain/hearing/states";

/**
 * Whether a hearing's panel opinions are unsealed: shown to staff, and each panelist sees the
 * others' opinions, the tally and the outcome. The one sealing rule, for the staff pages, the
 * case page and the panel portal.
 *
 * Opinions stay sealed until the host closes deliberation (Hearing.deliberationClosedAt), and not
 * earlier even when every panelist has submitted: an opinion that can still be changed must not be
 * revised after reading the others (issue 9; DOMAIN.md §5: no panelist sees another's form before
 * the deliberation is over). Only a hearing in recess or concluded unseals: a cancelled one never.
 */
export function opinionsUnsealed(hearing: { status: string; deliberationClosedAt: Date | string | null }): boolean {
  const afterRecess = hearing.status === ("deliberating" satisfies HearingStatus) || hearing.status === ("concluded" satisfies HearingStatus);
  return afterRecess && hearing.deliberationClosedAt !== null;
}

/**
 * Whether a seated panelist may give or change an opinion: once the hearing is in progress and
 * until the host closes deliberation (听证规定 Art 15, steps 4–5). After that it is final (the
 * database refuses a change too: trigger PanelOpinion_locked_*).
 */
export function opinionsOpen(hearing: { status: string; deliberationClosedAt: Date | string | null }): boolean {
  return (
    (hearing.status === ("in_progress" satisfies HearingStatus) || hearing.status === ("deliberating" satisfies HearingStatus)) &&
    hearing.deliberationClosedAt === null
  );
}

/** Whether the host may close deliberation now: in recess and not closed yet. */
export function canCloseDeliberation(hearing: { status: string; deliberationClosedAt: Date | string | null }): boolean {
  return hearing.status === ("deliberating" satisfies HearingStatus) && hearing.deliberationClosedAt === null;
}

export type Seat = { panelistId: string; recused: boolean };

/** The seats that count: a recused panelist (规则 Art 19; 听证规定 Art 7: no interest in the case) no longer sits. */
export function seatedPanelists<S extends Seat>(seats: readonly S[]): S[] {
  return seats.filter((s) => !s.recused);
}

/**
 * The opinions that count and are shown: those of panelists who were not recused. A recused
 * panelist's opinion is neither tallied nor shown (听证规定 Art 7; 规则 Art 19); an opinion of
 * someone holding no seat on the hearing is left out too.
 */
export function countedOpinions<T extends { panelistId: string }>(opinions: readonly T[], seats: readonly Seat[]): T[] {
  const seated = new Set(seatedPanelists(seats).map((s) => s.panelistId));
  return opinions.filter((o) => seated.has(o.panelistId));
}
