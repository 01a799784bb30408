-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN "agencyId" TEXT;

-- CreateIndex
CREATE INDEX "Service_agencyId_servedOn_id_idx" ON "Service"("agencyId", "servedOn", "id");

-- CreateIndex
CREATE INDEX "Service_agencyId_recommendationId_idx" ON "Service"("agencyId", "recommendationId");

-- CreateIndex
CREATE INDEX "Deadline_agencyId_procuratorateId_kind_dueOn_id_idx" ON "Deadline"("agencyId", "procuratorateId", "kind", "dueOn", "id");

-- CreateIndex
CREATE INDEX "GeneratedDocument_agencyId_createdAt_id_idx" ON "GeneratedDocument"("agencyId", "createdAt", "id");

