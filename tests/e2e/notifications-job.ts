// Run by tests/e2e/notifications-support.ts in a child process with DATA_DIR set to the e2e
// server's folder: stores the given case's deadlines and runs the reminders job once, printing
// its report as JSON on the last line.
import { refreshCaseDeadlines } from "~/models/deadline.server";
import { produceReminders } from "~/models/notification.server";
import { prisma } from "~/utils/db.server";

const caseId = process.argv[2];
if (!caseId) throw new Error("usage: notifications-job.ts <caseId>");
const found = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { procuratorateId: true } });
await prisma.$transaction((tx) => refreshCaseDeadlines(tx, found.procuratorateId, caseId));
const report = await produceReminders(prisma);
console.log(JSON.stringify(report));
await prisma.$disconnect();
