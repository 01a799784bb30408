// npm run templates:build: writes templates/<kind>.docx for every document kind's definition and
// templates/manifest.json, in the GB/T 9704-2012 layout (app/documents/layout.server.ts). The files
// are reproducible byte for byte; they are committed so that a clerk can open them in Word or WPS.
//   npm run templates:build            write the files (and remove a .docx no kind has any more)
//   npm run templates:build -- --check exit 1 when a committed file differs from what the code builds
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { buildPackagedTemplates } from "~/documents/layout.server";
import { allDefinitions } from "~/domain/documents/definitions";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "templates");
const check = process.argv.includes("--check");

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

const files = await buildPackagedTemplates(allDefinitions());
const stale = readdirSync(dir).filter((f) => f.endsWith(".docx") && !files.has(f));
const differing: string[] = [];
for (const [name, bytes] of files) {
  let current: Uint8Array | null = null;
  try {
    current = readFileSync(path.join(dir, name));
  } catch {
    current = null;
  }
  if (current && same(current, bytes)) continue;
  differing.push(name);
  if (!check) writeFileSync(path.join(dir, name), bytes);
}
if (!check) for (const f of stale) unlinkSync(path.join(dir, f));

if (check) {
  const problems = [...differing.map((f) => `templates/${f} differs from the code`), ...stale.map((f) => `templates/${f} belongs to no kind`)];
  if (problems.length) {
    console.error(`${problems.join("\n")}\nRun npm run templates:build and commit the result.`);
    process.exit(1);
  }
  console.log(`templates/: ${files.size - 1} templates and manifest.json are up to date`);
} else {
  console.log(
    `templates/: ${files.size - 1} templates and manifest.json (${differing.length} written, ${stale.length} removed)`,
  );
}
