import { beforeAll, describe, expect, test } from "vitest";
import { createProcuratorate, createUser, request, TEST_PASSWORD, callAction, cookiePair } from "#tests/factories";
import type { Role } from "~/domain/auth/roles";
import { HOME_BY_ROLE, ROLES } from "~/domain/auth/roles";
import { action as loginAction } from "~/routes/login";
import { prisma } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";

// The sign-in action, called as Remix calls it, on a real copy of the database.

let procuratorateId: string;
const users = {} as Record<Role, { id: string; username: string }>;

beforeAll(async () => {
  procuratorateId = (await createProcuratorate()).id;
  for (const role of ROLES) users[role] = await createUser({ role, procuratorateId });
});

const login = (form: Record<string, string>, headers: Record<string, string> = {}, clientIp?: string) =>
  callAction(loginAction, request("/login", { form, headers }), {}, { clientIp });

const attempts = (username: string) => prisma.loginAttempt.findMany({ where: { username }, orderBy: { id: "asc" } });
const sessions = (userId: string) => prisma.session.count({ where: { userId } });

describe("POST /login", () => {
  test.each(ROLES)("a %s with the right password lands on their home, with a session cookie", async (role) => {
    const user = users[role];
    const before = await sessions(user.id);
    const result = await login({ username: user.username, password: TEST_PASSWORD });
    expect(result.status).toBe(302);
    if (result.kind === "error") throw result.error;
    expect(result.location).toBe(HOME_BY_ROLE[role]);

    const setCookie = result.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^procura_session=/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\//i);
    expect(setCookie).not.toMatch(/;\s*Secure/i); // plain http outside production
    expect(await sessions(user.id)).toBe(before + 1);

    // The cookie opens the stored session.
    const found = await getSessionUser(request("/", { cookie: cookiePair(setCookie) }));
    expect(found?.user.id).toBe(user.id);

    const last = (await attempts(user.username)).at(-1);
    expect(last).toMatchObject({ success: true });
    const fresh = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(fresh.lastLoginAt).not.toBeNull();
  });

  test("the session id is not the cookie value in clear and not guessable from the user", async () => {
    const result = await login({ username: users.prosecutor.username, password: TEST_PASSWORD });
    if (result.kind === "error") throw result.error;
    const value = cookiePair(result.headers.get("Set-Cookie")!).split("=").slice(1).join("=");
    const latest = await prisma.session.findFirstOrThrow({ where: { userId: users.prosecutor.id }, orderBy: { createdAt: "desc" } });
    expect(latest.id).toMatch(/^[\w-]{40,}$/); // 32 random bytes, base64url
    expect(decodeURIComponent(value)).not.toBe(latest.id); // signed, not the bare id
  });

  test("a safe redirectTo is followed; an off-site one falls back to home", async () => {
    const ok = await login({ username: users.prosecutor.username, password: TEST_PASSWORD, redirectTo: "/clues?page=2" });
    expect(ok.kind !== "error" && ok.location).toBe("/clues?page=2");
    const evil = await login({ username: users.prosecutor.username, password: TEST_PASSWORD, redirectTo: "//evil.example/x" });
    expect(evil.kind !== "error" && evil.location).toBe(HOME_BY_ROLE.prosecutor);
  });

  test("a wrong password answers 401, records the attempt and creates no session", async () => {
    const user = await createUser({ role: "prosecutor", procuratorateId });
    const result = await login({ username: user.username, password: "not-the-password" });
    expect(result.status).toBe(401);
    if (result.kind !== "data") throw new Error("expected data()");
    expect(JSON.stringify(result.data)).toContain("用户名或密码不正确");
    expect(JSON.stringify(result.data)).not.toContain("not-the-password");
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect(await attempts(user.username)).toMatchObject([{ username: user.username, success: false }]);
    expect(await sessions(user.id)).toBe(0);
  });

  test("an unknown username answers exactly like a wrong password", async () => {
    const result = await login({ username: "nobody-here", password: "whatever-123" });
    expect(result.status).toBe(401);
    expect(await attempts("nobody-here")).toMatchObject([{ success: false }]);
  });

  test("the message follows the locale cookie", async () => {
    const result = await login({ username: "nobody-en", password: "x" }, { Cookie: "procura_locale=en" });
    expect(result.status).toBe(401);
    expect(result.kind === "data" && JSON.stringify(result.data)).toContain("The username or password is not correct");
  });

  test("an inactive account cannot sign in, even with the right password", async () => {
    const user = await createUser({ role: "prosecutor", procuratorateId, active: false });
    const result = await login({ username: user.username, password: TEST_PASSWORD });
    expect(result.status).toBe(401);
    expect(await sessions(user.id)).toBe(0);
  });

  test("after 5 failures from one address the right password from that address answers 429 too", async () => {
    const user = await createUser({ role: "prosecutor", procuratorateId });
    for (let i = 0; i < 5; i++) {
      expect((await login({ username: user.username, password: `wrong-${i}` })).status).toBe(401);
    }
    const result = await login({ username: user.username, password: TEST_PASSWORD });
    expect(result.status).toBe(429);
    expect(result.kind === "data" && JSON.stringify(result.data)).toMatch(/15 分钟/);
    expect(await sessions(user.id)).toBe(0);
    // The refused attempt during the lockout is not recorded (it must not extend the lockout).
    expect((await attempts(user.username)).map((a) => a.success)).toEqual([false, false, false, false, false]);

    // Another user is not affected.
    const other = await createUser({ role: "prosecutor", procuratorateId });
    expect((await login({ username: other.username, password: TEST_PASSWORD })).status).toBe(302);
  });

  test("5 failures from address A lock only A: the right password from address B still signs in", async () => {
    const user = await createUser({ role: "approver", procuratorateId });
    const a = "192.0.2.10";
    const b = "192.0.2.11";
    for (let i = 0; i < 5; i++) {
      expect((await login({ username: user.username, password: `wrong-${i}` }, {}, a)).status).toBe(401);
    }
    const fromB = await login({ username: user.username, password: TEST_PASSWORD }, {}, b);
    expect(fromB.status).toBe(302);
    expect(await sessions(user.id)).toBe(1);
    const fromA = await login({ username: user.username, password: TEST_PASSWORD }, {}, a);
    expect(fromA.status).toBe(429);
    expect(await sessions(user.id)).toBe(1);
  });

  test("failures spread over many addresses never refuse the right password (only slow it down)", async () => {
    const user = await createUser({ role: "approver", procuratorateId });
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({ username: user.username, ip: `198.18.0.${i}`, success: false })),
    });
    const started = Date.now();
    const result = await login({ username: user.username, password: TEST_PASSWORD }, {}, "198.18.1.1");
    expect(result.status).toBe(302);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900); // the bounded 2 s delay
  });

  test("30 concurrent wrong passwords: at most 5 are checked, the rest are throttled", async () => {
    const user = await createUser({ role: "prosecutor", procuratorateId });
    const ip = "192.0.2.30";
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login({ username: user.username, password: `wrong-${i}` }, {}, ip)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    expect(await attempts(user.username)).toHaveLength(5);
  });

  test("4 failures still let the right password in", async () => {
    const user = await createUser({ role: "prosecutor", procuratorateId });
    for (let i = 0; i < 4; i++) await login({ username: user.username, password: `wrong-${i}` });
    expect((await login({ username: user.username, password: TEST_PASSWORD })).status).toBe(302);
  });

  test("failures older than the window do not count", async () => {
    const user = await createUser({ role: "prosecutor", procuratorateId });
    const old = new Date(Date.now() - 16 * 60_000);
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: 6 }, () => ({ username: user.username, ip: null, success: false, createdAt: old })),
    });
    expect((await login({ username: user.username, password: TEST_PASSWORD })).status).toBe(302);
  });

  test("20 failures from one address throttle every username from it", async () => {
    const ip = "203.0.113.7";
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({ username: `someone-${i}`, ip, success: false })),
    });
    const user = await createUser({ role: "prosecutor", procuratorateId });
    const fromThere = await login({ username: user.username, password: TEST_PASSWORD }, {}, ip);
    expect(fromThere.status).toBe(429);
    const elsewhere = await login({ username: user.username, password: TEST_PASSWORD }, {}, "198.51.100.1");
    expect(elsewhere.status).toBe(302);
  });

  test("a client cannot choose its address with X-Forwarded-For (the server decides, scripts/serve.mjs)", async () => {
    const ip = "203.0.113.8";
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({ username: `spray-${i}`, ip, success: false })),
    });
    const user = await createUser({ role: "prosecutor", procuratorateId });
    const spoofed = await login({ username: user.username, password: "wrong" }, { "X-Forwarded-For": "198.51.100.9" }, ip);
    expect(spoofed.status).toBe(429);
    expect(await prisma.loginAttempt.count({ where: { ip: "198.51.100.9" } })).toBe(0);
  });

  test("attempts during a lockout are not recorded, so they do not extend it", async () => {
    const user = await createUser({ role: "prosecutor", procuratorateId });
    for (let i = 0; i < 5; i++) await login({ username: user.username, password: `wrong-${i}` });
    const recorded = (await attempts(user.username)).length;
    for (let i = 0; i < 3; i++) expect((await login({ username: user.username, password: TEST_PASSWORD })).status).toBe(429);
    expect((await attempts(user.username)).length).toBe(recorded);
  });

  test.each([
    ["JSON", "application/json", JSON.stringify({ username: "prosecutor", password: "procura-demo" }), 400],
    ["plain text", "text/plain", "username=prosecutor", 400],
    ["a broken multipart body", "multipart/form-data; boundary=x", "--x\r\nbroken", 400],
  ] as const)("a body in %s is refused with 400, not 500", async (_label, type, body, status) => {
    const req = new Request("http://localhost/login", { method: "POST", headers: { "Content-Type": type, Origin: "http://localhost" }, body });
    expect((await callAction(loginAction, req)).status).toBe(status);
  });

  test("a form body over the size cap answers 413 before it is read", async () => {
    const req = new Request("http://localhost/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
      body: `username=prosecutor&password=${"p".repeat(300 * 1024)}`,
    });
    expect((await callAction(loginAction, req)).status).toBe(413);
  });

  test.each([
    ["an empty form", {}],
    ["no password", { username: "prosecutor" }],
    ["no username", { password: "procura-demo" }],
    ["a blank username", { username: "   ", password: "procura-demo" }],
    ["a username over 64 characters", { username: "x".repeat(65), password: "procura-demo" }],
    ["a password over 256 characters", { username: "prosecutor", password: "p".repeat(257) }],
  ])("%s answers 400 and writes nothing", async (_label, form: Record<string, string>) => {
    const [attemptsBefore, sessionsBefore, auditBefore] = await Promise.all([
      prisma.loginAttempt.count(),
      prisma.session.count(),
      prisma.auditEvent.count(),
    ]);
    const result = await login(form);
    expect(result.status).toBe(400);
    if (result.kind !== "data") throw new Error("expected data()");
    expect(result.headers.get("Set-Cookie")).toBeNull();
    expect(JSON.stringify(result.data)).not.toContain("procura-demo"); // the password is not echoed
    expect(await prisma.loginAttempt.count()).toBe(attemptsBefore);
    expect(await prisma.session.count()).toBe(sessionsBefore);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
  });
});
