import type { DocumentSourceEntry } from "./registry.server";

// The loaders of the kinds generated from a case, a clue or a consultation, each paired with its
// definition through sourceEntry (filled in by the case-kinds work).
export const CASE_KIND_SOURCES: DocumentSourceEntry[] = [];
