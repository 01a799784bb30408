-- CreateIndex
CREATE INDEX "Clue_procuratorateId_receivedOn_id_idx" ON "Clue"("procuratorateId", "receivedOn", "id");

-- CreateIndex
CREATE INDEX "Clue_procuratorateId_status_receivedOn_id_idx" ON "Clue"("procuratorateId", "status", "receivedOn", "id");

