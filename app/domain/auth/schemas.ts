import { z } from "zod";

// Messages are i18n keys; the form shows them in the user's language.

export const loginSchema = z.object({
  username: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(64, "validation.tooLong"),
  password: z.string({ error: "validation.required" }).min(1, "validation.required").max(256, "validation.tooLong"),
  redirectTo: z.string().optional(),
});

export const PASSWORD_MIN = 10;

export const acceptInvitationSchema = z
  .object({
    username: z
      .string({ error: "validation.required" })
      .trim()
      .min(3, "validation.usernameFormat")
      .max(32, "validation.usernameFormat")
      .regex(/^[a-z0-9][a-z0-9._-]*$/i, "validation.usernameFormat"),
    password: z
      .string({ error: "validation.required" })
      .min(PASSWORD_MIN, "validation.passwordTooShort")
      .max(256, "validation.tooLong"),
    confirm: z.string({ error: "validation.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

/**
 * Only same-site paths may be redirect targets (no open redirect). Control characters and
 * backslashes are refused outright, because browsers drop tabs and newlines and read "\\" as "/"
 * while parsing ("/\t/evil" becomes "//evil"); what is left must resolve to this origin.
 */
export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://procura.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Dot segments can normalise into "//host" ("/.//evil" → "//evil"): check the result again.
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
