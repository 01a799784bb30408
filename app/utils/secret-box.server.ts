import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "~/utils/env.server";

// Secrets the app must present to another server (the SMTP password), sealed at rest with
// AES-256-GCM under a key derived (HKDF-SHA256) from SETTINGS_KEY, or from the session secret
// when that is unset (docs/decisions/0023-sealed-settings-secrets.md). node:crypto only.
//
// Stored form: "v1:<iv>:<tag>:<ciphertext>", each part base64url: a 12-byte random IV, the
// 16-byte GCM tag, the ciphertext. The caller's context (the column and the row, e.g.
// "ReminderSettings.smtpPassword:<procuratorateId>") is the additional authenticated data, so a
// sealed value copied into another row does not open there.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** HKDF's salt and info: this key is for sealing settings, and no other use of the secret yields it. */
const HKDF_SALT = "procura/settings-secrets";
const HKDF_INFO = "procura/settings-secrets/aes-256-gcm/v1";

/** "v1:" and three base64url parts: what seal writes. Anything else is a clear value from before sealing. */
const SEALED = /^v1:([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;

/** The 32-byte key for key material (SETTINGS_KEY or the session secret). */
export function deriveSettingsKey(material: string): Buffer {
  if (!material) throw new Error("the settings key material is empty");
  return Buffer.from(hkdfSync("sha256", material, HKDF_SALT, HKDF_INFO, 32));
}

let cached: { material: string; key: Buffer } | undefined;

/** This installation's settings key (SETTINGS_KEY, or the session secret when unset). */
export function settingsKey(): Buffer {
  const material = getEnv().settingsKeyMaterial;
  if (!cached || cached.material !== material) cached = { material, key: deriveSettingsKey(material) };
  return cached.key;
}

/** Seals a secret for storage. */
export function sealSecret(plain: string, context: string, key: Buffer = settingsKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(":");
}

/**
 * What a stored value holds:
 * - sealed: opened with this key and context;
 * - legacy: a clear value stored before sealing (used as it is; the caller seals it on its next write);
 * - unreadable: sealed, but it does not open (the key changed, or the value was altered or moved).
 */
export type OpenedSecret = { status: "sealed"; value: string } | { status: "legacy"; value: string } | { status: "unreadable" };

export function openSecret(stored: string, context: string, key: Buffer = settingsKey()): OpenedSecret {
  const match = SEALED.exec(stored);
  if (!match) return isSealedLike(stored) ? { status: "unreadable" } : { status: "legacy", value: stored };
  const [, iv, tag, body] = match as unknown as [string, string, string, string];
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
    return { status: "sealed", value: plain.toString("utf8") };
  } catch {
    return { status: "unreadable" };
  }
}

/** True for a value written by seal (any version): never mistaken for a clear legacy value. */
export function isSealedLike(stored: string): boolean {
  return /^v\d+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*$/.test(stored);
}
