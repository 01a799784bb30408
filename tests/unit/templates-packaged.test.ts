import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

import { patchDetector } from "docx";
import { beforeAll, describe, expect, it } from "vitest";

import type { TemplateManifest } from "~/documents/layout.server";
import { buildPackagedTemplates } from "~/documents/layout.server";
import { allDefinitions } from "~/domain/documents/definitions";
import { allFieldsOf } from "~/domain/documents/spec";

// templates/ is reproducible: building every kind in memory gives exactly the committed files
// (run `npm run templates:build` after changing a definition or the layout, and commit the result).

const dir = path.resolve(__dirname, "../../templates");

describe("the packaged templates (templates/*.docx, manifest.json)", () => {
  let built: Map<string, Uint8Array>;
  let manifest: TemplateManifest;
  beforeAll(async () => {
    built = await buildPackagedTemplates(allDefinitions());
    manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as TemplateManifest;
  });

  it("are exactly what the code builds, byte for byte, with no stray .docx", () => {
    const committed = readdirSync(dir).filter((f) => f.endsWith(".docx") || f === "manifest.json").sort();
    expect(committed).toEqual([...built.keys()].sort());
    for (const [name, bytes] of built) {
      expect(Buffer.compare(readFileSync(path.join(dir, name)), Buffer.from(bytes)), `templates/${name}`).toBe(0);
    }
  });

  it("the manifest names every kind with a definition, its fields and the template's SHA-256", () => {
    expect(manifest.kinds.map((k) => k.kind)).toEqual(allDefinitions().map((d) => d.kind));
    for (const def of allDefinitions()) {
      const entry = manifest.kinds.find((k) => k.kind === def.kind)!;
      expect(entry.fields.map((f) => f.name)).toEqual(allFieldsOf(def).map((f) => f.name));
      expect(entry.label.zh).not.toBe(def.kind);
      expect(entry.file).toBe(`${def.kind}.docx`);
    }
  });

  it("every template holds every required placeholder of its manifest entry and no unknown one", async () => {
    for (const entry of manifest.kinds) {
      const found = new Set(await patchDetector({ data: readFileSync(path.join(dir, entry.file)) }));
      const known = new Set(entry.fields.map((f) => f.name));
      expect([...found].filter((n) => !known.has(n)), `${entry.kind}: unknown placeholders`).toEqual([]);
      expect(
        entry.fields.filter((f) => f.required && !found.has(f.name)).map((f) => f.name),
        `${entry.kind}: required placeholders missing`,
      ).toEqual([]);
    }
  });
});
