import type { HearingStatus } from "~/domain/hearing/states";

/**
 * Whether a hearing's panel opinions are unsealed: shown to staff, and each panelist sees the
 * others' opinions, the tally and the outcome. The one rule for the staff page and the panel
 * portal.
 *
 * DOMAIN.md §5: a panelist must not see other panelists' forms "before the hearing closes", and
 * a hearing closes when the host has summed up (§2, order of business step 7; 听证规定 Art 15),
 * which is the status `concluded`. The status alone decides. `concludedAt` records when the
 * hearing concluded; it does not make it concluded: a cancelled hearing, or one set back to
 * deliberating after a mistaken conclusion, may carry the timestamp, and its opinions must stay
 * sealed. (The staff page used to unseal on `concludedAt` too; the portal checked the status.)
 */
export function opinionsUnsealed(hearing: { status: string }): boolean {
  return hearing.status === ("concluded" satisfies HearingStatus);
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
