-- CreateIndex
CREATE INDEX "Case_leadProsecutorId_nextDueOn_idx" ON "Case"("leadProsecutorId", "nextDueOn");

