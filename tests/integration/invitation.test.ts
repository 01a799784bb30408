import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import {
  callAction,
  callLoader,
  cookieForUserId,
  cookiePair,
  createProcuratorate,
  createUser,
  request,
} from "#tests/factories";
import { createInvitation, hashInvitationToken } from "~/models/invitation.server";
import { action as usersAction } from "~/routes/_staff.admin.users";
import { action as invitationsAction, loader as invitationsLoader } from "~/routes/_staff.invitations";
import { action as acceptAction, loader as acceptLoader } from "~/routes/invite.$token";
import { action as loginAction } from "~/routes/login";
import { prisma } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";

// The invitation flow end to end, through the route modules, on a copy of the seeded database.

let procuratorateId: string;
let otherProcuratorateId: string;
let admin: { id: string; username: string };
let prosecutor: { id: string; username: string };
let adminCookie: string;
let prosecutorCookie: string;

beforeAll(async () => {
  procuratorateId = (await createProcuratorate({ shortName: "邀" })).id;
  otherProcuratorateId = (await createProcuratorate()).id;
  admin = await createUser({ role: "admin", procuratorateId });
  prosecutor = await createUser({ role: "prosecutor", procuratorateId });
  adminCookie = await cookieForUserId(admin.id);
  prosecutorCookie = await cookieForUserId(prosecutor.id);
});

const newPanelist = (name: string, pid = procuratorateId) =>
  prisma.panelist.create({ data: { procuratorateId: pid, name, category: "expert", birthOn: "1980-01-01" } });

type Created = { link: string; displayName: string; role: string; expiresAt: string };

function dataOf(result: RouteResult) {
  if (result.kind !== "data") throw new Error(`expected data, got ${result.kind} ${result.status}`);
  return result.data as { intent: string; created: Created | null; result: { error?: Record<string, string[]> } };
}

async function adminInvites(form: Record<string, string>, cookie = adminCookie) {
  return callAction(
    usersAction,
    request("http://procura.test/admin/users", { cookie, form: { intent: "invite", ...form } })
  );
}

function tokenOf(link: string): string {
  const match = /^http:\/\/procura\.test\/invite\/([\w-]{43})$/.exec(link);
  if (!match?.[1]) throw new Error(`unexpected link ${link}`);
  return match[1];
}

const accept = (token: string, form: Record<string, string>) =>
  callAction(acceptAction, request(`/invite/${token}`, { form }), { token });
const open = (token: string) => callLoader(acceptLoader, request(`/invite/${token}`), { token });

