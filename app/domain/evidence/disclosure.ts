import type { HearingStatus } from "~/domain/hearing/states";

// What a hearing's panel may see of the evidence (听证规定 Art 11: the panel reviews the materials
// the procuratorate discloses; 个人信息保护法 Arts 28, 51: personal data only as the duty requires).

/** Hearing statuses in which the prosecutor may still change what is disclosed to the panel. */
export const DISCLOSURE_OPEN_STATUSES = ["planned", "notified", "in_progress"] as const satisfies readonly HearingStatus[];

/** Disclosure freezes when the hearing enters deliberation (and stays frozen once it is over). */
export function disclosureOpen(status: string): boolean {
  return (DISCLOSURE_OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * Hearing statuses in which its panel reads the disclosed evidence: from planning until it has
 * concluded, and afterwards (DOMAIN.md §5: panelists see the decision afterwards, which rests on
 * that evidence). A cancelled hearing's panel reviews nothing, so it loses access (decision 0016,
 * addendum).
 */
export const PANEL_EVIDENCE_STATUSES = ["planned", "notified", "in_progress", "deliberating", "concluded"] as const satisfies readonly HearingStatus[];

export function panelReadsEvidence(status: string): boolean {
  return (PANEL_EVIDENCE_STATUSES as readonly string[]).includes(status);
}

/**
 * While a hearing deliberates, what its panel sees of a disclosed item is fixed like the list of
 * items (disclosure freezes at deliberation): no file is added to the item and its personal-data
 * flag, which decides whether the panel sees the originals, does not change.
 */
export function disclosedItemFrozen(hearingStatus: string): boolean {
  return hearingStatus === "deliberating";
}

/**
 * Whether a panelist of a hearing the item is disclosed to sees this file of it: every file of an
 * item without personal data; of an item with personal data, only its redacted copies (files that
 * point at an original with redactionOfId), never an original.
 */
export function panelSeesFile(item: { containsPersonal: boolean }, file: { redactionOfId: string | null }): boolean {
  return item.containsPersonal ? file.redactionOfId !== null : true;
}
