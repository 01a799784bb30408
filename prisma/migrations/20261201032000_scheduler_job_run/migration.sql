-- CreateTable
CREATE TABLE "JobRun" (
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "lastError" TEXT,

    PRIMARY KEY ("job", "period")
);

