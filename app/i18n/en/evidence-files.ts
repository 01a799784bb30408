import type { evidenceFiles as zh } from "~/i18n/zh-CN/evidence-files";

// Evidence files: the integrity check of an item's files ("verify") and of the whole store
// (npm run evidence:verify, shown on the admin overview).
export const evidenceFiles = {
  "evidenceFiles.verify.button": "Verify files",
  "evidenceFiles.verify.running": "Verifying…",
  "evidenceFiles.verify.hint": "Re-computes the SHA-256 of each of this item's files, compares it with the value recorded at upload, and records it in the chain of custody.",
  "evidenceFiles.verify.none": "This item has no files to verify.",
  "evidenceFiles.verify.allOk": "All {count} files match their recorded SHA-256.",
  "evidenceFiles.verify.problems": "Problems found: {mismatched} files differ from what was recorded, {missing} files are missing.",
  "evidenceFiles.verify.check.ok": "Intact",
  "evidenceFiles.verify.check.mismatch": "Content differs",
  "evidenceFiles.verify.check.missing": "File missing",
  "evidenceFiles.store.title": "Evidence file integrity",
  "evidenceFiles.store.never": "The store has never been verified. Run npm run evidence:verify on the server.",
  "evidenceFiles.store.lastRun": "Last full verification",
  "evidenceFiles.store.files": "Files checked",
  "evidenceFiles.store.bytes": "Data read",
  "evidenceFiles.store.problems": "Problems",
  "evidenceFiles.store.problemCounts": "mismatched {mismatched} · missing {missing} · orphans {orphans} ({removed} removed)",
  "evidenceFiles.store.ok": "All intact",
  "evidenceFiles.store.failed": "Problems",
} as const satisfies Record<keyof typeof zh, string>;
