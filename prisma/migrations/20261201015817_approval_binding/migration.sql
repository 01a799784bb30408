-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Approval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "caseId" TEXT,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" TEXT,
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "comment" TEXT,
    "hearingId" TEXT,
    "caseVersion" INTEGER,
    "usedAt" DATETIME,
    CONSTRAINT "Approval_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Approval_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Approval_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Approval_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Approval_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Approval" ("caseId", "comment", "decidedAt", "decidedById", "decision", "id", "kind", "payload", "procuratorateId", "requestedAt", "requestedById", "subject") SELECT "caseId", "comment", "decidedAt", "decidedById", "decision", "id", "kind", "payload", "procuratorateId", "requestedAt", "requestedById", "subject" FROM "Approval";
DROP TABLE "Approval";
ALTER TABLE "new_Approval" RENAME TO "Approval";
CREATE INDEX "Approval_procuratorateId_decision_idx" ON "Approval"("procuratorateId", "decision");
CREATE INDEX "Approval_caseId_idx" ON "Approval"("caseId");
CREATE INDEX "Approval_hearingId_idx" ON "Approval"("hearingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

