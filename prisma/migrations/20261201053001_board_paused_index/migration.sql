-- Paused deadlines (the case is suspended, 规则 Art 78) on the board's "paused" filter and count:
-- a partial index, so the filter reads only paused rows in board order (dueOn, id).
-- Hand-written: Prisma's schema language has no partial indexes.
CREATE INDEX "Deadline_paused_procuratorateId_dueOn_id_idx" ON "Deadline"("procuratorateId", "dueOn", "id") WHERE "pausedSince" IS NOT NULL;
