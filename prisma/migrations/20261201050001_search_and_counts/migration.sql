-- Hand-written (docs/decisions/0013-search-counts-and-due-dates-at-scale.md): per-state case
-- counters and the full-text search index, both kept in step by triggers, so that every write
-- path (Prisma, raw SQL, the scale seed) keeps them right without remembering to.

-- ───────────── counters ─────────────

INSERT INTO "CaseCount" ("procuratorateId", "state", "urgent", "n")
  SELECT "procuratorateId", "state", "urgent", COUNT(*) FROM "Case" GROUP BY 1, 2, 3;

INSERT INTO "CaseYearCount" ("procuratorateId", "year", "filed", "closed")
  SELECT "procuratorateId", "year", SUM("filed"), SUM("closed") FROM (
    SELECT "procuratorateId", substr("filedOn", 1, 4) AS "year", 1 AS "filed", 0 AS "closed"
      FROM "Case" WHERE "filedOn" IS NOT NULL
    UNION ALL
    SELECT "procuratorateId", substr("closedOn", 1, 4), 0, 1
      FROM "Case" WHERE "state" = 'closed' AND "closedOn" IS NOT NULL
  ) GROUP BY 1, 2;

CREATE TRIGGER "case_count_insert" AFTER INSERT ON "Case" BEGIN
  INSERT INTO "CaseCount" ("procuratorateId", "state", "urgent", "n")
    VALUES (new."procuratorateId", new."state", new."urgent", 1)
    ON CONFLICT ("procuratorateId", "state", "urgent") DO UPDATE SET "n" = "n" + 1;
  INSERT INTO "CaseYearCount" ("procuratorateId", "year", "filed")
    SELECT new."procuratorateId", substr(new."filedOn", 1, 4), 1 WHERE new."filedOn" IS NOT NULL
    ON CONFLICT ("procuratorateId", "year") DO UPDATE SET "filed" = "filed" + 1;
  INSERT INTO "CaseYearCount" ("procuratorateId", "year", "closed")
    SELECT new."procuratorateId", substr(new."closedOn", 1, 4), 1
    WHERE new."state" = 'closed' AND new."closedOn" IS NOT NULL
    ON CONFLICT ("procuratorateId", "year") DO UPDATE SET "closed" = "closed" + 1;
END;

CREATE TRIGGER "case_count_delete" AFTER DELETE ON "Case" BEGIN
  UPDATE "CaseCount" SET "n" = "n" - 1
    WHERE "procuratorateId" = old."procuratorateId" AND "state" = old."state" AND "urgent" = old."urgent";
  UPDATE "CaseYearCount" SET "filed" = "filed" - 1
    WHERE old."filedOn" IS NOT NULL AND "procuratorateId" = old."procuratorateId" AND "year" = substr(old."filedOn", 1, 4);
  UPDATE "CaseYearCount" SET "closed" = "closed" - 1
    WHERE old."state" = 'closed' AND old."closedOn" IS NOT NULL
      AND "procuratorateId" = old."procuratorateId" AND "year" = substr(old."closedOn", 1, 4);
END;

CREATE TRIGGER "case_count_update" AFTER UPDATE OF "procuratorateId", "state", "urgent", "filedOn", "closedOn" ON "Case"
WHEN old."procuratorateId" IS NOT new."procuratorateId" OR old."state" IS NOT new."state"
  OR old."urgent" IS NOT new."urgent" OR old."filedOn" IS NOT new."filedOn" OR old."closedOn" IS NOT new."closedOn"
