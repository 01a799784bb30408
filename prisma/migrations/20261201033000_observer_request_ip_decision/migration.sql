-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HearingObserverRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hearingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "organisation" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "ip" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HearingObserverRequest_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HearingObserverRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HearingObserverRequest" ("createdAt", "hearingId", "id", "name", "organisation", "phone", "status") SELECT "createdAt", "hearingId", "id", "name", "organisation", "phone", "status" FROM "HearingObserverRequest";
DROP TABLE "HearingObserverRequest";
ALTER TABLE "new_HearingObserverRequest" RENAME TO "HearingObserverRequest";
CREATE INDEX "HearingObserverRequest_hearingId_idx" ON "HearingObserverRequest"("hearingId");
CREATE INDEX "HearingObserverRequest_ip_createdAt_idx" ON "HearingObserverRequest"("ip", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

