-- Deadline.agencyId of an agency reply (kind agency_reply): the agency its recommendation was
-- served on first, the one the reply clock runs for (两高解释 Art 21; 民诉法 Art 87). A trigger fills
-- it on every insert, so each writer of Deadline (refreshDeadlines in app/models/deadline.server.ts,
-- the scale seed) keeps it in step without knowing of it; a change of service recomputes the row
-- (delete and insert), which fires the trigger again. The agency portal reads its open replies and
-- counts along the index (agencyId, procuratorateId, kind, dueOn, id).
-- Hand-written: Prisma's schema language has no triggers, and Prisma would add the column with its
-- foreign key by rebuilding the table, which drops the hand-written partial index and triggers of
-- Deadline; SQLite adds a nullable column with a REFERENCES clause in place.
ALTER TABLE "Deadline" ADD COLUMN "agencyId" TEXT REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE INDEX "Deadline_agencyId_procuratorateId_kind_dueOn_id_idx" ON "Deadline"("agencyId", "procuratorateId", "kind", "dueOn", "id");

CREATE TRIGGER "Deadline_agency_reply_agencyId" AFTER INSERT ON "Deadline"
WHEN NEW."kind" = 'agency_reply' AND NEW."recommendationId" IS NOT NULL AND NEW."agencyId" IS NULL
BEGIN
  UPDATE "Deadline" SET "agencyId" = (
    SELECT s."agencyId" FROM "Service" s
    WHERE s."recommendationId" = NEW."recommendationId" AND s."agencyId" IS NOT NULL
    ORDER BY s."servedOn", s."createdAt", s."id" LIMIT 1
  ) WHERE "id" = NEW."id";
END;

-- The rows stored before this migration.
UPDATE "Deadline" SET "agencyId" = (
  SELECT s."agencyId" FROM "Service" s
  WHERE s."recommendationId" = "Deadline"."recommendationId" AND s."agencyId" IS NOT NULL
  ORDER BY s."servedOn", s."createdAt", s."id" LIMIT 1
) WHERE "kind" = 'agency_reply' AND "recommendationId" IS NOT NULL AND "agencyId" IS NULL;
