import { beforeAll, describe, expect, test } from "vitest";
import { callAction, callLoader, cookieForUserId, cookiePair, createProcuratorate, createUser, request, TEST_PASSWORD } from "#tests/factories";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction, loader as logoutLoader } from "~/routes/logout";
import { getActor, requirePermission, staffScope } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { getSessionUser, SESSION_TTL_MS } from "~/utils/session.server";

let procuratorateId: string;
let prosecutor: { id: string; username: string };

beforeAll(async () => {
  procuratorateId = (await createProcuratorate()).id;
  prosecutor = await createUser({ role: "prosecutor", procuratorateId });
});

const at = (cookie: string | null, path = "/cases") => request(path, { cookie });

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run();
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response");
}

describe("session lookup", () => {
  test("a fresh session cookie finds its user", async () => {
    const cookie = await cookieForUserId(prosecutor.id);
    const found = await getSessionUser(at(cookie));
    expect(found?.user.username).toBe(prosecutor.username);
  });

  test("no cookie, an unknown id, or a forged signature find nobody", async () => {
    expect(await getSessionUser(at(null))).toBeNull();
    expect(await getSessionUser(at("procura_session=abc"))).toBeNull();
    const cookie = await cookieForUserId(prosecutor.id);
    const [name, value] = cookie.split("=", 2) as [string, string];
    const forged = `${name}=${value.slice(0, -3)}${value.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect(await getSessionUser(at(forged))).toBeNull();
  });

  test("an expired or revoked session finds nobody", async () => {
    const expired = await cookieForUserId(prosecutor.id);
    const revoked = await cookieForUserId(prosecutor.id);
    const idOf = async (cookie: string) => (await getSessionUser(at(cookie)))!.sessionId;
    await prisma.session.update({ where: { id: await idOf(expired) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await prisma.session.update({ where: { id: await idOf(revoked) }, data: { revokedAt: new Date() } });
    expect(await getSessionUser(at(expired))).toBeNull();
    expect(await getSessionUser(at(revoked))).toBeNull();
  });

  test("a deactivated user's sessions stop working", async () => {
    const user = await createUser({ role: "prosecutor", procuratorateId });
    const cookie = await cookieForUserId(user.id);
    expect(await getSessionUser(at(cookie))).not.toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await getSessionUser(at(cookie))).toBeNull();
  });

  test("a session in use is renewed, at most every few minutes", async () => {
    const cookie = await cookieForUserId(prosecutor.id);
    const { sessionId } = (await getSessionUser(at(cookie)))!;
    const stale = new Date(Date.now() - 10 * 60_000);
    await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: stale, expiresAt: new Date(Date.now() + 60_000) } });
    await getSessionUser(at(cookie));
    const renewed = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(renewed.lastSeenAt.getTime()).toBeGreaterThan(stale.getTime());
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_TTL_MS - 60_000);
  });
});

describe("requirePermission", () => {
  test("anonymous: redirect to /login with the way back", async () => {
    const response = await thrown(() => requirePermission(at(null, "/cases?page=2"), "case:read"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/cases?page=2")}`);
  });

  test("signed in without the permission: 403", async () => {
    const panelist = await createUser({ role: "panelist", procuratorateId });
    const response = await thrown(async () => requirePermission(at(await cookieForUserId(panelist.id)), "case:read"));
    expect(response.status).toBe(403);
  });

  test("an external account without its link: 403", async () => {
    const panelist = await createUser({ role: "panelist", procuratorateId });
    await prisma.user.update({ where: { id: panelist.id }, data: { panelistId: null } });
    const response = await thrown(async () => requirePermission(at(await cookieForUserId(panelist.id)), "panel:use"));
    expect(response.status).toBe(403);
  });

  test("allowed: the actor and the scope", async () => {
    const { actor, scope } = await requirePermission(at(await cookieForUserId(prosecutor.id)), "case:read");
    expect(actor).toMatchObject({ userId: prosecutor.id, role: "prosecutor", procuratorateId });
    expect(scope).toEqual({ kind: "procuratorate", procuratorateId });
    expect(staffScope(scope)).toBe(procuratorateId);
  });

  test("staffScope refuses a portal scope", async () => {
    const agency = await createUser({ role: "agency", procuratorateId });
    const { scope } = await requirePermission(at(await cookieForUserId(agency.id)), "agency:use");
    expect((await thrown(async () => staffScope(scope))).status).toBe(403);
  });

  test("a user whose stored role is unknown is treated as signed out", async () => {
    const odd = await createUser({ role: "prosecutor", procuratorateId });
    await prisma.user.update({ where: { id: odd.id }, data: { role: "superuser" } });
    expect(await getActor(at(await cookieForUserId(odd.id)))).toBeNull();
  });
});

describe("logout", () => {
  test("revokes the stored session, clears the cookie, and the old cookie no longer works", async () => {
    const signedIn = await callAction(loginAction, request("/login", { form: { username: prosecutor.username, password: TEST_PASSWORD } }));
    if (signedIn.kind === "error") throw signedIn.error;
    const cookie = cookiePair(signedIn.headers.get("Set-Cookie")!);
    const { sessionId } = (await getSessionUser(at(cookie)))!;

    const result = await callAction(logoutAction, request("/logout", { method: "POST", cookie }));
    if (result.kind === "error") throw result.error;
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login");
    const cleared = result.headers.get("Set-Cookie") ?? "";
    expect(cleared).toMatch(/^procura_session=;/);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

    const row = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.revokedAt).not.toBeNull();
    expect(await getSessionUser(at(cookie))).toBeNull();
    const again = await thrown(() => requirePermission(at(cookie), "case:read"));
    expect(again.headers.get("Location")).toMatch(/^\/login/);
  });

  test("GET /logout signs nobody out", async () => {
    const cookie = await cookieForUserId(prosecutor.id);
    const result = await callLoader(logoutLoader, at(cookie, "/logout"));
    expect(result.kind !== "error" && result.location).toBe("/");
    expect(await getSessionUser(at(cookie))).not.toBeNull();
  });

  test("logging out one session leaves the user's other sessions alone", async () => {
    const a = await cookieForUserId(prosecutor.id);
    const b = await cookieForUserId(prosecutor.id);
    await callAction(logoutAction, request("/logout", { method: "POST", cookie: a }));
    expect(await getSessionUser(at(a))).toBeNull();
    expect(await getSessionUser(at(b))).not.toBeNull();
  });

  test("anonymous POST /logout just goes to /login", async () => {
    const result = await callAction(logoutAction, request("/logout", { method: "POST" }));
    expect(result.kind !== "error" && result.location).toBe("/login");
  });
});
