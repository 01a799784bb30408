import { readAuditAnchors, verifyAuditChainWithAnchors, writeAuditAnchor } from "~/models/audit-anchor.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

// The audit log is one chain for the whole installation (every procuratorate's events), so its
// state is shown to administrators as a whole: the head and the anchors, never the events' content.

/** The chain's head and the anchors on file (cheap: one indexed row and a folder listing). */
export async function auditChainStatus() {
  const head = await prisma.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true, at: true } });
  // A page reads only the latest anchors' files (a year of daily anchors is 365 files of events).
  const anchors = readAuditAnchors(getEnv().dataDir, 20)
    .map(({ file, anchor }) => ({ file, seq: anchor?.seq ?? null, hash: anchor?.hash ?? null, at: anchor?.at ?? null }))
    .reverse();
  return { head, anchors };
}

/** Re-computes the whole chain against the anchors: an explicit request, never a page load. */
export function verifyAuditLog() {
  return verifyAuditChainWithAnchors(prisma, getEnv().dataDir);
}

export function anchorAuditLog() {
  return writeAuditAnchor(prisma, getEnv().dataDir);
}
