-- Raise DeadlineVersion for the procuratorate whenever something the deadline counts read changes
-- (app/models/deadline-cache.server.ts): stored deadlines, the cases they concern, a case's lead
-- and its team. A cached count under an older version is recomputed on the next request.

CREATE TRIGGER "deadline_version_deadline_ins" AFTER INSERT ON "Deadline"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT NEW."procuratorateId" AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_deadline_upd" AFTER UPDATE ON "Deadline"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT NEW."procuratorateId" AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_deadline_del" AFTER DELETE ON "Deadline"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT OLD."procuratorateId" AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_dc_ins" AFTER INSERT ON "DeadlineCase"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT (SELECT c."procuratorateId" FROM "Case" c WHERE c."id" = NEW."caseId") AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_dc_del" AFTER DELETE ON "DeadlineCase"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT (SELECT c."procuratorateId" FROM "Case" c WHERE c."id" = OLD."caseId") AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_member_ins" AFTER INSERT ON "CaseMember"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT (SELECT c."procuratorateId" FROM "Case" c WHERE c."id" = NEW."caseId") AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_member_upd" AFTER UPDATE ON "CaseMember"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT (SELECT c."procuratorateId" FROM "Case" c WHERE c."id" = NEW."caseId") AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_member_del" AFTER DELETE ON "CaseMember"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT (SELECT c."procuratorateId" FROM "Case" c WHERE c."id" = OLD."caseId") AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_case_lead" AFTER UPDATE OF "leadProsecutorId" ON "Case"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT NEW."procuratorateId" AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "deadline_version_case_del" AFTER DELETE ON "Case"
BEGIN
  INSERT INTO "DeadlineVersion" ("procuratorateId", "version")
    SELECT "p", 1 FROM (SELECT OLD."procuratorateId" AS "p") WHERE "p" IS NOT NULL
    ON CONFLICT ("procuratorateId") DO UPDATE SET "version" = "version" + 1;
END;
