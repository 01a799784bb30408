/**
 * The conflict check of a panel seat (issue 9). 听证规定 Art 7: a panelist must have no interest in
 * the case; the app blocks anyone whose recorded affiliation (PanelistAffiliation) names an agency
 * that is a respondent of a case in the hearing or that takes part in it (DOMAIN.md §2).
 *
 * Only affiliations linked to an agency record (agencyId) are matched: a free-text organisation
 * cannot be compared reliably and stays for the prosecutor to judge from the list.
 */

export const CONFLICT_ROLES = ["respondent", "participant"] as const;
export type ConflictRole = (typeof CONFLICT_ROLES)[number];

export type Affiliation = {
  agencyId: string | null;
  organisation: string;
  relation: string;
};

/** An agency the hearing concerns: a respondent of one of its cases, or a participating agency. */
export type HearingAgency = {
  agencyId: string;
  name: string;
  role: ConflictRole;
};

/** One conflict: which affiliation names which agency of the hearing, and in which role. */
export type PanelConflict = {
  agencyId: string;
  agencyName: string;
  role: ConflictRole;
  organisation: string;
  relation: string;
};

/**
 * Every conflict of a panelist with a hearing, one per (affiliation, agency, role), in the order
 * of the affiliations and then respondent before participant. Empty: no conflict.
 */
export function findPanelConflicts(affiliations: readonly Affiliation[], agencies: readonly HearingAgency[]): PanelConflict[] {
  const conflicts: PanelConflict[] = [];
  const seen = new Set<string>();
  for (const a of affiliations) {
    if (!a.agencyId) continue;
    for (const role of CONFLICT_ROLES) {
      for (const agency of agencies) {
        if (agency.role !== role || agency.agencyId !== a.agencyId) continue;
        const key = `${a.agencyId}|${a.organisation}|${a.relation}|${role}`;
        if (seen.has(key)) continue;
        seen.add(key);
        conflicts.push({ agencyId: agency.agencyId, agencyName: agency.name, role, organisation: a.organisation, relation: a.relation });
      }
    }
  }
  return conflicts;
}
