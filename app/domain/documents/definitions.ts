import type { DocumentKind } from "./kinds";
import { DOCUMENT_KINDS } from "./kinds";
import { CASE_KIND_DEFINITIONS } from "./kinds/case-group";
import { HEARING_KIND_DEFINITIONS } from "./kinds/hearing-group";
import type { FieldSpec, KindDefinition } from "./spec";
import { allFieldsOf } from "./spec";

// Every document kind's definition (fields, template body, mapper), by kind. Pure.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own source type
type AnyDefinition = KindDefinition<any>;

const BY_KIND = new Map<DocumentKind, AnyDefinition>(
  [...CASE_KIND_DEFINITIONS, ...HEARING_KIND_DEFINITIONS].map((d) => [d.kind, d]),
);

/** All definitions, in DOCUMENT_KINDS order. */
export function allDefinitions(): AnyDefinition[] {
  return DOCUMENT_KINDS.flatMap((k) => BY_KIND.get(k) ?? []);
}

export function definitionOf(kind: DocumentKind): AnyDefinition {
  const def = BY_KIND.get(kind);
  if (!def) throw new Error(`no definition for document kind ${kind}`);
  return def;
}

/** Every placeholder of a kind (common + 文号 + its own): the manifest entry. */
export function fieldsOf(kind: DocumentKind): FieldSpec[] {
  return allFieldsOf(definitionOf(kind));
}
