import type { Expectations, ParamContext, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { procuratorates, someUser, tag } from "#tests/authz/write-fixtures";

// Authorization matrix entries of the notifications (issue 11 §7): the reader's own list in the
// staff area and in the agency portal, and the administrator's reminder settings.

/** A notification of `userId` in `procuratorateId`. */
async function newNotification(ctx: ParamContext, procuratorateId: string, userId: string) {
  return ctx.db.notification.create({
    data: { userId, procuratorateId, kind: "due_soon", params: "{}", dedupeKey: `matrix:${tag()}` },
    select: { id: true },
  });
}

/** Marking read: one's own (the control) changes; another user's (another procuratorate's) answers 404. */
const markReadRow = (as: "prosecutor" | "agency"): WriteRow => ({
  name: "mark a notification read",
  as,
  targets: async (ctx) => {
    const p = await procuratorates(ctx.db);
    const target = async (procuratorateId: string, userId: string) => {
      const n = await newNotification(ctx, procuratorateId, userId);
      return {
        form: { intent: "read", notificationId: n.id },
        state: () => ctx.db.notification.findUniqueOrThrow({ where: { id: n.id }, select: { readAt: true } }),
      };
    };
    return {
      inScope: await target(p.inScope, ctx.userId!),
      outOfScope: await target(p.outOfScope, await someUser(ctx.db, p.outOfScope, as)),
    };
  },
});

export const expectations: Expectations = {
  "routes/_staff.notifications": {
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400, approver: 400 }),
    writes: [markReadRow("prosecutor")],
  },
  "routes/agency.notifications": {
    loader: only({ agency: 200 }),
    action: only({ agency: 400 }),
    writes: [markReadRow("agency")],
  },
  "routes/_staff.admin.notifications": {
    loader: only({ admin: 200 }),
    action: only({ admin: 400 }),
    writes: { none: "saves the actor's own procuratorate's reminder settings (no id in the form); the test e-mail writes nothing" },
  },
};
