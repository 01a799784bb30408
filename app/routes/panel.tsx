import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/layout/app-shell";
import { useT } from "~/i18n/react";
import { shellInfo } from "~/models/shell.server";
import { requirePermission } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The panel portal frame (听证员). Child routes check for themselves.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "panel:use");
  return { user: await shellInfo(auth) };
}

export default function PanelLayout() {
  const { user } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <AppShell
      area="area.panel"
      home="/panel"
      nav={[{ items: [{ to: "/panel", label: "nav.panel.hearings", end: true }, { to: "/panel/calendar", label: "nav.panel.calendar" }] }]}
      user={{ displayName: user.displayName, roleLabel: t.label("role", user.role), organisation: user.organisation }}
    >
      <Outlet />
    </AppShell>
  );
}
