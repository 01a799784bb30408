// Recomputes every stored deadline (Deadline, DeadlineCase) from the case data: run by
// scripts/prepare-db.mjs when a database from before stored deadlines has none, and by hand with
// `npm run deadlines:refresh` after changing the packaged holiday data.
import { refreshAllDeadlines } from "~/models/deadline.server";
import { prisma } from "~/utils/db.server";

const n = await refreshAllDeadlines(prisma);
console.log(`Stored ${n} live deadline(s).`);
await prisma.$disconnect();
