-- CreateTable
CREATE TABLE "EvidenceCollector" (
    "evidenceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("evidenceId", "userId"),
    CONSTRAINT "EvidenceCollector_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvidenceCollector_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "filesChecked" INTEGER NOT NULL DEFAULT 0,
    "bytesChecked" BIGINT NOT NULL DEFAULT 0,
    "mismatched" INTEGER NOT NULL DEFAULT 0,
    "missing" INTEGER NOT NULL DEFAULT 0,
    "orphans" INTEGER NOT NULL DEFAULT 0,
    "orphansRemoved" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT NOT NULL DEFAULT '{}'
);

-- RedefineTables
-- Hand-edited: the full-text view over Evidence (migration 20261201050001) is dropped while the
-- table is rebuilt (a rename re-checks every view), and created again below, unchanged.
DROP VIEW "SearchEvidenceText";
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT,
    "collectedOn" TEXT,
    "collectedPlace" TEXT,
    "otherCollectors" TEXT,
    "source" TEXT NOT NULL DEFAULT 'collected',
    "sourceNote" TEXT,
    "isOriginal" BOOLEAN NOT NULL DEFAULT false,
    "containsPersonal" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Hand-edited: the old free-text "source" (e.g. 现场拍摄, a firm's name) becomes "sourceNote"; the
-- new "source" is the EvidenceSource enum, 'collected' for existing items; "collectedBy" (names)
-- is kept as "otherCollectors" (staff collectors are EvidenceCollector rows from now on).
INSERT INTO "new_Evidence" ("caseId", "collectedOn", "containsPersonal", "createdAt", "updatedAt", "createdById", "description", "id", "isOriginal", "kind", "ordinal", "source", "sourceNote", "otherCollectors", "title") SELECT "caseId", "collectedOn", "containsPersonal", "createdAt", "createdAt", "createdById", "description", "id", "isOriginal", "kind", "ordinal", 'collected', "source", "collectedBy", "title" FROM "Evidence";
DROP TABLE "Evidence";
ALTER TABLE "new_Evidence" RENAME TO "Evidence";
CREATE UNIQUE INDEX "Evidence_caseId_ordinal_key" ON "Evidence"("caseId", "ordinal");
CREATE TABLE "new_EvidenceFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evidenceId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "redactionOfId" TEXT,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceFile_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvidenceFile_redactionOfId_fkey" FOREIGN KEY ("redactionOfId") REFERENCES "EvidenceFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EvidenceFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_EvidenceFile" ("createdAt", "evidenceId", "id", "mimeType", "originalName", "sha256", "size") SELECT "createdAt", "evidenceId", "id", "mimeType", "originalName", "sha256", "size" FROM "EvidenceFile";
DROP TABLE "EvidenceFile";
ALTER TABLE "new_EvidenceFile" RENAME TO "EvidenceFile";
CREATE INDEX "EvidenceFile_evidenceId_idx" ON "EvidenceFile"("evidenceId");
CREATE INDEX "EvidenceFile_sha256_idx" ON "EvidenceFile"("sha256");
CREATE INDEX "EvidenceFile_redactionOfId_idx" ON "EvidenceFile"("redactionOfId");
CREATE TABLE "new_CustodyEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evidenceId" TEXT NOT NULL,
    "fileId" TEXT,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "location" TEXT,
    "note" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustodyEvent_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustodyEvent_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "EvidenceFile" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "CustodyEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CustodyEvent" ("action", "actorId", "actorName", "at", "evidenceId", "id", "location", "note") SELECT "action", "actorId", "actorName", "at", "evidenceId", "id", "location", "note" FROM "CustodyEvent";
DROP TABLE "CustodyEvent";
ALTER TABLE "new_CustodyEvent" RENAME TO "CustodyEvent";
CREATE INDEX "CustodyEvent_evidenceId_at_idx" ON "CustodyEvent"("evidenceId", "at");
CREATE INDEX "CustodyEvent_fileId_idx" ON "CustodyEvent"("fileId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EvidenceCollector_userId_idx" ON "EvidenceCollector"("userId");

-- CreateIndex
CREATE INDEX "EvidenceVerification_startedAt_idx" ON "EvidenceVerification"("startedAt");


CREATE VIEW "SearchEvidenceText" AS
  SELECT e."id" AS "entityId", c."procuratorateId", e."caseId",
         e."title" || ' ' || ifnull(e."description", '') AS "body"
  FROM "Evidence" e JOIN "Case" c ON c."id" = e."caseId";

-- Dropping the old "Evidence" table dropped its full-text triggers (migration
-- 20261201050001_search_and_counts); the same three, unchanged:
CREATE TRIGGER "search_evidence_insert" AFTER INSERT ON "Evidence" BEGIN
  INSERT INTO "SearchDoc" ("kind", "entityId", "procuratorateId", "caseId")
    SELECT 'evidence', "entityId", "procuratorateId", "caseId" FROM "SearchEvidenceText" WHERE "entityId" = new."id";
  INSERT INTO "search_evidence_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'evidence' AND d."entityId" = new."id";
  INSERT INTO "search_evidence_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'evidence' AND d."entityId" = new."id";
END;

CREATE TRIGGER "search_evidence_update" AFTER UPDATE OF "title", "description" ON "Evidence"
WHEN old."title" IS NOT new."title" OR old."description" IS NOT new."description"
BEGIN
  DELETE FROM "search_evidence_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = new."id");
  DELETE FROM "search_evidence_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = new."id");
  INSERT INTO "search_evidence_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'evidence' AND d."entityId" = new."id";
  INSERT INTO "search_evidence_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'evidence' AND d."entityId" = new."id";
END;

CREATE TRIGGER "search_evidence_delete" AFTER DELETE ON "Evidence" BEGIN
  DELETE FROM "search_evidence_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = old."id");
  DELETE FROM "search_evidence_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = old."id");
  DELETE FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = old."id";
END;
