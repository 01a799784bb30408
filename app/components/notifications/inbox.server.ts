import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { beforeParam, markReadSchema } from "~/domain/notifications/schemas";
import type { NotificationReader } from "~/models/notification.server";
import { markAllRead, markRead, readInbox } from "~/models/notification.server";
import { readForm } from "~/utils/form.server";

// The server half of the notification inbox, shared by the staff area (/notifications) and the
// agency portal (/agency/notifications). Each route checks the permission and narrows its own
// scope first, then hands the reader here: every read and write is that user's own, within their
// procuratorate (app/models/notification.server.ts), so another user's notification answers 404.

/** The inbox's loader data: a page of the reader's notifications (?before= for older), the unread count, the role (links). */
export async function inboxLoader(request: Request, reader: NotificationReader & { role: string }) {
  const before = beforeParam(new URL(request.url).searchParams.get("before"));
  const page = await readInbox({ userId: reader.userId, procuratorateId: reader.procuratorateId }, before);
  return { ...page, role: reader.role };
}

/** Marks one notification (intent "read") or all of them ("readAll") read, then back to `path`; bad input 400. */
export async function inboxAction(request: Request, reader: NotificationReader, path: string) {
  const submission = parseWithZod(await readForm(request), { schema: markReadSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (submission.value.intent === "readAll") {
    await markAllRead(reader);
    return redirect(`${path}?readAll=1`);
  }
  await markRead(reader, submission.value.notificationId);
  return redirect(path);
}
