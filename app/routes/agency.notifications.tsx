import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { NotificationList } from "~/components/notifications/notification-list";
import { PageHeader } from "~/components/ui";
import { beforeParam, markReadSchema } from "~/domain/notifications/schemas";
import { useT } from "~/i18n/react";
import { listNotifications, markAllRead, markRead, unreadCount } from "~/models/notification.server";
import { agencyScope, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

// The liaison's own notifications (links only to portal pages) (issue 11 §7): deadline reminders and replies that arrived.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "notification:use");
  const me = { userId: actor.userId, procuratorateId: agencyScope(scope).procuratorateId };
  const [page, unread] = await Promise.all([
    listNotifications(me, { before: beforeParam(new URL(request.url).searchParams.get("before")) }),
    unreadCount(actor.userId),
  ]);
  return { ...page, unread, role: actor.role };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "notification:use");
  const me = { userId: actor.userId, procuratorateId: agencyScope(scope).procuratorateId };
  const submission = parseWithZod(await readForm(request), { schema: markReadSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (submission.value.intent === "readAll") {
    await markAllRead(me);
    return redirect("/agency/notifications?readAll=1");
  }
  await markRead(me, submission.value.notificationId);
  return redirect("/agency/notifications");
}

export default function AgencyNotifications() {
  const { rows, more, unread, role } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("notifications.title")} subtitle={t("notifications.subtitle")} />
      <NotificationList rows={rows} more={more} unread={unread} role={role} />
    </>
  );
}
