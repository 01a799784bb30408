-- AlterTable
ALTER TABLE "HearingParticipant" ADD COLUMN "noticeMethod" TEXT;
ALTER TABLE "HearingParticipant" ADD COLUMN "notifiedAt" DATETIME;

-- CreateTable
CREATE TABLE "HearingStageRecord" (
    "hearingId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "minutes" TEXT,
    "recordedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("hearingId", "stage"),
    CONSTRAINT "HearingStageRecord_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingStageRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "renewedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Hearing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "seriesId" TEXT,
    "title" TEXT NOT NULL,
    "purpose" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "closedReason" TEXT,
    "venue" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME,
    "hostId" TEXT NOT NULL,
    "clerkId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "announcement" TEXT,
    "announcedAt" DATETIME,
    "contactPhone" TEXT,
    "observerSeats" INTEGER,
    "deliberationSummary" TEXT,
    "hostSummary" TEXT,
    "concludedAt" DATETIME,
    "stage" TEXT,
    "deliberationClosedAt" DATETIME,
    "deliberationClosedById" TEXT,
    "cancelledReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Hearing_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Hearing_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "CaseSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Hearing_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Hearing_clerkId_fkey" FOREIGN KEY ("clerkId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Hearing_deliberationClosedById_fkey" FOREIGN KEY ("deliberationClosedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Hearing" ("announcedAt", "announcement", "clerkId", "closedReason", "concludedAt", "contactPhone", "createdAt", "deliberationSummary", "endsAt", "hostId", "hostSummary", "id", "isPublic", "observerSeats", "procuratorateId", "purpose", "seriesId", "startsAt", "status", "title", "updatedAt", "venue") SELECT "announcedAt", "announcement", "clerkId", "closedReason", "concludedAt", "contactPhone", "createdAt", "deliberationSummary", "endsAt", "hostId", "hostSummary", "id", "isPublic", "observerSeats", "procuratorateId", "purpose", "seriesId", "startsAt", "status", "title", "updatedAt", "venue" FROM "Hearing";
DROP TABLE "Hearing";
ALTER TABLE "new_Hearing" RENAME TO "Hearing";
CREATE INDEX "Hearing_procuratorateId_startsAt_idx" ON "Hearing"("procuratorateId", "startsAt");
CREATE TABLE "new_HearingCase" (
    "hearingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sessionAt" DATETIME,
    "issues" TEXT,
    "proposedHandling" TEXT NOT NULL DEFAULT 'recommend',
    "proposal" TEXT,
    "decisionStance" TEXT,
    "decisionNote" TEXT,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "departureApprovalId" TEXT,

    PRIMARY KEY ("hearingId", "caseId"),
    CONSTRAINT "HearingCase_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HearingCase_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HearingCase_departureApprovalId_fkey" FOREIGN KEY ("departureApprovalId") REFERENCES "Approval" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HearingCase" ("caseId", "hearingId", "issues", "ordinal", "sessionAt") SELECT "caseId", "hearingId", "issues", "ordinal", "sessionAt" FROM "HearingCase";
DROP TABLE "HearingCase";
ALTER TABLE "new_HearingCase" RENAME TO "HearingCase";
CREATE INDEX "HearingCase_caseId_idx" ON "HearingCase"("caseId");
CREATE TABLE "new_HearingPanelist" (
    "hearingId" TEXT NOT NULL,
    "panelistId" TEXT NOT NULL,
    "invitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "declaredAt" DATETIME,
    "declaration" TEXT,
    "recused" BOOLEAN NOT NULL DEFAULT false,
    "recusalReason" TEXT,
    "attended" BOOLEAN,
    "notifiedAt" DATETIME,
    "noticeMethod" TEXT,
    "recusalRequestedAt" DATETIME,
    "recusalRequestedBy" TEXT,
    "recusalDecision" TEXT,
    "recusalDecidedAt" DATETIME,
    "recusalDecidedById" TEXT,

    PRIMARY KEY ("hearingId", "panelistId"),
    CONSTRAINT "HearingPanelist_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingPanelist_panelistId_fkey" FOREIGN KEY ("panelistId") REFERENCES "Panelist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HearingPanelist_recusalDecidedById_fkey" FOREIGN KEY ("recusalDecidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HearingPanelist" ("attended", "declaration", "declaredAt", "hearingId", "invitedAt", "panelistId", "recusalReason", "recused") SELECT "attended", "declaration", "declaredAt", "hearingId", "invitedAt", "panelistId", "recusalReason", "recused" FROM "HearingPanelist";
DROP TABLE "HearingPanelist";
ALTER TABLE "new_HearingPanelist" RENAME TO "HearingPanelist";
CREATE INDEX "HearingPanelist_panelistId_idx" ON "HearingPanelist"("panelistId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");


-- Hearings concluded before deliberation could be closed explicitly: their deliberation closed
-- when they concluded (the sealing rule now reads deliberationClosedAt).
UPDATE "Hearing" SET "deliberationClosedAt" = COALESCE("concludedAt", "updatedAt"), "stage" = 'summary'
WHERE "status" = 'concluded';
