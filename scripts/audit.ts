// Audit-chain tools for operators, on the database and data folder that DATABASE_URL / DATA_DIR name:
//   npm run audit:anchor   writes the chain head to DATA_DIR/audit-anchors/ (print or copy it off the machine)
//   npm run audit:verify   re-computes the chain and checks it against every anchor; exits 1 if broken
import { verifyAuditChainWithAnchors, writeAuditAnchor } from "~/models/audit-anchor.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

async function main(command: string | undefined): Promise<number> {
  const { dataDir } = getEnv();
  if (command === "anchor") {
    const anchor = await writeAuditAnchor(prisma, dataDir);
    console.log(`Anchored audit chain head seq ${anchor.seq} hash ${anchor.hash} at ${anchor.at} (${anchor.file})`);
    return 0;
  }
  if (command === "verify") {
    const r = await verifyAuditChainWithAnchors(prisma, dataDir);
    if (r.ok) {
      console.log(`OK: audit chain intact, ${r.eventsChecked} events up to seq ${r.headSeq}, ${r.anchorsChecked} anchors checked`);
      return 0;
    }
    if (r.firstBadSeq !== undefined) console.error(`FAILED: first bad audit event is seq ${r.firstBadSeq}`);
    if (r.missingTail) {
      console.error(`FAILED: missing tail: an anchor records seq ${r.missingTail.anchorSeq} but the chain ends at seq ${r.missingTail.headSeq} (newest events deleted)`);
    }
    for (const file of r.invalidAnchors ?? []) console.error(`FAILED: unreadable anchor file ${file}`);
    return 1;
  }
  console.error("Usage: tsx scripts/audit.ts anchor|verify");
  return 2;
}

main(process.argv[2])
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  })
  .finally(() => prisma.$disconnect());
