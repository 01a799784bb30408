import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { inboxAction, inboxLoader } from "~/components/notifications/inbox.server";
import { InboxPage } from "~/components/notifications/inbox-page";
import { agencyScope, requirePermission } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

// The liaison's own notifications (issue 11 §7): deadline reminders, linked only to portal pages.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "notification:use");
  return inboxLoader(request, { userId: actor.userId, procuratorateId: agencyScope(scope).procuratorateId, role: actor.role });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "notification:use");
  return inboxAction(request, { userId: actor.userId, procuratorateId: agencyScope(scope).procuratorateId }, "/agency/notifications");
}

export default function AgencyNotifications() {
  return <InboxPage {...useLoaderData<typeof loader>()} />;
}
