-- DropIndex
DROP INDEX "Case_procuratorateId_state_idx";

-- DropIndex
DROP INDEX "Case_seriesId_idx";

-- DropIndex
DROP INDEX "Case_respondentAgencyId_idx";

-- CreateTable
CREATE TABLE "CaseCount" (
    "procuratorateId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("procuratorateId", "state", "urgent")
);

-- CreateTable
CREATE TABLE "CaseYearCount" (
    "procuratorateId" TEXT NOT NULL,
    "year" TEXT NOT NULL,
    "filed" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("procuratorateId", "year")
);

-- CreateIndex
CREATE INDEX "Case_procuratorateId_updatedAt_id_idx" ON "Case"("procuratorateId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Case_procuratorateId_state_updatedAt_id_idx" ON "Case"("procuratorateId", "state", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Case_procuratorateId_field_updatedAt_id_idx" ON "Case"("procuratorateId", "field", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Case_seriesId_updatedAt_id_idx" ON "Case"("seriesId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Case_respondentAgencyId_updatedAt_id_idx" ON "Case"("respondentAgencyId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Case_leadProsecutorId_updatedAt_id_idx" ON "Case"("leadProsecutorId", "updatedAt", "id");

