import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { OneTimeLink } from "~/components/admin/invitation-form";
import { Card, Field, FormError } from "~/components/ui";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { serviceActionSchema } from "~/domain/recommendation/service-schemas";
import { SERVICE_METHODS } from "~/domain/recommendation/states";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { createInvitation, invitationLink } from "~/models/invitation.server";
import { caseReplyAttachments } from "~/models/reply.server";
import { recordRecommendationService, servableRecommendations } from "~/models/service.server";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Recording the service (送达) of an approved recommendation (规则 Art 76; 民诉法 Arts 87–89); the
// service date starts the reply clock (两高解释 Art 21). When the agency has no liaison yet, the
// success state offers the invitation link. The 送达回证 itself is a document (documents tab).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "service:record");
  const [servable, attachments] = await Promise.all([
    servableRecommendations(procuratorateId, caseId),
    caseReplyAttachments(procuratorateId, caseId),
  ]);
  return { caseId, today: dateInShanghai(), ...servable, attachments };
}

type Served = { agencyId: string; agencyName: string; hasLiaison: boolean; dueOn: string | null };
type Invited = { link: string; displayName: string; role: string; expiresAt: string };
type ActionData = { result: SubmissionResult<string[]>; served?: Served | null; invited?: Invited | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "service:record");
  const submission = parseWithZod(await readForm(request), { schema: serviceActionSchema(dateInShanghai()) });
  if (submission.status !== "success") return data<ActionData>({ result: submission.reply() }, { status: 400 });
  const input = submission.value;
  try {
    if (input.intent === "inviteLiaison") {
      // Only for the agency of this case (scoped); createInvitation checks the procuratorate.
      const { agency } = await servableRecommendations(procuratorateId, caseId);
      if (!agency || agency.id !== input.agencyId) notFound();
      const created = await createInvitation(procuratorateId, actor, {
        role: "agency",
        displayName: input.displayName,
        agencyId: agency.id,
        expiresInDays: 7,
      });
      if (!created.ok) {
        return data<ActionData>({ result: submission.reply({ fieldErrors: { [created.field]: [created.message] } }) }, { status: 400 });
      }
      return data<ActionData>({
        result: submission.reply({ resetForm: true }),
        invited: { link: invitationLink(request, created.token), displayName: created.displayName, role: created.role, expiresAt: created.expiresAt.toISOString() },
      });
    }
    const served = await recordRecommendationService(procuratorateId, actor.userId, caseId, input);
    return data<ActionData>({ result: submission.reply({ resetForm: true }), served });
  } catch (error) {
    return actionError(error, submission);
  }
}

