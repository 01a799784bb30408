-- CreateTable
CREATE TABLE "Deadline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "procuratorateId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "triggerOn" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "periodEndOn" TEXT NOT NULL,
    "pausedSince" TEXT,
    "pausedDaysLeft" INTEGER,
    "steps" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "missingYears" TEXT,
    "agencyName" TEXT,
    "hearingId" TEXT,
    "recommendationId" TEXT,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deadline_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deadline_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deadline_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeadlineCase" (
    "deadlineId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("deadlineId", "caseId"),
    CONSTRAINT "DeadlineCase_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeadlineCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Deadline_procuratorateId_dueOn_idx" ON "Deadline"("procuratorateId", "dueOn");

-- CreateIndex
CREATE INDEX "Deadline_procuratorateId_kind_dueOn_idx" ON "Deadline"("procuratorateId", "kind", "dueOn");

-- CreateIndex
CREATE INDEX "Deadline_hearingId_idx" ON "Deadline"("hearingId");

-- CreateIndex
CREATE INDEX "Deadline_recommendationId_idx" ON "Deadline"("recommendationId");

-- CreateIndex
CREATE UNIQUE INDEX "Deadline_procuratorateId_key_key" ON "Deadline"("procuratorateId", "key");

-- CreateIndex
CREATE INDEX "DeadlineCase_caseId_idx" ON "DeadlineCase"("caseId");

