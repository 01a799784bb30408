-- A generated document is served once (issue 11: the service of documents): one Service row per
-- GeneratedDocument. Partial, so the services of letters made outside the system (documentId NULL)
-- are not constrained; it also serves the agency portal's "no service covers it" lookups.
CREATE UNIQUE INDEX "Service_documentId_key" ON "Service"("documentId") WHERE "documentId" IS NOT NULL;
