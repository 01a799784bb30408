import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { createCookie } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one working day; renewed while in use
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  const env = getEnv();
  return (cookie ??= createCookie("procura_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    secrets: [env.sessionSecret],
  }));
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * Creates a stored session and returns the Set-Cookie header that carries its id. A session the
 * browser already held is revoked, so signing in always starts a fresh one.
 */
export async function createSession(userId: string, request: Request, context?: AppLoadContext): Promise<string> {
  const previous = await readSessionId(request);
  if (previous) {
    await prisma.session.updateMany({ where: { id: previous, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await prisma.session.create({
    data: {
      id,
      userId,
      expiresAt,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
      ip: clientIp(context),
    },
  });
  return sessionCookie().serialize(id, { expires: expiresAt });
}

/** The live session with its user, renewing its expiry at most every few minutes. */
export async function getSessionUser(request: Request) {
  const id = await readSessionId(request);
  if (!id) return null;
  const session = await prisma.session.findUnique({ where: { id }, include: { user: true } });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now || !session.user.active) {
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.update({
      where: { id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_TTL_MS) },
    });
  }
  return { sessionId: session.id, user: session.user };
}

/** Revokes the stored session and returns the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) {
    await prisma.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return sessionCookie().serialize("", { expires: new Date(0), maxAge: 0 });
}

/**
 * The client's address, as the server (scripts/serve.mjs) saw it: the socket's, or the proxy's
 * X-Forwarded-For only when TRUST_PROXY says which proxies to trust. Never read from a header here,
 * since any client can send one.
 */
export function clientIp(context: AppLoadContext | undefined): string | null {
  const ip = context?.clientIp;
  return typeof ip === "string" && ip.length > 0 ? ip : null;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string | null;
  }
}
