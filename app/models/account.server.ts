import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";

/** Records that a signed-in user signed out (the session itself is revoked by destroySession). */
export async function recordLogout(actor: { userId: string; procuratorateId: string }) {
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      procuratorateId: actor.procuratorateId,
      actorId: actor.userId,
      action: "user.logout",
      entityType: "User",
      entityId: actor.userId,
    }),
  );
}
