import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import type { NavGroup } from "~/components/layout/app-shell";
import { AppShell } from "~/components/layout/app-shell";
import { can } from "~/domain/auth/policy";
import { HOME_BY_ROLE } from "~/domain/auth/roles";
import { useT } from "~/i18n/react";
import { unreadCount } from "~/models/notification.server";
import { myOverdueCount, pendingApprovalCount, shellInfo } from "~/models/shell.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The staff frame. Its check only decides the frame; every child route checks for itself.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "staff:area");
  const [user, pending, overdue, unread] = await Promise.all([
    shellInfo(auth),
    can(auth.actor, "approval:queue") ? pendingApprovalCount(staffScope(auth.scope)) : Promise.resolve(0),
    // The prosecutor's overdue items, from the stored deadlines (one indexed count).
    can(auth.actor, "work:read") ? myOverdueCount(auth.scope.procuratorateId, auth.actor.userId) : Promise.resolve(0),
    // Unread notifications: one bounded count on the reader's index (no deadline is computed here).
    can(auth.actor, "notification:use") ? unreadCount(auth.actor.userId) : Promise.resolve(null),
  ]);
  return { user, pending, overdue, unread };
}

function navFor(role: string, pending: number, overdue: number): NavGroup[] {
  if (role === "admin") {
    return [
      {
        title: "nav.admin",
        items: [
          { to: "/admin", label: "nav.admin.overview", end: true },
          { to: "/admin/profile", label: "nav.admin.profile" },
          { to: "/admin/users", label: "nav.admin.users" },
          { to: "/admin/agencies", label: "nav.admin.agencies" },
          { to: "/admin/panelists", label: "nav.admin.panelists" },
          { to: "/admin/templates", label: "nav.admin.templates" },
          { to: "/admin/holidays", label: "nav.admin.holidays" },
          { to: "/admin/numbering", label: "nav.admin.numbering" },
          { to: "/admin/notifications", label: "nav.admin.notifications" },
          { to: "/admin/audit", label: "nav.admin.audit" },
        ],
      },
    ];
  }
  return [
    {
      items: [
        ...(role === "prosecutor" ? [{ to: "/work", label: "nav.work", count: overdue, countLabel: "nav.work.overdue" } as const] : []),
        { to: "/cases", label: "nav.cases" },
        { to: "/clues", label: "nav.clues" },
        { to: "/search", label: "nav.search" },
        { to: "/series", label: "nav.series" },
        { to: "/hearings", label: "nav.hearings" },
        { to: "/calendar", label: "nav.calendar" },
        { to: "/deadlines", label: "nav.deadlines" },
        { to: "/approvals", label: "nav.approvals", count: pending },
        // Prosecutors invite the panelists and agency liaisons their cases need (invitation:create).
        ...(role === "prosecutor" ? [{ to: "/invitations", label: "nav.invitations" } as const] : []),
      ],
    },
  ];
}

export default function StaffLayout() {
  const { user, pending, overdue, unread } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <AppShell
      area={user.role === "admin" ? "area.admin" : "area.staff"}
      home={HOME_BY_ROLE[user.role]}
      nav={navFor(user.role, pending, overdue)}
      user={{ displayName: user.displayName, roleLabel: t.label("role", user.role), organisation: user.organisation }}
      notifications={unread === null ? undefined : { to: "/notifications", unread }}
    >
      <Outlet />
    </AppShell>
  );
}