BEGIN
  UPDATE "CaseCount" SET "n" = "n" - 1
    WHERE "procuratorateId" = old."procuratorateId" AND "state" = old."state" AND "urgent" = old."urgent";
  INSERT INTO "CaseCount" ("procuratorateId", "state", "urgent", "n")
    VALUES (new."procuratorateId", new."state", new."urgent", 1)
    ON CONFLICT ("procuratorateId", "state", "urgent") DO UPDATE SET "n" = "n" + 1;
  UPDATE "CaseYearCount" SET "filed" = "filed" - 1
    WHERE old."filedOn" IS NOT NULL AND "procuratorateId" = old."procuratorateId" AND "year" = substr(old."filedOn", 1, 4);
  INSERT INTO "CaseYearCount" ("procuratorateId", "year", "filed")
    SELECT new."procuratorateId", substr(new."filedOn", 1, 4), 1 WHERE new."filedOn" IS NOT NULL
    ON CONFLICT ("procuratorateId", "year") DO UPDATE SET "filed" = "filed" + 1;
  UPDATE "CaseYearCount" SET "closed" = "closed" - 1
    WHERE old."state" = 'closed' AND old."closedOn" IS NOT NULL
      AND "procuratorateId" = old."procuratorateId" AND "year" = substr(old."closedOn", 1, 4);
  INSERT INTO "CaseYearCount" ("procuratorateId", "year", "closed")
    SELECT new."procuratorateId", substr(new."closedOn", 1, 4), 1
    WHERE new."state" = 'closed' AND new."closedOn" IS NOT NULL
    ON CONFLICT ("procuratorateId", "year") DO UPDATE SET "closed" = "closed" + 1;
END;

-- ───────────── list sorts ─────────────
-- The work list's number and due-date sorts put cases without one last, and its keyset paging
-- compares the row value (key, id). Virtual generated columns (invisible to Prisma) give those
-- sorts a plain column to index: NULL becomes U+10FFFF, above every real number and date.
ALTER TABLE "Case" ADD COLUMN "numberKey" TEXT GENERATED ALWAYS AS (ifnull("number", char(1114111))) VIRTUAL;
ALTER TABLE "Case" ADD COLUMN "dueKey" TEXT GENERATED ALWAYS AS (ifnull("nextDueOn", char(1114111))) VIRTUAL;
CREATE INDEX "Case_procuratorateId_numberKey_id_idx" ON "Case" ("procuratorateId", "numberKey", "id");
CREATE INDEX "Case_procuratorateId_dueKey_id_idx" ON "Case" ("procuratorateId", "dueKey", "id");

-- ───────────── full-text search ─────────────
-- One row per searchable record; its docId is the rowid of the record's rows in the FTS tables.
CREATE TABLE "SearchDoc" (
  "docId" INTEGER PRIMARY KEY,
  "kind" TEXT NOT NULL, -- case | clue | evidence
  "entityId" TEXT NOT NULL,
  "procuratorateId" TEXT NOT NULL,
  "caseId" TEXT
);
CREATE UNIQUE INDEX "SearchDoc_kind_entityId_key" ON "SearchDoc" ("kind", "entityId");
CREATE INDEX "SearchDoc_kind_procuratorateId_docId_idx" ON "SearchDoc" ("kind", "procuratorateId", "docId");

-- 1..10000: the character positions the bigram split walks (text beyond is trigram-searchable only).
CREATE TABLE "SearchSeq" ("n" INTEGER PRIMARY KEY);
WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 10000)
INSERT INTO "SearchSeq" ("n") SELECT n FROM seq;

-- The searchable text of each kind. Fields are joined by a space: no query term holds one, so a
-- term never matches across two fields.
CREATE VIEW "SearchCaseText" AS
  SELECT c."id" AS "entityId", c."procuratorateId", c."id" AS "caseId",
         ifnull(c."number", '') || ' ' || c."title" || ' ' || ifnull(c."summary", '') || ' ' ||
         ifnull(a."name", '') || ' ' || ifnull(a."shortName", '') AS "body"
  FROM "Case" c LEFT JOIN "Agency" a ON a."id" = c."respondentAgencyId";
CREATE VIEW "SearchClueText" AS
  SELECT "id" AS "entityId", "procuratorateId", NULL AS "caseId",
         "number" || ' ' || "summary" || ' ' || ifnull("location", '') AS "body"
  FROM "Clue";
CREATE VIEW "SearchEvidenceText" AS
  SELECT e."id" AS "entityId", c."procuratorateId", e."caseId",
         e."title" || ' ' || ifnull(e."description", '') AS "body"
  FROM "Evidence" e JOIN "Case" c ON c."id" = e."caseId";

