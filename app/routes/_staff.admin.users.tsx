import { parseWithZod } from "@conform-to/zod/v4";
import { pageTitle, titleIn } from "~/components/case/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { InvitationFormDefaults } from "~/components/admin/invitation-form";
import { InvitationForm, OneTimeLink, PendingInvitations } from "~/components/admin/invitation-form";
import { answerInvitation, answerRevocation } from "~/components/admin/invitation-form.server";
import { ActionNotice } from "~/components/admin/notices";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import { userStatusChangeError } from "~/domain/admin/rules";
import { usersActionSchema } from "~/domain/admin/schemas";
import { invitationDefaultsFrom } from "~/domain/auth/invitation";
import { ROLES, roleSchema } from "~/domain/auth/roles";
import { shownRole } from "~/components/admin/user-role";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { agencyOptions } from "~/models/agency.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { panelistsWithoutAccount } from "~/models/panelist.server";
import { listUsers, setUserActive } from "~/models/user.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.users.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:read");
  const procuratorateId = staffScope(scope);
  const url = new URL(request.url);
  const roleFilter = roleSchema.safeParse(url.searchParams.get("role"));
  const [users, pending, agencies, panelists] = await Promise.all([
    listUsers(procuratorateId),
    listPendingInvitations(procuratorateId),
    agencyOptions(procuratorateId),
    panelistsWithoutAccount(procuratorateId),
  ]);
  return {
    me: actor.userId,
    inviterRole: actor.role,
    users: roleFilter.success ? users.filter((u) => u.role === roleFilter.data) : users,
    counts: Object.fromEntries(ROLES.map((r) => [r, users.filter((u) => u.role === r).length])) as Record<
      string,
      number
    >,
    total: users.length,
    pending,
    agencies,
    panelists,
    defaults: invitationDefaultsFrom(url.searchParams, { agencies, panelists }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:manage");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: usersActionSchema(actor.role) });
  if (submission.status !== "success") {
    return data({ intent: "invalid", result: submission.reply(), created: null, notice: null }, { status: 400 });
  }
  const input = submission.value;
  switch (input.intent) {
    case "invite":
      return answerInvitation(request, procuratorateId, actor, submission, input);
    case "revoke":
      return answerRevocation(procuratorateId, actor, submission, input.invitationId, { onlyOwn: false });
    case "deactivate":
    case "reactivate": {
      const refusal = userStatusChangeError(actor.userId, input.userId);
      if (refusal) {
        return data(
          { intent: input.intent, result: submission.reply({ formErrors: [refusal] }), created: null, notice: null },
          { status: 400 }
        );
      }
      const changed = await setUserActive(procuratorateId, actor.userId, input.userId, input.intent === "reactivate");
      if (!changed) notFound();
      return {
        intent: input.intent,
        result: submission.reply(),
        created: null,
        notice: input.intent === "deactivate" ? "admin.users.deactivated" : "admin.users.reactivated",
      };
    }
  }
}

export default function AdminUsers() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const activeRole = params.get("role");
  const inviteResult =
    actionData && (actionData.intent === "invite" || actionData.intent === "invalid") ? actionData.result : null;
  const statusError =
    actionData && actionData.intent !== "invite" && actionData.intent !== "invalid"
      ? actionData.result.error?.[""]
      : null;
  return (
    <>
      <PageHeader
        title={t("admin.users.title")}
        subtitle={t("admin.users.subtitle")}
        crumbs={[{ to: "/admin", label: t("nav.admin") }]}
        actions={
          <a className="button" href="#invite">
            {t("admin.invite.new")}
          </a>
        }
      />

      <ActionNotice notice={actionData?.notice ?? null} errors={statusError ?? null} />

      <Card title={t("admin.users.listTitle")}>
        <nav className="tabs" aria-label={t("admin.users.filterByRole")}>
          <Link to="?" className={activeRole ? "" : "active"}>
            {t("common.all")}（{data.total}）
          </Link>
          {ROLES.map((r) => (
            <Link key={r} to={`?role=${r}`} className={activeRole === r ? "active" : ""}>
              {r === "prosecutor" ? t("admin.users.prosecutorStaff") : t.label("role", r)}（{data.counts[r] ?? 0}）
            </Link>
          ))}
        </nav>
        {data.users.length === 0 ? (
          <EmptyState title={t("admin.users.none")} />
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th>{t("admin.users.name")}</th>
                  <th>{t("admin.users.username")}</th>
                  <th>{t("admin.users.role")}</th>
                  <th>{t("admin.users.post")}</th>
                  <th>{t("common.status")}</th>
                  <th>{t("admin.users.lastLogin")}</th>
                  <th>{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {data.users.map((u) => (
                  <tr key={u.id}>
                    <td data-label={t("admin.users.name")}>
                      <strong>{u.displayName}</strong>
                    </td>
                    <td data-label={t("admin.users.username")} className="mono">
                      {u.username}
                    </td>
                    <td data-label={t("admin.users.role")}>{shownRole(u, (r) => t.label("role", r))}</td>
                    <td data-label={t("admin.users.post")}>
                      {[
                        ...new Set([
                          // A prosecutor-role user's post already stands in the role column.
                          u.role === "prosecutor" ? null : u.post,
                          u.department,
                          u.agency?.name,
                          u.panelist ? t("admin.users.poolEntry", { name: u.panelist.name }) : null,
                        ]),
                      ]
                        .filter(Boolean)
                        .join(" · ") || "—"}
                    </td>
                    <td data-label={t("common.status")}>
                      {u.active ? (
                        <Badge tone="ok">{t("admin.users.active")}</Badge>
                      ) : (
                        <Badge tone="danger">{t("admin.users.inactive")}</Badge>
                      )}
                    </td>
                    <td data-label={t("admin.users.lastLogin")} className="nowrap">
                      {u.lastLoginAt ? (
                        formatDateTime(u.lastLoginAt, t.locale)
                      ) : (
                        <span className="muted">{t("admin.users.never")}</span>
                      )}
                    </td>
                    <td data-label={t("common.actions")}>
                      {u.id === data.me ? (
                        <span className="muted small">{t("admin.users.you")}</span>
                      ) : (
                        <Form
                          method="post"
                          onSubmit={(e) => {
                            if (
                              u.active &&
                              !window.confirm(t("admin.users.deactivateConfirm", { name: u.displayName }))
                            ) {
                              e.preventDefault();
                            }
                          }}
                        >
                          <input type="hidden" name="intent" value={u.active ? "deactivate" : "reactivate"} />
                          <input type="hidden" name="userId" value={u.id} />
                          <button type="submit" className="button button--secondary">
                            {u.active ? t("admin.users.deactivate") : t("admin.users.reactivate")}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <section id="invite">
        <Card title={t("admin.invite.new")}>
          <p className="muted">{t("admin.invite.intro")}</p>
          {actionData?.created ? <OneTimeLink {...actionData.created} /> : null}
          <InvitationForm
            inviterRole={data.inviterRole}
            agencies={data.agencies}
            panelists={data.panelists}
            lastResult={inviteResult}
            defaults={data.defaults satisfies InvitationFormDefaults}
          />
        </Card>
      </section>

      <section id="pending">
        <Card title={t("admin.invite.pendingTitle", { count: data.pending.length })}>
          <PendingInvitations invitations={data.pending} showInviter />
        </Card>
      </section>
    </>
  );
}
