import type { Who } from "#tests/authz/types";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";

/** The seeded demo accounts (prisma/seed.ts), by the role the authorization matrix calls them. */
export const DEMO_USERNAMES: Record<Exclude<Who, "anonymous">, string> = {
  prosecutor: "prosecutor",
  approver: "chief",
  admin: "admin",
  panelist: "panelist",
  agency: "agency",
};
export const DEMO_PASSWORD = "procura-demo";

/** "name=value" of a Set-Cookie header, usable as a Cookie request header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!.trim();
}

/**
 * Signs a user in without the login form: stores a Session row and returns the Cookie header
 * value the app would have set (through the app's own createSession, so the signing matches).
 */
export async function cookieFor(username: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true } });
  if (!user) throw new Error(`cookieFor: no user "${username}" (is the demo seed loaded?)`);
  return cookieForUserId(user.id);
}

export async function cookieForUserId(userId: string): Promise<string> {
  const setCookie = await createSession(userId, new Request("http://localhost/", { headers: { "User-Agent": "vitest" } }));
  return cookiePair(setCookie);
}

/** A fresh session for a matrix role; null for anonymous. */
export async function cookieForWho(who: Who): Promise<string | null> {
  return who === "anonymous" ? null : cookieFor(DEMO_USERNAMES[who]);
}
