// The agency portal's page sizes and count cap (app/models/agency-portal.server.ts reads them).

/** Rows on a page of the served recommendations (the home's main list). */
export const AGENCY_PAGE_SIZE = 20;
/** Rows on a page of the documents or hearings list. */
export const AGENCY_LIST_PAGE_SIZE = 25;
/** The home shows this many of the latest documents and hearings, with a link to the whole list. */
export const AGENCY_HOME_DOCUMENTS = 10;
export const AGENCY_HOME_HEARINGS = 5;
/** Counts stop here and show "1000+": a count never reads more than this many index entries. */
export const AGENCY_COUNT_CAP = 1000;
