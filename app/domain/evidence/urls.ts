// The addresses of evidence pages and files, shared by the routes, the portal and the tests.

/** An item's page: details, files, custody timeline (staff of the case). */
export const evidenceItemPath = (caseId: string, evidenceId: string) => `/cases/${caseId}/evidence/${evidenceId}`;

/**
 * Upload of one or several files to an item: POST multipart/form-data, field "file" (repeatable),
 * optional field "redactionOf" (the id of an original file of the same item; the upload is its
 * redacted copy). Answers JSON to `Accept: application/json` (the progress bar's XHR), else a
 * redirect to the item.
 */
export const evidenceUploadPath = (caseId: string, evidenceId: string) => `/cases/${caseId}/evidence/${evidenceId}/files`;

/**
 * One stored file: inline preview where safe, or `download` as an attachment. Permission is checked
 * on every request (staff of the case; a seated panelist of a hearing the item is disclosed to);
 * anyone else gets 404. Range requests answer 206.
 */
export const evidenceFilePath = (fileId: string, options: { download?: boolean } = {}) =>
  `/evidence/files/${fileId}${options.download ? "?download=1" : ""}`;
