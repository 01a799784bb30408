-- A panel opinion is final once the host closes deliberation (issue 9; 听证规定 Art 15): the
-- database refuses a new or changed opinion on a hearing whose deliberation is closed, whatever
-- the application does. Deleting stays possible so that a hearing can still be deleted whole.
CREATE TRIGGER "PanelOpinion_locked_insert" BEFORE INSERT ON "PanelOpinion"
WHEN (SELECT "deliberationClosedAt" FROM "Hearing" WHERE "id" = NEW."hearingId") IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'panel opinion is final: deliberation closed');
END;

CREATE TRIGGER "PanelOpinion_locked_update" BEFORE UPDATE ON "PanelOpinion"
WHEN (SELECT "deliberationClosedAt" FROM "Hearing" WHERE "id" = OLD."hearingId") IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'panel opinion is final: deliberation closed');
END;
