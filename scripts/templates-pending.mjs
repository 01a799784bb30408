// The quick check scripts/prepare-db.mjs runs on every start (plain Node, no app code loaded):
// must the packaged templates be registered? Yes when a packaged file is not the ACTIVE version of
// a shared template (new, changed, or equal to an older version after a rolled-back deploy, which
// registration makes active again), or when its stored copy is gone from the file store.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * @param {{ templatesDir: string; dbFile: string; filesDir: string }} where
 * @returns {boolean}
 */
export function templatesToRegister({ templatesDir, dbFile, filesDir }) {
  if (!fs.existsSync(path.join(templatesDir, "manifest.json"))) return false;
  const files = fs.readdirSync(templatesDir).filter((f) => f.endsWith(".docx"));
  if (files.length === 0) return false;
  const check = new Database(dbFile, { readonly: true });
  try {
    const active = check.prepare(
      'SELECT 1 FROM "DocumentTemplateVersion" v JOIN "DocumentTemplate" t ON t."id" = v."templateId" AND v."version" = t."activeVersion" WHERE t."procuratorateId" IS NULL AND v."sha256" = ? LIMIT 1',
    );
    return files.some((f) => {
      const sha256 = createHash("sha256").update(fs.readFileSync(path.join(templatesDir, f))).digest("hex");
      return !active.get(sha256) || !fs.existsSync(path.join(filesDir, sha256.slice(0, 2), sha256));
    });
  } finally {
    check.close();
  }
}