-- Terms of 3+ characters: trigram. Terms of 2 characters (口罩, 垃圾, 污水): overlapping bigrams,
-- split when written (by the triggers below) and stored as unicode61 tokens.
CREATE VIRTUAL TABLE "search_case_tri" USING fts5(body, content='', contentless_delete=1, tokenize='trigram');
CREATE VIRTUAL TABLE "search_case_bi" USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE "search_clue_tri" USING fts5(body, content='', contentless_delete=1, tokenize='trigram');
CREATE VIRTUAL TABLE "search_clue_bi" USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE "search_evidence_tri" USING fts5(body, content='', contentless_delete=1, tokenize='trigram');
CREATE VIRTUAL TABLE "search_evidence_bi" USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

-- Existing rows.
INSERT INTO "SearchDoc" ("kind", "entityId", "procuratorateId", "caseId")
  SELECT 'case', "entityId", "procuratorateId", "caseId" FROM "SearchCaseText";
INSERT INTO "SearchDoc" ("kind", "entityId", "procuratorateId", "caseId")
  SELECT 'clue', "entityId", "procuratorateId", "caseId" FROM "SearchClueText";
INSERT INTO "SearchDoc" ("kind", "entityId", "procuratorateId", "caseId")
  SELECT 'evidence', "entityId", "procuratorateId", "caseId" FROM "SearchEvidenceText";
INSERT INTO "search_case_tri" (rowid, body)
  SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchCaseText" v ON v."entityId" = d."entityId" WHERE d."kind" = 'case';
INSERT INTO "search_case_bi" (rowid, body)
  SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                     WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
  FROM "SearchDoc" d JOIN "SearchCaseText" v ON v."entityId" = d."entityId" WHERE d."kind" = 'case';
INSERT INTO "search_clue_tri" (rowid, body)
  SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchClueText" v ON v."entityId" = d."entityId" WHERE d."kind" = 'clue';
INSERT INTO "search_clue_bi" (rowid, body)
  SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                     WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
  FROM "SearchDoc" d JOIN "SearchClueText" v ON v."entityId" = d."entityId" WHERE d."kind" = 'clue';
INSERT INTO "search_evidence_tri" (rowid, body)
  SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId" WHERE d."kind" = 'evidence';
INSERT INTO "search_evidence_bi" (rowid, body)
  SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                     WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
  FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId" WHERE d."kind" = 'evidence';

-- Kept in step: insert, change of a searched field, delete (also by cascade).

CREATE TRIGGER "search_case_insert" AFTER INSERT ON "Case" BEGIN
  INSERT INTO "SearchDoc" ("kind", "entityId", "procuratorateId", "caseId")
    SELECT 'case', "entityId", "procuratorateId", "caseId" FROM "SearchCaseText" WHERE "entityId" = new."id";
  INSERT INTO "search_case_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchCaseText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'case' AND d."entityId" = new."id";
  INSERT INTO "search_case_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchCaseText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'case' AND d."entityId" = new."id";
END;

CREATE TRIGGER "search_case_update" AFTER UPDATE OF "number", "title", "summary", "respondentAgencyId" ON "Case"
WHEN old."number" IS NOT new."number" OR old."title" IS NOT new."title" OR old."summary" IS NOT new."summary" OR old."respondentAgencyId" IS NOT new."respondentAgencyId"
BEGIN
  DELETE FROM "search_case_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'case' AND "entityId" = new."id");
  DELETE FROM "search_case_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'case' AND "entityId" = new."id");
  INSERT INTO "search_case_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchCaseText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'case' AND d."entityId" = new."id";
  INSERT INTO "search_case_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchCaseText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'case' AND d."entityId" = new."id";
END;

CREATE TRIGGER "search_case_delete" AFTER DELETE ON "Case" BEGIN
  DELETE FROM "search_case_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'case' AND "entityId" = old."id");
  DELETE FROM "search_case_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'case' AND "entityId" = old."id");
  DELETE FROM "SearchDoc" WHERE "kind" = 'case' AND "entityId" = old."id";
END;

