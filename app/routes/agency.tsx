import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/layout/app-shell";
import { useT } from "~/i18n/react";
import { unreadCount } from "~/models/notification.server";
import { shellInfo } from "~/models/shell.server";
import { requirePermission } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The agency portal frame (行政机关联络人). Child routes check for themselves.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "agency:use");
  const [user, unread] = await Promise.all([shellInfo(auth), unreadCount(auth.actor.userId)]);
  return { user, unread };
}

export default function AgencyLayout() {
  const { user, unread } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <AppShell
      area="area.agency"
      home="/agency"
      nav={[{ items: [{ to: "/agency", label: "nav.agency.home" }] }]}
      user={{ displayName: user.displayName, roleLabel: t.label("role", user.role), organisation: user.organisation }}
      notifications={{ to: "/agency/notifications", unread }}
    >
      <Outlet />
    </AppShell>
  );
}
