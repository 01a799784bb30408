import type { DocumentSourceEntry } from "./registry.server";

// The loaders of the kinds generated from a hearing or a recommendation, each paired with its
// definition through sourceEntry (filled in by the hearing-kinds work).
export const HEARING_KIND_SOURCES: DocumentSourceEntry[] = [];
