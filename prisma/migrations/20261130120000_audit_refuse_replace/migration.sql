-- INSERT OR REPLACE (and REPLACE INTO) deletes a conflicting AuditEvent row without firing the
-- DELETE trigger (recursive_triggers is off), so it could rewrite an event despite
-- 20261126043911_audit_append_only. Refuse any insert whose seq or hash already exists.
CREATE TRIGGER "AuditEvent_no_replace" BEFORE INSERT ON "AuditEvent"
WHEN EXISTS (SELECT 1 FROM "AuditEvent" WHERE "seq" = NEW."seq" OR "hash" = NEW."hash")
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