describe("create → accept → sign in", () => {
  let token: string;
  let panelistId: string;

  test("an administrator creates a panelist invitation and sees the link once", async () => {
    panelistId = (await newPanelist("周八")).id;
    const result = await adminInvites({ role: "panelist", displayName: "周八", panelistId, expiresInDays: "5" });
    expect(result.status).toBe(200);
    const { created } = dataOf(result);
    expect(created).toMatchObject({ displayName: "周八", role: "panelist" });
    token = tokenOf(created!.link);

    // Only the hash is stored; the token appears nowhere in the row or the audit log.
    const row = await prisma.invitation.findFirstOrThrow({ where: { panelistId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "invitation.create", entityId: row.id },
    });
    expect(event.actorId).toBe(admin.id);
    expect(event.data ?? "").not.toContain(token);
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBe(5);
  });

  test("anyone with the link sees who invited them and for what", async () => {
    const result = await open(token);
    expect(result.status).toBe(200);
    const { invitation } = (result as { data: { invitation: Record<string, unknown> } }).data;
    expect(invitation).toMatchObject({
      role: "panelist",
      displayName: "周八",
      panelist: "周八",
      invitedBy: admin.username,
    });
  });

  test("setting a password creates the account, signs in and lands on /panel", async () => {
    const before = await prisma.user.count();
    const result = await accept(token, { username: "zhouba", password: "a-long-password", confirm: "a-long-password" });
    expect(result.status).toBe(302);
    expect(result.kind !== "error" && result.location).toBe("/panel");
    expect(await prisma.user.count()).toBe(before + 1);

    const user = await prisma.user.findUniqueOrThrow({ where: { username: "zhouba" } });
    expect(user).toMatchObject({
      role: "panelist",
      procuratorateId,
      panelistId,
      agencyId: null,
      displayName: "周八",
      active: true,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const setCookie = result.kind !== "error" ? result.headers.get("Set-Cookie") ?? "" : "";
    const session = await getSessionUser(request("/", { cookie: cookiePair(setCookie) }));
    expect(session?.user.id).toBe(user.id);

    const invitation = await prisma.invitation.findFirstOrThrow({ where: { panelistId } });
    expect(invitation.usedAt).not.toBeNull();
    expect(invitation.usedById).toBe(user.id);
    const actions = (await prisma.auditEvent.findMany({ where: { actorId: user.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.create", "invitation.accept"]));
  });

  test("the new account signs in with its password", async () => {
    const result = await callAction(
      loginAction,
      request("/login", { form: { username: "zhouba", password: "a-long-password" } })
    );
    expect(result.status).toBe(302);
    expect(result.kind !== "error" && result.location).toBe("/panel");
  });

  test("the link cannot be used again: 404 to open and to post", async () => {
    expect((await open(token)).status).toBe(404);
    const again = await accept(token, { username: "zhouba2", password: "a-long-password", confirm: "a-long-password" });
    expect(again.status).toBe(404);
    expect(await prisma.user.findUnique({ where: { username: "zhouba2" } })).toBeNull();
  });

  test("the pool entry now has an account and cannot be invited again", async () => {
    const result = await adminInvites({ role: "panelist", displayName: "周八", panelistId });
    expect(result.status).toBe(400);
    expect(dataOf(result).result.error?.panelistId).toEqual(["admin.invite.panelistHasAccount"]);
  });
});

describe("links that do not work", () => {
  test("an expired link answers 404 and writes nothing", async () => {
    const longAgo = new Date(Date.now() - 10 * 86_400_000);
    const created = await createInvitation(
      procuratorateId,
      { userId: admin.id, role: "admin" },
      { role: "prosecutor", displayName: "过期", expiresInDays: 3 },
      longAgo
    );
    if (!created.ok) throw new Error("not created");
    expect((await open(created.token)).status).toBe(404);
    const before = await prisma.user.count();
    const result = await accept(created.token, {
      username: "expired1",
      password: "a-long-password",
      confirm: "a-long-password",
    });
    expect(result.status).toBe(404);
    expect(await prisma.user.count()).toBe(before);
  });

  test("an unknown token answers 404 with the one message", async () => {
    const result = await open("x".repeat(43));
    expect(result.status).toBe(404);
    expect(result.kind === "response" && (await result.body.text())).toBe("invite.invalid");
  });

  test("a revoked link answers 404", async () => {
    const result = await adminInvites({ role: "approver", displayName: "撤销" });
    const token = tokenOf(dataOf(result).created!.link);
    const row = await prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(token) } });
    const revoke = await callAction(
      usersAction,
      request("/admin/users", { cookie: adminCookie, form: { intent: "revoke", invitationId: row.id } })
    );
    expect(revoke.status).toBe(200);
    expect((await open(token)).status).toBe(404);
  });
});

describe("a second invitation for the same pool entry", () => {
  test("replaces the first: the old link stops working, the new one works", async () => {
    const panelist = await newPanelist("孙十一");
    const first = tokenOf(
      dataOf(await adminInvites({ role: "panelist", displayName: "孙十一", panelistId: panelist.id })).created!.link
    );
    const second = tokenOf(
      dataOf(await adminInvites({ role: "panelist", displayName: "孙十一", panelistId: panelist.id })).created!.link
    );
    expect((await open(first)).status).toBe(404);
    expect((await open(second)).status).toBe(200);
    const old = await prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(first) } });
    expect(old.revokedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "invitation.revoke", entityId: old.id } })).toBe(1);
  });
});

