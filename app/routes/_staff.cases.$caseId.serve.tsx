import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { OneTimeLink } from "~/components/admin/invitation-form";
import { ServiceForm } from "~/components/recommendation/service-form";
import { Card, Field } from "~/components/ui";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { serviceActionSchema } from "~/domain/recommendation/service-schemas";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { createInvitation, invitationLink } from "~/models/invitation.server";
import { caseReplyAttachments } from "~/models/reply.server";
import { recordDocumentService, recordRecommendationService, servableDocuments, servableRecommendations } from "~/models/service.server";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Recording the service (送达) of an approved recommendation (规则 Art 76; 民诉法 Arts 87–89), whose
// service date starts the reply clock (两高解释 Art 21), or of another issued document addressed to
// the agency (立案决定书, 事实确认书, 终结案件决定书 …). Either releases the document served to the
// agency. When the agency has no liaison yet, the success state offers the invitation link. The
// 送达回证 itself is a document (documents tab).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "service:record");
  const [servable, documents, attachments] = await Promise.all([
    servableRecommendations(procuratorateId, caseId),
    servableDocuments(procuratorateId, caseId),
    caseReplyAttachments(procuratorateId, caseId),
  ]);
  return { caseId, today: dateInShanghai(), ...servable, documents, attachments };
}

type Served = {
  agencyId: string;
  agencyName: string;
  hasLiaison: boolean;
  dueOn: string | null;
  /** The document served and now released to the agency, if any. */
  document: { id: string; title: string } | null;
  /** Which form recorded it. */
  intent: "serve" | "serveDocument";
};
type Invited = { link: string; displayName: string; role: string; expiresAt: string };
type ActionData = { result: SubmissionResult<string[]>; intent?: string; served?: Served | null; invited?: Invited | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "service:record");
  const submission = parseWithZod(await readForm(request), { schema: serviceActionSchema(dateInShanghai()) });
  if (submission.status !== "success") {
    return data<ActionData>({ result: submission.reply(), intent: String(submission.payload.intent ?? "") }, { status: 400 });
  }
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
    if (input.intent === "serveDocument") {
      const out = await recordDocumentService(procuratorateId, actor.userId, caseId, input);
      const served: Served = { ...out, dueOn: null, document: { id: out.documentId, title: out.title }, intent: input.intent };
      return data<ActionData>({ result: submission.reply({ resetForm: true }), intent: input.intent, served });
    }
    const out = await recordRecommendationService(procuratorateId, actor.userId, caseId, input);
    return data<ActionData>({ result: submission.reply({ resetForm: true }), intent: input.intent, served: { ...out, intent: input.intent } });
  } catch (error) {
    // The one mapper, plus which form the refusal belongs to.
    const refused = actionError(error, submission);
    return data<ActionData>({ ...refused.data, intent: input.intent }, refused.init ?? undefined);
  }
}

export default function ServeRecommendation() {
  const { caseId, today, agency, recommendations, documents, attachments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const served = actionData?.served ?? null;
  // A form gets the action's result only when it sent it (two forms share the page).
  const resultFor = (intent: string) => (actionData?.served || actionData?.invited || actionData?.intent !== intent ? null : actionData?.result);
  return (
    <div className="stack">
      {served ? (
        <div className="notice notice--ok" role="status" data-testid="service-recorded">
          <p>
            {served.intent === "serveDocument" && served.document
              ? t("agencyReply.service.documentDone", { title: served.document.title, agency: served.agencyName })
              : served.dueOn
                ? t("agencyReply.service.done", { agency: served.agencyName, dueOn: formatDate(served.dueOn, t.locale) })
                : t("agencyReply.service.doneNoDue", { agency: served.agencyName })}
          </p>
          {served.intent === "serve" ? (
            <p className="small">
              {served.document ? (
                <>
                  {t("agencyReply.service.letterReleased", { agency: served.agencyName })}{" "}
                  <a href={`/documents/${served.document.id}`}>{served.document.title}</a>
                </>
              ) : (
                t("agencyReply.service.noLetter")
              )}
            </p>
          ) : null}
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
              id="service-form"
              title={t("agencyReply.service.title")}
              today={today}
              agencyName={agency.name}
              target={{
                intent: "serve",
                name: "recommendationId",
                label: t("agencyReply.service.recommendation"),
                options: recommendations.map((r) => ({ value: r.id, label: r.number ?? r.id })),
              }}
              lastResult={resultFor("serve")}
            />
          )}
          <p className="muted small">
            {t("agencyReply.service.documentsHint")} <Link to={`/cases/${caseId}/documents`}>{t("agencyReply.service.documentsLink")}</Link>
          </p>
        </Card>
      </div>
      <div className="case-section" id="serve-documents">
        <Card title={t("agencyReply.service.documentTitle")}>
          <p className="muted">{t("agencyReply.service.documentIntro")}</p>
          {documents.length === 0 ? (
            <p className="muted">{t("agencyReply.service.documentsNone")}</p>
          ) : (
            <ServiceForm
              id="document-service-form"
              title={t("agencyReply.service.documentTitle")}
              today={today}
              agencyName={documents[0]?.agencyName ?? agency?.name ?? ""}
              target={{
                intent: "serveDocument",
                name: "documentId",
                label: t("agencyReply.service.document"),
                options: documents.map((d) => ({
                  value: d.id,
                  label: `${t.label("documentKind", d.kind)} · ${d.number ?? t("documents.unnumbered")} · ${d.title}`,
                })),
              }}
              lastResult={resultFor("serveDocument")}
            />
          )}
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
