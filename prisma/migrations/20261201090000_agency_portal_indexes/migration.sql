-- CreateIndex
CREATE INDEX "Service_agencyId_servedOn_id_idx" ON "Service"("agencyId", "servedOn", "id");

-- CreateIndex
CREATE INDEX "Service_agencyId_recommendationId_idx" ON "Service"("agencyId", "recommendationId");

-- CreateIndex
CREATE INDEX "GeneratedDocument_agencyId_createdAt_id_idx" ON "GeneratedDocument"("agencyId", "createdAt", "id");
