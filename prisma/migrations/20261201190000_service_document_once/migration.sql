-- A generated document is served once (issue 11: the service of documents): one Service row per
-- GeneratedDocument. Partial, so the services of letters made outside the system (documentId NULL)
-- are not constrained; it also serves the agency portal's "no service covers it" lookups.
CREATE UNIQUE INDEX "Service_documentId_key" ON "Service"("documentId") WHERE "documentId" IS NOT NULL;

-- Documents issued before the release rule (app/domain/documents/spec.ts, release "on_service"):
-- 1. a 检察建议书 of a recommendation already served on its agency is named by that recommendation's
--    first service on the agency (which names no document yet), and stays visible;
UPDATE "Service" SET "documentId" = (
    SELECT g."id" FROM "GeneratedDocument" g
    WHERE g."kind" = 'recommendation' AND g."subjectType" = 'recommendation'
      AND g."subjectId" = "Service"."recommendationId" AND g."agencyId" = "Service"."agencyId"
    ORDER BY g."createdAt" DESC, g."id" DESC LIMIT 1)
WHERE "documentId" IS NULL AND "recommendationId" IS NOT NULL
  AND "id" = (
    SELECT s2."id" FROM "Service" s2
    WHERE s2."recommendationId" = "Service"."recommendationId" AND s2."agencyId" = "Service"."agencyId"
    ORDER BY s2."servedOn", s2."createdAt", s2."id" LIMIT 1);
-- 2. any other document served with a 送达回证 that no service names is withdrawn until its service is
--    recorded (立案决定书, 事实确认书, 调取证据通知书, 检察建议书, 终结案件决定书: 规则 Arts 70, 38, 76, 80).
UPDATE "GeneratedDocument" SET "agencyVisible" = 0
WHERE "agencyVisible" = 1
  AND "kind" IN ('filing_decision', 'fact_confirmation', 'evidence_request', 'recommendation', 'closure_decision')
  AND NOT EXISTS (SELECT 1 FROM "Service" s WHERE s."documentId" = "GeneratedDocument"."id");