describe("invalid input on the acceptance form", () => {
  test("a taken username answers 400 on the username field and writes nothing", async () => {
    const result = await adminInvites({ role: "prosecutor", displayName: "重名" });
    const token = tokenOf(dataOf(result).created!.link);
    const users = await prisma.user.count();
    const events = await prisma.auditEvent.count();

    const taken = await accept(token, {
      username: admin.username,
      password: "a-long-password",
      confirm: "a-long-password",
    });
    expect(taken.status).toBe(400);
    const reply = (
      taken as { data: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } } }
    ).data.result;
    expect(reply.error?.username).toEqual(["invite.usernameTaken"]);
    expect(reply.initialValue?.password).toBeUndefined(); // passwords are not sent back

    expect(await prisma.user.count()).toBe(users);
    expect(await prisma.auditEvent.count()).toBe(events);
    const row = await prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(token) } });
    expect(row.usedAt).toBeNull();
    expect((await open(token)).status).toBe(200); // still usable
  });

  test("a short password or a mismatch answers 400", async () => {
    const result = await adminInvites({ role: "prosecutor", displayName: "短密码" });
    const token = tokenOf(dataOf(result).created!.link);
    const short = await accept(token, { username: "shortpw", password: "short", confirm: "short" });
    expect(short.status).toBe(400);
    const mismatch = await accept(token, {
      username: "shortpw",
      password: "a-long-password",
      confirm: "another-password",
    });
    expect(mismatch.status).toBe(400);
    expect(await prisma.user.findUnique({ where: { username: "shortpw" } })).toBeNull();
  });
});

describe("prosecutors' invitations", () => {
  test("a prosecutor invites an agency liaison, who lands on /agency", async () => {
    const agency = await prisma.agency.create({ data: { procuratorateId, name: "邀请测试县林业局" } });
    const result = await callAction(
      invitationsAction,
      request("http://procura.test/invitations", {
        cookie: prosecutorCookie,
        form: { intent: "invite", role: "agency", displayName: "林业局联络人", agencyId: agency.id },
      })
    );
    expect(result.status).toBe(200);
    const token = tokenOf(dataOf(result).created!.link);
    const accepted = await accept(token, {
      username: "linye",
      password: "a-long-password",
      confirm: "a-long-password",
    });
    expect(accepted.kind !== "error" && accepted.location).toBe("/agency");
    expect(await prisma.user.findUniqueOrThrow({ where: { username: "linye" } })).toMatchObject({
      role: "agency",
      agencyId: agency.id,
      panelistId: null,
    });
  });

  test("a prosecutor cannot invite staff roles (400, nothing written)", async () => {
    const before = await prisma.invitation.count();
    for (const role of ["prosecutor", "approver", "admin"]) {
      const result = await callAction(
        invitationsAction,
        request("/invitations", { cookie: prosecutorCookie, form: { intent: "invite", role, displayName: "越权" } })
      );
      expect(result.status).toBe(400);
    }
    expect(await prisma.invitation.count()).toBe(before);
  });

  test("an agency or pool entry of another procuratorate is refused", async () => {
    const foreign = await newPanelist("外院听证员", otherProcuratorateId);
    const result = await callAction(
      invitationsAction,
      request("/invitations", {
        cookie: prosecutorCookie,
        form: { intent: "invite", role: "panelist", displayName: "外院", panelistId: foreign.id },
      })
    );
    expect(result.status).toBe(400);
    expect(dataOf(result).result.error?.panelistId).toEqual(["admin.invite.panelistUnknown"]);
  });

  test("a prosecutor lists and revokes only their own invitations", async () => {
    const mine = await newPanelist("蒋九");
    await callAction(
      invitationsAction,
      request("/invitations", {
        cookie: prosecutorCookie,
        form: { intent: "invite", role: "panelist", displayName: "蒋九", panelistId: mine.id },
      })
    );
    const adminsInvite = await adminInvites({ role: "approver", displayName: "管理员发的" });
    const adminsRow = await prisma.invitation.findUniqueOrThrow({
      where: { tokenHash: hashInvitationToken(tokenOf(dataOf(adminsInvite).created!.link)) },
    });

    const page = await callLoader(invitationsLoader, request("/invitations", { cookie: prosecutorCookie }));
    const pending = (page as { data: { pending: { id: string; displayName: string }[] } }).data.pending;
    expect(pending.map((p) => p.displayName)).toContain("蒋九");
    expect(pending.map((p) => p.id)).not.toContain(adminsRow.id);

    const revokeOthers = await callAction(
      invitationsAction,
      request("/invitations", { cookie: prosecutorCookie, form: { intent: "revoke", invitationId: adminsRow.id } })
    );
    expect(revokeOthers.status).toBe(404);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: adminsRow.id } })).revokedAt).toBeNull();

    const own = pending.find((p) => p.displayName === "蒋九")!;
    const revokeOwn = await callAction(
      invitationsAction,
      request("/invitations", { cookie: prosecutorCookie, form: { intent: "revoke", invitationId: own.id } })
    );
    expect(revokeOwn.status).toBe(200);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: own.id } })).revokedAt).not.toBeNull();
  });
});