CREATE TRIGGER "search_clue_insert" AFTER INSERT ON "Clue" BEGIN
  INSERT INTO "SearchDoc" ("kind", "entityId", "procuratorateId", "caseId")
    SELECT 'clue', "entityId", "procuratorateId", "caseId" FROM "SearchClueText" WHERE "entityId" = new."id";
  INSERT INTO "search_clue_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchClueText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'clue' AND d."entityId" = new."id";
  INSERT INTO "search_clue_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchClueText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'clue' AND d."entityId" = new."id";
END;

CREATE TRIGGER "search_clue_update" AFTER UPDATE OF "number", "summary", "location" ON "Clue"
WHEN old."number" IS NOT new."number" OR old."summary" IS NOT new."summary" OR old."location" IS NOT new."location"
BEGIN
  DELETE FROM "search_clue_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'clue' AND "entityId" = new."id");
  DELETE FROM "search_clue_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'clue' AND "entityId" = new."id");
  INSERT INTO "search_clue_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchClueText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'clue' AND d."entityId" = new."id";
  INSERT INTO "search_clue_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchClueText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'clue' AND d."entityId" = new."id";
END;

CREATE TRIGGER "search_clue_delete" AFTER DELETE ON "Clue" BEGIN
  DELETE FROM "search_clue_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'clue' AND "entityId" = old."id");
  DELETE FROM "search_clue_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'clue' AND "entityId" = old."id");
  DELETE FROM "SearchDoc" WHERE "kind" = 'clue' AND "entityId" = old."id";
END;

CREATE TRIGGER "search_evidence_insert" AFTER INSERT ON "Evidence" BEGIN
  INSERT INTO "SearchDoc" ("kind", "entityId", "procuratorateId", "caseId")
    SELECT 'evidence', "entityId", "procuratorateId", "caseId" FROM "SearchEvidenceText" WHERE "entityId" = new."id";
  INSERT INTO "search_evidence_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'evidence' AND d."entityId" = new."id";
  INSERT INTO "search_evidence_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'evidence' AND d."entityId" = new."id";
END;

CREATE TRIGGER "search_evidence_update" AFTER UPDATE OF "title", "description" ON "Evidence"
WHEN old."title" IS NOT new."title" OR old."description" IS NOT new."description"
BEGIN
  DELETE FROM "search_evidence_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = new."id");
  DELETE FROM "search_evidence_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = new."id");
  INSERT INTO "search_evidence_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'evidence' AND d."entityId" = new."id";
  INSERT INTO "search_evidence_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchEvidenceText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'evidence' AND d."entityId" = new."id";
END;

CREATE TRIGGER "search_evidence_delete" AFTER DELETE ON "Evidence" BEGIN
  DELETE FROM "search_evidence_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = old."id");
  DELETE FROM "search_evidence_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = old."id");
  DELETE FROM "SearchDoc" WHERE "kind" = 'evidence' AND "entityId" = old."id";
END;

-- A case's text holds its respondent agency's names.
CREATE TRIGGER "search_agency_update" AFTER UPDATE OF "name", "shortName" ON "Agency"
WHEN old."name" IS NOT new."name" OR old."shortName" IS NOT new."shortName"
BEGIN
  DELETE FROM "search_case_tri" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'case' AND "entityId" IN (SELECT "id" FROM "Case" WHERE "respondentAgencyId" = new."id"));
  DELETE FROM "search_case_bi" WHERE rowid IN (SELECT "docId" FROM "SearchDoc" WHERE "kind" = 'case' AND "entityId" IN (SELECT "id" FROM "Case" WHERE "respondentAgencyId" = new."id"));
  INSERT INTO "search_case_tri" (rowid, body)
    SELECT d."docId", v."body" FROM "SearchDoc" d JOIN "SearchCaseText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'case' AND d."entityId" IN (SELECT "id" FROM "Case" WHERE "respondentAgencyId" = new."id");
  INSERT INTO "search_case_bi" (rowid, body)
    SELECT d."docId", (SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
                       WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)
    FROM "SearchDoc" d JOIN "SearchCaseText" v ON v."entityId" = d."entityId"
    WHERE d."kind" = 'case' AND d."entityId" IN (SELECT "id" FROM "Case" WHERE "respondentAgencyId" = new."id");
END;
