import fs from "node:fs";
import { can } from "~/domain/auth/policy";
import type { Role, Scope } from "~/domain/auth/roles";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { PANEL_EVIDENCE_STATUSES, panelSeesFile } from "~/domain/evidence/disclosure";
import { recordCustody } from "~/models/custody.server";
import { pathForHash } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";

// Reading one stored evidence file (GET /evidence/files/:fileId, app/routes/evidence.files.$fileId.tsx).
// Who may read it is decided here, on every request, from the actor's scope:
// - staff allowed to read cases (case:read), of the case's procuratorate;
// - a panelist seated (not recused, no-conflict declaration signed: the briefing opens only then,
//   app/domain/hearing/panel.ts briefingOpen) on a hearing of their procuratorate the item is disclosed to
//   (HearingEvidence) that is not cancelled (a concluded one still counts), and then only the files
//   panelSeesFile allows (personal-data items: only
//   redacted copies; 个人信息保护法 Arts 28, 51);
// - nobody else: the answer is null, which the route turns into 404 (never 403: the id's existence
//   is not disclosed either).

export type ReadableFile = {
  id: string;
  evidenceId: string;
  caseId: string;
  sha256: string;
  size: bigint;
  mimeType: string;
  originalName: string;
};

const FILE_SELECT = {
  id: true,
  evidenceId: true,
  sha256: true,
  size: true,
  mimeType: true,
  originalName: true,
  redactionOfId: true,
  evidence: { select: { caseId: true, containsPersonal: true } },
} as const;

/** The file if this actor may read it, else null (→ 404). */
export async function findReadableFile(actor: { role: Role }, scope: Scope, fileId: string): Promise<ReadableFile | null> {
  if (scope.kind === "procuratorate") {
    if (!can(actor, "case:read")) return null;
    const file = await prisma.evidenceFile.findFirst({
      where: { id: fileId, evidence: { case: { procuratorateId: scope.procuratorateId } } },
      select: FILE_SELECT,
    });
    return file ? toReadable(file) : null;
  }
  if (scope.kind === "panelist") {
    const file = await prisma.evidenceFile.findFirst({
      where: {
        id: fileId,
        evidence: {
          disclosures: {
            some: {
              hearing: {
                procuratorateId: scope.procuratorateId,
                // Not once the hearing is cancelled; still after it concluded (PANEL_EVIDENCE_STATUSES).
                status: { in: [...PANEL_EVIDENCE_STATUSES] },
                panelists: { some: { panelistId: scope.panelistId, recused: false, declaredAt: { not: null } } },
              },
            },
          },
        },
      },
      select: FILE_SELECT,
    });
    if (!file || !panelSeesFile(file.evidence, file)) return null;
    return toReadable(file);
  }
  return null; // agency liaisons never see evidence files
}

function toReadable(file: {
  id: string;
  evidenceId: string;
  sha256: string;
  size: bigint;
  mimeType: string;
  originalName: string;
  evidence: { caseId: string };
}): ReadableFile {
  return {
    id: file.id,
    evidenceId: file.evidenceId,
    caseId: file.evidence.caseId,
    sha256: file.sha256,
    size: file.size,
    mimeType: file.mimeType,
    originalName: file.originalName,
  };
}

/**
 * The stored blob's path and its size on disk, or null when it is missing (logged: a missing blob
 * is an integrity problem for `npm run evidence:verify`, not a server error).
 */
export async function statStoredBlob(file: ReadableFile): Promise<{ path: string; size: number } | null> {
  const path = pathForHash(file.sha256);
  try {
    const stat = await fs.promises.stat(path);
    if (!stat.isFile()) throw Object.assign(new Error("not a file"), { code: "ENOENT" });
    return { path, size: stat.size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    console.error(`evidence file ${file.id} (evidence ${file.evidenceId}): stored blob ${file.sha256} is missing`);
    return null;
  }
}

/** The first instant of the actor's day in Asia/Shanghai, the unit of "viewed once a day". */
export function startOfShanghaiDay(now: Date): Date {
  return new Date(`${dateInShanghai(now)}T00:00:00+08:00`);
}

/**
 * Records a read in the chain of custody (the evidence's read log; custody events are append-only):
 * - a download ('downloaded') every time a file is saved as an attachment;
 * - a preview ('viewed') at most once per user, file and day, so that a video seeking through
 *   Range requests, a reload or a revalidation does not add an event per chunk.
 * The check and the insert run in one transaction, which takes SQLite's write lock at BEGIN
 * (app/utils/db.server.ts), so two concurrent chunks of the same preview record one event.
 */
export async function recordFileRead(
  file: ReadableFile,
  actorId: string,
  kind: "viewed" | "downloaded",
  now: Date = new Date(),
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    if (kind === "viewed") {
      const seen = await tx.custodyEvent.findFirst({
        where: { evidenceId: file.evidenceId, fileId: file.id, actorId, action: "viewed", at: { gte: startOfShanghaiDay(now) } },
        select: { id: true },
      });
      if (seen) return false;
    }
    await recordCustody(tx, { evidenceId: file.evidenceId, fileId: file.id, action: kind, actorId, at: now });
    return true;
  });
}
