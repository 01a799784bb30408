import { redirect } from "@remix-run/node";
import type { Permission } from "~/domain/auth/policy";
import { can, staffScope } from "~/domain/auth/policy";
import type { Actor, Role, Scope } from "~/domain/auth/roles";
import { roleSchema, scopeOf } from "~/domain/auth/roles";
import { forbidden, notFound } from "~/utils/errors";
import { getSessionUser } from "~/utils/session.server";

export type Authorized = { actor: Actor & { sessionId: string; locale: string | null }; scope: Scope };

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/** The signed-in actor, or null. For pages that also serve anonymous visitors (login, public). */
export async function getActor(request: Request): Promise<Authorized["actor"] | null> {
  const found = await getSessionUser(request);
  if (!found) return null;
  const { user, sessionId } = found;
  const role = roleSchema.safeParse(user.role);
  if (!role.success) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: role.data satisfies Role,
    procuratorateId: user.procuratorateId,
    agencyId: user.agencyId,
    panelistId: user.panelistId,
    sessionId,
    locale: user.locale,
  };
}

/**
 * The first line of every loader and action outside the public pages: returns the actor and the
 * scope every query must filter by. Not signed in: redirect to /login (401 for the user); signed
 * in without the permission: 403.
 */
export async function requirePermission(request: Request, permission: Permission): Promise<Authorized> {
  const actor = await getActor(request);
  if (!actor) loginRedirect(request);
  if (!can(actor, permission)) forbidden();
  const scope = scopeOf(actor);
  if (!scope) forbidden();
  return { actor, scope };
}

/** The scope narrowers live with the policy (app/domain/auth/policy.ts); re-exported for routes. */
export { agencyScope, panelistScope, staffScope } from "~/domain/auth/policy";

/**
 * The first line of a case page's loader or action (/cases/$caseId/…): the permission, the
 * staff scope and the case id. The case itself is then read scoped to `procuratorateId`, so
 * another procuratorate's case answers 404.
 */
export async function requireCaseRoute(
  request: Request,
  params: { caseId?: string },
  permission: Permission
): Promise<Authorized & { procuratorateId: string; caseId: string }> {
  const auth = await requirePermission(request, permission);
  const procuratorateId = staffScope(auth.scope);
  const caseId = params.caseId;
  if (!caseId) notFound();
  return { ...auth, procuratorateId, caseId };
}