export default function ServeRecommendation() {
  const { caseId, today, agency, recommendations, attachments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const served = actionData?.served ?? null;
  return (
    <div className="stack">
      {served ? (
        <div className="notice notice--ok" role="status" data-testid="service-recorded">
          <p>
            {served.dueOn
              ? t("agencyReply.service.done", { agency: served.agencyName, dueOn: formatDate(served.dueOn, t.locale) })
              : t("agencyReply.service.doneNoDue", { agency: served.agencyName })}
          </p>
          {!served.hasLiaison ? <InviteLiaison agencyId={served.agencyId} agencyName={served.agencyName} /> : null}
        </div>
      ) : null}
      {actionData?.invited ? <OneTimeLink {...actionData.invited} /> : null}
      <div className="case-section">
        <Card title={t("agencyReply.service.title")}>
          <p className="muted">{t("agencyReply.service.intro")}</p>
          {!agency ? (
            <p className="muted">{t("agencyReply.service.noAgency")}</p>
          ) : recommendations.length === 0 ? (
            <p className="muted">{t("agencyReply.service.none")}</p>
          ) : (
            <ServiceForm
              today={today}
              agencyName={agency.name}
              recommendations={recommendations}
              lastResult={actionData?.served || actionData?.invited ? null : actionData?.result}
            />
          )}
          <p className="muted small">
            {t("agencyReply.service.documentsHint")} <Link to={`/cases/${caseId}/documents`}>{t("agencyReply.service.documentsLink")}</Link>
          </p>
        </Card>
      </div>
      {attachments.length ? (
        <div className="case-section">
          <Card title={t("agencyReply.files.title")}>
            <ul className="plain-list">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/reply-files/${a.id}`}>{a.originalName}</a>
                  {a.takenAt || a.place ? <span className="muted small"> · {[a.takenAt, a.place].filter(Boolean).join(" · ")}</span> : null}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      ) : null}
    </div>
  );
}

function ServiceForm({
  today,
  agencyName,
  recommendations,
  lastResult,
}: {
  today: string;
  agencyName: string;
  recommendations: { id: string; number: string | null }[];
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const schema = useMemo(() => serviceActionSchema(today), [today]);
  const [form, fields] = useForm({
    id: "service-form",
    lastResult,
    defaultValue: { intent: "serve", recommendationId: recommendations[0]?.id ?? "", servedOn: today, recipient: agencyName, method: "direct" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // Conform's field map is typed by the union; the serve branch's fields are read by name.
  const f = fields as unknown as Record<string, Parameters<typeof getInputProps>[0]>;
  const text = (name: string, label: string, hint?: string) => (
    <Field label={label} htmlFor={f[name]!.id} errors={f[name]!.errors} hint={hint}>
      <input {...getInputProps(f[name]!, { type: "text" })} key={f[name]!.key} autoComplete="off" />
    </Field>
  );
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="serve" />
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid grid-2">
        <Field label={t("agencyReply.service.recommendation")} htmlFor={f.recommendationId!.id} errors={f.recommendationId!.errors}>
          <select {...getSelectProps(f.recommendationId as never)} key={f.recommendationId!.key}>
            {recommendations.map((r) => (
              <option key={r.id} value={r.id}>
                {r.number ?? r.id}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("agencyReply.service.agency")} htmlFor="service-agency">
          <input id="service-agency" type="text" value={agencyName} readOnly />
        </Field>
        <Field label={t("agencyReply.service.method")} htmlFor={f.method!.id} errors={f.method!.errors}>
          <select {...getSelectProps(f.method as never)} key={f.method!.key}>
            {SERVICE_METHODS.map((m) => (
              <option key={m} value={m}>
                {t.label("serviceMethod", m)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("agencyReply.service.servedOn")} htmlFor={f.servedOn!.id} errors={f.servedOn!.errors}>
          <input {...getInputProps(f.servedOn!, { type: "date" })} key={f.servedOn!.key} max={today} />
        </Field>
        {text("place", t("agencyReply.service.place"))}
        {text("recipient", t("agencyReply.service.recipient"))}
        {text("signedBy", t("agencyReply.service.signedBy"))}
        {text("serverName", t("agencyReply.service.serverName"))}
        {text("refusalReason", t("agencyReply.service.refusalReason"), t("agencyReply.service.leavingHint"))}
        {text("witness", t("agencyReply.service.witness"))}
      </div>
      <Field label={t("agencyReply.service.attendees")} htmlFor={f.attendees!.id} errors={f.attendees!.errors} hint={t("agencyReply.service.attendeesHint")}>
        <textarea {...getTextareaProps(f.attendees as never)} key={f.attendees!.key} rows={2} />
      </Field>
      <Field label={t("agencyReply.service.note")} htmlFor={f.note!.id} errors={f.note!.errors}>
        <textarea {...getTextareaProps(f.note as never)} key={f.note!.key} rows={2} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t("agencyReply.service.submit")}
        </button>
      </div>
    </Form>
  );
}

function InviteLiaison({ agencyId, agencyName }: { agencyId: string; agencyName: string }) {
  const t = useT();
  return (
    <Form method="post" className="form" data-testid="invite-liaison">
      <p>{t("agencyReply.service.noLiaison", { agency: agencyName })}</p>
      <input type="hidden" name="intent" value="inviteLiaison" />
      <input type="hidden" name="agencyId" value={agencyId} />
      <Field label={t("agencyReply.service.liaisonName")} htmlFor="liaison-name">
        <input id="liaison-name" name="displayName" type="text" required autoComplete="off" />
      </Field>
      <button type="submit" className="button">
        {t("agencyReply.service.invite")}
      </button>
    </Form>
  );
}
