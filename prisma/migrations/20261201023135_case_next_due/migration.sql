-- AlterTable
ALTER TABLE "Case" ADD COLUMN "nextDueOn" TEXT;

-- CreateIndex
CREATE INDEX "Case_procuratorateId_nextDueOn_idx" ON "Case"("procuratorateId", "nextDueOn");

