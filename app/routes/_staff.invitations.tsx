import { parseWithZod } from "@conform-to/zod/v4";
import { pageTitle } from "~/components/case/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { InvitationForm, OneTimeLink, PendingInvitations } from "~/components/admin/invitation-form";
import { answerInvitation, answerRevocation } from "~/components/admin/invitation-form.server";
import { ActionNotice } from "~/components/admin/notices";
import { Card, PageHeader } from "~/components/ui";
import { invitationsActionSchema } from "~/domain/admin/schemas";
import { invitationDefaultsFrom } from "~/domain/auth/invitation";
import { useT } from "~/i18n/react";
import { agencyOptions } from "~/models/agency.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { panelistsWithoutAccount } from "~/models/panelist.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.invitations.title");

// A prosecutor (or an administrator) invites the outside people a case needs; each sees and may
// revoke only the invitations they sent. The administrator's full view is /admin/users.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "invitation:create");
  const procuratorateId = staffScope(scope);
  const [pending, agencies, panelists] = await Promise.all([
    listPendingInvitations(procuratorateId, { invitedById: actor.userId }),
    agencyOptions(procuratorateId),
    panelistsWithoutAccount(procuratorateId),
  ]);
  return {
    inviterRole: actor.role,
    pending,
    agencies,
    panelists,
    defaults: invitationDefaultsFrom(new URL(request.url).searchParams, { agencies, panelists }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "invitation:create");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: invitationsActionSchema(actor.role) });
  if (submission.status !== "success") {
    return data({ intent: "invalid", result: submission.reply(), created: null, notice: null }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === "revoke") {
    return answerRevocation(procuratorateId, actor, submission, input.invitationId, { onlyOwn: true });
  }
  return answerInvitation(request, procuratorateId, actor, submission, input);
}

export default function Invitations() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const inviteResult = actionData && actionData.intent !== "revoke" ? actionData.result : null;
  return (
    <>
      <PageHeader title={t("admin.invitations.title")} subtitle={t("admin.invitations.subtitle")} />
      <ActionNotice notice={actionData?.notice ?? null} />
      <Card title={t("admin.invite.new")}>
        <p className="muted">{t("admin.invitations.intro")}</p>
        {actionData?.created ? <OneTimeLink {...actionData.created} /> : null}
        <InvitationForm
          inviterRole={data.inviterRole}
          agencies={data.agencies}
          panelists={data.panelists}
          lastResult={inviteResult}
          defaults={data.defaults}
        />
      </Card>
      <section id="pending">
        <Card title={t("admin.invitations.mine", { count: data.pending.length })}>
          <PendingInvitations invitations={data.pending} showInviter={false} />
        </Card>
      </section>
    </>
  );
}
