-- The chain of custody is append-only, like the audit log (DESIGN.md; issue 8): an event is never
-- changed, and never removed while its evidence item exists. Removing the item itself (a case
-- deleted in tests or by an administrator's cleanup) takes its events with it by cascade.
CREATE TRIGGER "CustodyEvent_no_update" BEFORE UPDATE ON "CustodyEvent"
BEGIN
  SELECT RAISE(ABORT, 'CustodyEvent is append-only');
END;

CREATE TRIGGER "CustodyEvent_no_delete" BEFORE DELETE ON "CustodyEvent"
WHEN EXISTS (SELECT 1 FROM "Evidence" WHERE "id" = OLD."evidenceId")
BEGIN
  SELECT RAISE(ABORT, 'CustodyEvent is append-only');
END;
