-- CreateTable
CREATE TABLE "DocumentBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "kinds" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failures" TEXT NOT NULL DEFAULT '[]',
    "zipSha256" TEXT,
    "zipSize" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "DocumentBatch_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DocumentBatch_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "CaseSeries" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DocumentBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DocumentTemplateVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "origin" TEXT NOT NULL DEFAULT 'upload',
    "fileName" TEXT,
    "fields" TEXT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "DocumentTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentTemplateVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_DocumentTemplateVersion" ("createdAt", "createdById", "fields", "id", "note", "sha256", "templateId", "version") SELECT "createdAt", "createdById", "fields", "id", "note", "sha256", "templateId", "version" FROM "DocumentTemplateVersion";
DROP TABLE "DocumentTemplateVersion";
ALTER TABLE "new_DocumentTemplateVersion" RENAME TO "DocumentTemplateVersion";
CREATE UNIQUE INDEX "DocumentTemplateVersion_templateId_version_key" ON "DocumentTemplateVersion"("templateId", "version");
CREATE TABLE "new_GeneratedDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "caseId" TEXT,
    "hearingId" TEXT,
    "kind" TEXT NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "templateVersionId" TEXT,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "agencyId" TEXT,
    "agencyVisible" BOOLEAN NOT NULL DEFAULT false,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "snapshot" TEXT,
    "fileName" TEXT,
    "batchId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GeneratedDocument_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "DocumentBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "DocumentTemplateVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GeneratedDocument_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_GeneratedDocument" ("agencyId", "agencyVisible", "caseId", "createdAt", "createdById", "hearingId", "id", "kind", "number", "procuratorateId", "sha256", "size", "templateVersionId", "title") SELECT "agencyId", "agencyVisible", "caseId", "createdAt", "createdById", "hearingId", "id", "kind", "number", "procuratorateId", "sha256", "size", "templateVersionId", "title" FROM "GeneratedDocument";
DROP TABLE "GeneratedDocument";
ALTER TABLE "new_GeneratedDocument" RENAME TO "GeneratedDocument";
CREATE INDEX "GeneratedDocument_caseId_idx" ON "GeneratedDocument"("caseId");
CREATE INDEX "GeneratedDocument_agencyId_idx" ON "GeneratedDocument"("agencyId");
CREATE INDEX "GeneratedDocument_hearingId_idx" ON "GeneratedDocument"("hearingId");
CREATE INDEX "GeneratedDocument_agencyId_createdAt_id_idx" ON "GeneratedDocument"("agencyId", "createdAt", "id");
CREATE INDEX "GeneratedDocument_subjectType_subjectId_idx" ON "GeneratedDocument"("subjectType", "subjectId");
CREATE INDEX "GeneratedDocument_batchId_idx" ON "GeneratedDocument"("batchId");
CREATE UNIQUE INDEX "GeneratedDocument_procuratorateId_number_key" ON "GeneratedDocument"("procuratorateId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DocumentBatch_seriesId_createdAt_idx" ON "DocumentBatch"("seriesId", "createdAt");

