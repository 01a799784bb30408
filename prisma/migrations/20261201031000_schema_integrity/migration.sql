-- Hand-edited: the parent key of Recommendation's composite foreign key exists before the table.
CREATE UNIQUE INDEX "Case_id_procuratorateId_key" ON "Case"("id", "procuratorateId");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CaseTransition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "approvalId" TEXT,
    "reason" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseTransition_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseTransition_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CaseTransition" ("actorId", "approvalId", "at", "caseId", "fromState", "id", "reason", "toState") SELECT "actorId", "approvalId", "at", "caseId", "fromState", "id", "reason", "toState" FROM "CaseTransition";
DROP TABLE "CaseTransition";
ALTER TABLE "new_CaseTransition" RENAME TO "CaseTransition";
CREATE INDEX "CaseTransition_caseId_at_idx" ON "CaseTransition"("caseId", "at");
CREATE INDEX "CaseTransition_approvalId_idx" ON "CaseTransition"("approvalId");
CREATE TABLE "new_Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT,
    "collectedOn" TEXT,
    "collectedBy" TEXT,
    "source" TEXT,
    "isOriginal" BOOLEAN NOT NULL DEFAULT false,
    "containsPersonal" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Evidence" ("caseId", "collectedBy", "collectedOn", "containsPersonal", "createdAt", "createdById", "description", "id", "isOriginal", "kind", "ordinal", "source", "title") SELECT "caseId", "collectedBy", "collectedOn", "containsPersonal", "createdAt", "createdById", "description", "id", "isOriginal", "kind", "ordinal", "source", "title" FROM "Evidence";
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceFile_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EvidenceFile" ("createdAt", "evidenceId", "id", "mimeType", "originalName", "sha256", "size") SELECT "createdAt", "evidenceId", "id", "mimeType", "originalName", "sha256", "size" FROM "EvidenceFile";
DROP TABLE "EvidenceFile";
ALTER TABLE "new_EvidenceFile" RENAME TO "EvidenceFile";
CREATE INDEX "EvidenceFile_evidenceId_idx" ON "EvidenceFile"("evidenceId");
CREATE INDEX "EvidenceFile_sha256_idx" ON "EvidenceFile"("sha256");
CREATE TABLE "new_Consultation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "place" TEXT,
    "attendees" TEXT,
    "facts" TEXT,
    "agencyPosition" TEXT,
    "rectificationPlan" TEXT,
    "minutes" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Consultation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Consultation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Consultation" ("agencyPosition", "attendees", "caseId", "createdAt", "createdById", "facts", "heldOn", "id", "method", "minutes", "place", "rectificationPlan") SELECT "agencyPosition", "attendees", "caseId", "createdAt", "createdById", "facts", "heldOn", "id", "method", "minutes", "place", "rectificationPlan" FROM "Consultation";
