-- DropIndex
DROP INDEX "Approval_procuratorateId_decision_idx";

-- DropIndex
DROP INDEX "Deadline_procuratorateId_dueOn_idx";

-- DropIndex
DROP INDEX "Deadline_procuratorateId_kind_dueOn_idx";

-- CreateIndex
CREATE INDEX "Approval_procuratorateId_decision_requestedAt_id_idx" ON "Approval"("procuratorateId", "decision", "requestedAt", "id");

-- CreateIndex
CREATE INDEX "Approval_procuratorateId_decidedAt_id_idx" ON "Approval"("procuratorateId", "decidedAt", "id");

-- CreateIndex
CREATE INDEX "Approval_requestedById_decision_requestedAt_idx" ON "Approval"("requestedById", "decision", "requestedAt");

-- CreateIndex
CREATE INDEX "Approval_requestedById_decidedAt_id_idx" ON "Approval"("requestedById", "decidedAt", "id");

-- CreateIndex
CREATE INDEX "Deadline_procuratorateId_dueOn_id_idx" ON "Deadline"("procuratorateId", "dueOn", "id");

-- CreateIndex
CREATE INDEX "Deadline_procuratorateId_kind_dueOn_id_idx" ON "Deadline"("procuratorateId", "kind", "dueOn", "id");

