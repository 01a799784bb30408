import type { Actor, Role, Scope } from "~/domain/auth/roles";
import { forbidden } from "~/utils/errors";

/**
 * The permission policy: which role may do what. Pure data and one function, so it is tested
 * over every (role, permission) pair and read by the server helper `requirePermission`.
 * Record-level limits (own procuratorate, own hearing, own agency) are enforced by scoping every
 * query (app/models), which is why an out-of-scope record answers 404, not 403.
 */
export const POLICY = {
  // staff area
  "staff:area": ["prosecutor", "approver", "admin"],
  "case:read": ["prosecutor", "approver"],
  "case:write": ["prosecutor"],
  "clue:read": ["prosecutor", "approver"],
  "clue:write": ["prosecutor"],
  // Showing a clue informant's identity, audited (个人信息保护法 Art 34); also limited to the clue's
  // registrar and assignee (app/domain/privacy/mask.ts).
  "clue:informant": ["prosecutor"],
  "series:read": ["prosecutor", "approver"],
  // An agency's page for staff (/agencies/:agencyId, issue 11 §6): its cases, recommendations,
  // replies and honest rates; scoped to the procuratorate's agencies by the model.
  "agency:read": ["prosecutor", "approver"],
  "hearing:read": ["prosecutor", "approver"],
  "hearing:manage": ["prosecutor"],
  // A private calendar feed (.ics) of one's own hearings (and, for staff, deadlines), behind a
  // secret renewable token (issue 9 item 8): staff who take part in hearings, and panelists.
  "calendar:feed": ["prosecutor", "approver", "panelist"],
  "deadline:read": ["prosecutor", "approver"],
  "work:read": ["prosecutor"], // "my work": the prosecutor's own due items and requests
  "approval:read": ["prosecutor", "approver"], // prosecutors see the requests they made
  "approval:queue": ["approver"], // the whole queue of the procuratorate, and its pending count
  "approval:decide": ["approver"], // 部门负责人 / 检察长 (规则 Arts 5, 7)
  "invitation:create": ["prosecutor", "admin"], // DESIGN.md: a prosecutor or administrator invites
  // One stored evidence file (GET /evidence/files/:fileId): staff who read cases, and panelists
  // (only files of items disclosed to a hearing they sit on: app/models/evidence-file.server.ts).
  // Everyone else gets 404 from that route, never 403.
  "evidence:file": ["prosecutor", "approver", "panelist"],
  // Re-hashing an item's files on demand ("verify"), which records custody events: the case team.
  "evidence:verify": ["prosecutor"],
  // Recording a physical custody step of an item (received, stored, transferred, returned) on its
  // page: the case team, who hold the item; scoped to the procuratorate's cases by the model.
  "evidence:custody": ["prosecutor"],
  // Generated documents (issue 10): previewing a document from current data (no number is taken)
  // and verifying an issued one by regenerating it: staff who read cases; issuing one (it takes a
  // 文号 and is recorded) and starting a series batch: the case team.
  "document:preview": ["prosecutor", "approver"],
  "document:issue": ["prosecutor"],
  // Downloading a generated document (GET /documents/:documentId): staff of its procuratorate who
  // may read its case, hearing or clue, and the agency liaison only for documents marked
  // agencyVisible for their agency (app/models/document.server.ts). Everyone else gets 404.
  "document:download": ["prosecutor", "approver", "agency"],
  // Recording the service (送达) of an approved recommendation on the case's service tab (规则 Art 76).
  "service:record": ["prosecutor"],
  // One reply attachment (GET /reply-files/:attachmentId): staff who read cases and the liaison of
  // the reply's agency (app/models/reply.server.ts); everyone else 404.
  "reply:file": ["prosecutor", "approver", "agency"],
  // admin area
  "admin:read": ["admin"],
  "admin:manage": ["admin"],
  // portals
  "panel:use": ["panelist"],
  "agency:use": ["agency"],
  // Answering a recommendation served on one's agency: the reply form, its drafts and evidence.
  "agency:reply": ["agency"],
  // One's own in-app notifications (issue 11 §7): the top bar's unread count and the list with
  // mark-as-read, at /notifications (staff) and /agency/notifications (liaisons). Rows are the
  // reader's own (app/models/notification.server.ts).
  "notification:use": ["prosecutor", "approver", "agency"],
  // every signed-in user
  "account:use": ["prosecutor", "approver", "admin", "panelist", "agency"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return (POLICY[permission] as readonly Role[]).includes(actor.role);
}

/** The permissions of a role, for navigation and tests. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => (POLICY[p] as readonly Role[]).includes(role));
}

/** The scope of a staff member, of a panelist (their hearings), of an agency liaison (their agency). */
export type StaffScope = Extract<Scope, { kind: "procuratorate" }>;
export type PanelistScope = { procuratorateId: string; panelistId: string };
export type AgencyScope = { procuratorateId: string; agencyId: string };

/**
 * Narrows a scope to the staff area's procuratorate; any other scope answers 403. With
 * agencyScope and panelistScope, the one way a route checks which area its actor belongs to
 * (after requirePermission), instead of comparing scope.kind by hand.
 */
export function staffScope(scope: Scope): string {
  if (scope.kind !== "procuratorate") forbidden();
  return scope.procuratorateId;
}

/** Narrows a scope to an agency liaison's agency (agency portal); any other scope answers 403. */
export function agencyScope(scope: Scope): AgencyScope {
  if (scope.kind !== "agency") forbidden();
  return { procuratorateId: scope.procuratorateId, agencyId: scope.agencyId };
}

/** Narrows a scope to a panelist's seat holder (panel portal); any other scope answers 403. */
export function panelistScope(scope: Scope): PanelistScope {
  if (scope.kind !== "panelist") forbidden();
  return { procuratorateId: scope.procuratorateId, panelistId: scope.panelistId };
}
