-- Hand-written (docs/decisions/0009-schema-integrity.md). A UNIQUE index treats NULLs as distinct
-- on SQLite (and on PostgreSQL without NULLS NOT DISTINCT), so @@unique([procuratorateId, kind])
-- and @@unique([procuratorateId, date]) do not hold for the shared rows whose procuratorateId is
-- NULL. These partial indexes make them hold: one packaged template per kind, and one national
-- holiday override per date. The same statements run unchanged on PostgreSQL.
-- Prisma's schema cannot express a partial index, so it does not know these: never apply the
-- schema with `prisma db push` (it would not create them).
CREATE UNIQUE INDEX "DocumentTemplate_packaged_kind_key" ON "DocumentTemplate"("kind") WHERE "procuratorateId" IS NULL;
CREATE UNIQUE INDEX "HolidayOverride_shared_date_key" ON "HolidayOverride"("date") WHERE "procuratorateId" IS NULL;
