// `npm run evidence:verify [-- --clean-orphans] [--json]`
//
// Re-hashes every stored evidence file of the database and data folder that DATABASE_URL / DATA_DIR
// name, reports mismatched and missing files by case and item, and the orphans (blobs no row points
// to); --clean-orphans removes the orphans (never anything younger than an hour: an upload may be
// in flight). Records an EvidenceVerification row, which the admin overview shows.
// Exit code: 0 all files intact, 1 a file mismatched or missing, 2 the run failed.
import { verifyEvidenceStore, type VerificationReport } from "~/models/evidence-verify.server";
import { prisma } from "~/utils/db.server";

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

function formatReport(r: VerificationReport): string {
  const lines: string[] = [];
  const seconds = (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000;
  lines.push(`Evidence store verification, ${r.startedAt} (${seconds.toFixed(1)} s)`);
  lines.push(`  files checked: ${r.filesChecked}, ${mib(r.bytesChecked)} read`);
  lines.push(`  mismatched: ${r.mismatched}   missing: ${r.missing}   orphans: ${r.orphans.length}` +
    (r.orphans.some((o) => o.removed) ? ` (${r.orphans.filter((o) => o.removed).length} removed)` : ""));
  if (r.skippedRecent) lines.push(`  left alone (younger than an hour, may be an upload in progress): ${r.skippedRecent}`);
  for (const c of r.cases) {
    lines.push("");
    lines.push(`Case ${c.number ?? "(no number)"} ${c.title} [${c.caseId}]`);
    for (const item of c.items) {
      lines.push(`  Evidence ${item.ordinal}. ${item.title} [${item.evidenceId}]`);
      for (const f of item.files) {
        const what = f.check === "missing" ? "MISSING" : `MISMATCH (now ${f.actual})`;
        lines.push(`    ${what}: ${f.name} [${f.fileId}] recorded ${f.sha256}`);
      }
    }
  }
  if (r.orphans.length) {
    lines.push("");
    lines.push("Orphans (no row points to them):");
    for (const o of r.orphans) lines.push(`  ${o.removed ? "removed" : "found  "} files/${o.path} (${o.size} bytes)`);
  }
  lines.push("");
  lines.push(r.mismatched || r.missing ? "FAILED: some evidence files are not as recorded." : "OK: every evidence file matches its recorded SHA-256.");
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== "--clean-orphans" && a !== "--json");
  if (unknown.length) {
    console.error(`Unknown option ${unknown[0]}. Usage: npm run evidence:verify -- [--clean-orphans] [--json]`);
    return 2;
  }
  const report = await verifyEvidenceStore({ cleanOrphans: argv.includes("--clean-orphans") });
  console.log(argv.includes("--json") ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.mismatched || report.missing ? 1 : 0;
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  })
  .finally(() => prisma.$disconnect());
