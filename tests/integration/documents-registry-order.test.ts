// The source modules import sourceEntry from the registry, and the registry imports them: a module
// that imports a source list first must still find every kind (the registry builds its map on first
// use, not while the import cycle is half evaluated). Keep this import order.
import { HEARING_KIND_SOURCES } from "~/documents/sources-hearing.server";
import { documentSource } from "~/documents/registry.server";
import { expect, test } from "vitest";

test("a source list imported before the registry: every hearing kind is found", () => {
  expect(HEARING_KIND_SOURCES).toHaveLength(7);
  for (const entry of HEARING_KIND_SOURCES) expect(documentSource(entry.definition.kind)).toBe(entry);
});
