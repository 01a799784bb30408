// Registers the packaged templates (templates/<kind>.docx, listed in templates/manifest.json) as the
// shared template versions: run by scripts/prepare-db.mjs before the server starts (npm start,
// npm run dev, npm run serve, the e2e server) when a packaged file is not registered yet, by the
// tests' template database setup, and by hand with `npm run templates:register`. Idempotent.
import { registerPackagedTemplates } from "~/models/template.server";
import { prisma } from "~/utils/db.server";

const result = await registerPackagedTemplates();
for (const r of result.registered) console.log(`Template ${r.kind}: version ${r.version} registered (${r.sha256.slice(0, 12)}).`);
for (const s of result.skipped) console.warn(`Template ${s.entry} not registered: ${s.reason}.`);
for (const r of result.reactivated) console.log(`Template ${r.kind}: version ${r.version} active again (${r.sha256.slice(0, 12)}).`);
console.log(`Templates: ${result.registered.length} new version(s), ${result.reactivated.length} active again, ${result.unchanged.length} unchanged.`);
await prisma.$disconnect();