DROP TABLE "Consultation";
ALTER TABLE "new_Consultation" RENAME TO "Consultation";
CREATE INDEX "Consultation_caseId_idx" ON "Consultation"("caseId");
CREATE TABLE "new_HearingEvidence" (
    "hearingId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "disclosedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disclosedById" TEXT NOT NULL,

    PRIMARY KEY ("hearingId", "evidenceId"),
    CONSTRAINT "HearingEvidence_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HearingEvidence_disclosedById_fkey" FOREIGN KEY ("disclosedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_HearingEvidence" ("disclosedAt", "disclosedById", "evidenceId", "hearingId") SELECT "disclosedAt", "disclosedById", "evidenceId", "hearingId" FROM "HearingEvidence";
DROP TABLE "HearingEvidence";
ALTER TABLE "new_HearingEvidence" RENAME TO "HearingEvidence";
CREATE INDEX "HearingEvidence_evidenceId_idx" ON "HearingEvidence"("evidenceId");
CREATE TABLE "new_Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "procuratorateId" TEXT NOT NULL,
    "number" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "facts" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "replyPeriod" TEXT NOT NULL DEFAULT 'two_months',
    "ccList" TEXT,
    "issuedOn" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recommendation_caseId_procuratorateId_fkey" FOREIGN KEY ("caseId", "procuratorateId") REFERENCES "Case" ("id", "procuratorateId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Hand-edited: procuratorateId is the owning case's.
INSERT INTO "new_Recommendation" ("caseId", "procuratorateId", "ccList", "createdAt", "createdById", "facts", "id", "issuedOn", "legalBasis", "number", "reasons", "replyPeriod", "status", "updatedAt") SELECT r."caseId", (SELECT c."procuratorateId" FROM "Case" c WHERE c."id" = r."caseId"), r."ccList", r."createdAt", r."createdById", r."facts", r."id", r."issuedOn", r."legalBasis", r."number", r."reasons", r."replyPeriod", r."status", r."updatedAt" FROM "Recommendation" r;
DROP TABLE "Recommendation";
ALTER TABLE "new_Recommendation" RENAME TO "Recommendation";
CREATE INDEX "Recommendation_caseId_idx" ON "Recommendation"("caseId");
CREATE UNIQUE INDEX "Recommendation_procuratorateId_number_key" ON "Recommendation"("procuratorateId", "number");
CREATE TABLE "new_Service" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "documentKind" TEXT NOT NULL,
    "documentNumber" TEXT,
    "recommendationId" TEXT,
    "documentId" TEXT,
    "agencyId" TEXT,
    "recipient" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "place" TEXT,
    "servedOn" TEXT NOT NULL,
    "signedBy" TEXT,
    "refusalReason" TEXT,
    "witness" TEXT,
    "serverName" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Service_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Service_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Service_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "GeneratedDocument" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Service_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Service_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Service" ("agencyId", "caseId", "createdAt", "createdById", "documentId", "documentKind", "documentNumber", "id", "method", "place", "recipient", "recommendationId", "refusalReason", "servedOn", "serverName", "signedBy", "witness") SELECT "agencyId", "caseId", "createdAt", "createdById", "documentId", "documentKind", "documentNumber", "id", "method", "place", "recipient", "recommendationId", "refusalReason", "servedOn", "serverName", "signedBy", "witness" FROM "Service";
DROP TABLE "Service";
ALTER TABLE "new_Service" RENAME TO "Service";
CREATE INDEX "Service_caseId_idx" ON "Service"("caseId");
CREATE INDEX "Service_agencyId_idx" ON "Service"("agencyId");
CREATE INDEX "Service_recommendationId_idx" ON "Service"("recommendationId");
CREATE TABLE "new_ReplyAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "replyId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReplyAttachment_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Reply" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReplyAttachment" ("createdAt", "id", "mimeType", "originalName", "replyId", "sha256", "size") SELECT "createdAt", "id", "mimeType", "originalName", "replyId", "sha256", "size" FROM "ReplyAttachment";
DROP TABLE "ReplyAttachment";
ALTER TABLE "new_ReplyAttachment" RENAME TO "ReplyAttachment";
CREATE INDEX "ReplyAttachment_replyId_idx" ON "ReplyAttachment"("replyId");
CREATE TABLE "new_FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "recommendationId" TEXT,
    "assessedOn" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "conclusion" TEXT NOT NULL,
    "disposition" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUp_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_FollowUp" ("assessedOn", "caseId", "conclusion", "createdAt", "createdById", "disposition", "findings", "id", "method", "recommendationId") SELECT "assessedOn", "caseId", "conclusion", "createdAt", "createdById", "disposition", "findings", "id", "method", "recommendationId" FROM "FollowUp";
DROP TABLE "FollowUp";
ALTER TABLE "new_FollowUp" RENAME TO "FollowUp";
CREATE INDEX "FollowUp_caseId_idx" ON "FollowUp"("caseId");
CREATE INDEX "FollowUp_recommendationId_idx" ON "FollowUp"("recommendationId");
CREATE TABLE "new_HolidayOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HolidayOverride_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HolidayOverride_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HolidayOverride" ("createdAt", "createdById", "date", "id", "kind", "name", "procuratorateId") SELECT "createdAt", "createdById", "date", "id", "kind", "name", "procuratorateId" FROM "HolidayOverride";
DROP TABLE "HolidayOverride";
ALTER TABLE "new_HolidayOverride" RENAME TO "HolidayOverride";
CREATE UNIQUE INDEX "HolidayOverride_procuratorateId_date_key" ON "HolidayOverride"("procuratorateId", "date");
CREATE TABLE "new_DocumentTemplateVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
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
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
CREATE UNIQUE INDEX "GeneratedDocument_procuratorateId_number_key" ON "GeneratedDocument"("procuratorateId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PanelOpinion_caseId_idx" ON "PanelOpinion"("caseId");

-- CreateIndex
CREATE INDEX "PanelOpinion_panelistId_idx" ON "PanelOpinion"("panelistId");

