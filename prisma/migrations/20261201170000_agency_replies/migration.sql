-- AlterTable
ALTER TABLE "Service" ADD COLUMN "attendees" TEXT;
ALTER TABLE "Service" ADD COLUMN "note" TEXT;

-- AlterTable
ALTER TABLE "ReplyAnswer" ADD COLUMN "plan" TEXT;
ALTER TABLE "ReplyAnswer" ADD COLUMN "targetOn" TEXT;

-- CreateTable
CREATE TABLE "PointAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "pointId" TEXT NOT NULL,
    "answerId" TEXT,
    "outcome" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "assessedById" TEXT NOT NULL,
    "assessedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reopenedAt" DATETIME,
    "reopenedById" TEXT,
    "reopenReason" TEXT,
    CONSTRAINT "PointAssessment_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PointAssessment_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "RecommendationPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PointAssessment_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "ReplyAnswer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PointAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PointAssessment_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "recommendationId" TEXT,
    "visitedOn" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUpVisit_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpVisit_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUpVisit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpVisitEvidence" (
    "visitId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,

    PRIMARY KEY ("visitId", "evidenceId"),
    CONSTRAINT "FollowUpVisitEvidence_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "FollowUpVisit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpVisitEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpVisitObserver" (
    "visitId" TEXT NOT NULL,
    "panelistId" TEXT NOT NULL,
    "invitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attended" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("visitId", "panelistId"),
    CONSTRAINT "FollowUpVisitObserver_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "FollowUpVisit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpVisitObserver_panelistId_fkey" FOREIGN KEY ("panelistId") REFERENCES "Panelist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "procuratorateId" TEXT,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "link" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT,
    "notificationId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "OutboxEmail_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxEmail_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderSettings" (
    "procuratorateId" TEXT NOT NULL PRIMARY KEY,
    "reminderDays" TEXT NOT NULL DEFAULT '[7,3,1]',
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecure" BOOLEAN NOT NULL DEFAULT false,
    "smtpUser" TEXT,
    "smtpPassword" TEXT,
    "fromAddress" TEXT,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReminderSettings_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReminderSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Reply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "submittedById" TEXT,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" DATETIME,
    "receiptNumber" TEXT,
    "dueOn" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Reply_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reply_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reply_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Reply" ("agencyId", "createdAt", "id", "recommendationId", "status", "submittedAt", "submittedById", "summary", "updatedAt") SELECT "agencyId", "createdAt", "id", "recommendationId", "status", "submittedAt", "submittedById", "summary", "updatedAt" FROM "Reply";
DROP TABLE "Reply";
ALTER TABLE "new_Reply" RENAME TO "Reply";
CREATE UNIQUE INDEX "Reply_receiptNumber_key" ON "Reply"("receiptNumber");
CREATE INDEX "Reply_recommendationId_idx" ON "Reply"("recommendationId");
CREATE INDEX "Reply_agencyId_idx" ON "Reply"("agencyId");
CREATE TABLE "new_ReplyAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "replyId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "answerId" TEXT,
    "takenAt" TEXT,
    "place" TEXT,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReplyAttachment_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Reply" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReplyAttachment_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "ReplyAnswer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReplyAttachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ReplyAttachment" ("createdAt", "id", "mimeType", "originalName", "replyId", "sha256", "size") SELECT "createdAt", "id", "mimeType", "originalName", "replyId", "sha256", "size" FROM "ReplyAttachment";
DROP TABLE "ReplyAttachment";
ALTER TABLE "new_ReplyAttachment" RENAME TO "ReplyAttachment";
CREATE INDEX "ReplyAttachment_replyId_idx" ON "ReplyAttachment"("replyId");
CREATE INDEX "ReplyAttachment_answerId_idx" ON "ReplyAttachment"("answerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PointAssessment_pointId_assessedAt_idx" ON "PointAssessment"("pointId", "assessedAt");

-- CreateIndex
CREATE INDEX "PointAssessment_recommendationId_idx" ON "PointAssessment"("recommendationId");

-- CreateIndex
CREATE INDEX "FollowUpVisit_caseId_idx" ON "FollowUpVisit"("caseId");

-- CreateIndex
CREATE INDEX "FollowUpVisitEvidence_evidenceId_idx" ON "FollowUpVisitEvidence"("evidenceId");

-- CreateIndex
CREATE INDEX "FollowUpVisitObserver_panelistId_idx" ON "FollowUpVisitObserver"("panelistId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

