import type { DocumentKind } from "~/domain/documents/kinds";
import type { KindDefinition } from "~/domain/documents/spec";
import { CASE_KIND_SOURCES } from "./sources-case.server";
import { HEARING_KIND_SOURCES } from "./sources-hearing.server";

/**
 * A kind's definition with the loader of its source: the record (by the definition's subject and
 * an id) read within the procuratorate. `load` answers null when the subject is not in scope (the
 * caller answers 404) and throws a DomainError (409, a message key) when the document cannot be
 * made yet, e.g. a recommendation that is not approved.
 */
export type DocumentSourceEntry<Source = unknown> = {
  definition: KindDefinition<Source>;
  load: (procuratorateId: string, subjectId: string) => Promise<Source | null>;
};

/** Types a definition and its loader together (the source types must agree). */
export function sourceEntry<Source>(
  definition: KindDefinition<Source>,
  load: (procuratorateId: string, subjectId: string) => Promise<Source | null>,
): DocumentSourceEntry {
  return { definition, load } as unknown as DocumentSourceEntry;
}

// Built on first use, not at import: the source modules import sourceEntry from here, so a module
// that imports one of them first would otherwise read its list before it is initialised.
let byKind: Map<DocumentKind, DocumentSourceEntry> | null = null;

export function documentSource(kind: DocumentKind): DocumentSourceEntry {
  byKind ??= new Map([...CASE_KIND_SOURCES, ...HEARING_KIND_SOURCES].map((e) => [e.definition.kind, e]));
  const entry = byKind.get(kind);
  if (!entry) throw new Error(`no source for document kind ${kind}`);
  return entry;
}
