import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AnswerStatusBadge, ReplyStatusBadge } from "~/components/recommendation/badges";
import { AssessmentOutcomeBadge, AssessPointForm, FollowUpVisitForm, ReopenForm, replyOf } from "~/components/recommendation/assessment-forms";
import { EscalationGate } from "~/components/recommendation/escalation-gate";
import { Card } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { assessmentFormSchema } from "~/domain/recommendation/assessment-rules";
import { escalationSchema } from "~/domain/recommendation/escalation";
import { followUpVisitSchema } from "~/domain/recommendation/follow-up-visit";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { assessPoint, getAssessmentPage, reopenAssessment } from "~/models/assessment.server";
import { getEscalation, takeEscalation } from "~/models/escalation.server";
import { getFollowUpVisits, recordFollowUpVisit } from "~/models/follow-up-visit.server";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The assessment tab (跟进调查, 规则 Art 77): each point of the agency's submitted reply assessed
// (rectified, partly, on paper only, not rectified), reopened with a reason, and the follow-up visits.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  const page = await getAssessmentPage(procuratorateId, caseId);
  const [visits, escalation] = await Promise.all([getFollowUpVisits(procuratorateId, caseId), getEscalation(procuratorateId, caseId)]);
  return { ...page, ...visits, escalation, mayWrite: can(actor, "case:write"), today: dateInShanghai() };
}

/** Assesses a point, reopens an assessment, or records a follow-up visit. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
  const form = await readForm(request);
  if (form.get("intent") === "escalate") {
    const submission = parseWithZod(form, { schema: escalationSchema });
    if (submission.status !== "success") return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
    let outcome: Awaited<ReturnType<typeof takeEscalation>>;
    try {
      outcome = await takeEscalation(procuratorateId, actor.userId, caseId, submission.value);
    } catch (error) {
      return actionError(error, submission);
    }
    return redirect(`/cases/${caseId}?done=${outcome.outcome}`);
  }
  if (form.get("intent") === "visit") {
    const submission = parseWithZod(form, { schema: followUpVisitSchema });
    if (submission.status !== "success") return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
    try {
      await recordFollowUpVisit(procuratorateId, actor.userId, caseId, submission.value);
    } catch (error) {
      return actionError(error, submission);
    }
    return redirect(`/cases/${caseId}/assessment?saved=visit`);
  }
  const submission = parseWithZod(form, { schema: assessmentFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  try {
    if (submission.value.intent === "assess") await assessPoint(procuratorateId, actor.userId, caseId, submission.value);
    else await reopenAssessment(procuratorateId, actor.userId, caseId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`/cases/${caseId}/assessment?saved=${submission.value.intent}`);
}

export default function CaseAssessmentTab() {
  const { id, recommendations, visits, evidence, pool, mayVisit, mayWrite, today, escalation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData?.result as SubmissionResult<string[]> | undefined;
  const [params] = useSearchParams();
  const t = useT();
  const saved = params.get("saved");
  return (
    <div id="assessment" className="case-section stack">
      {saved === "assess" || saved === "reopen" || saved === "visit" ? (
        <div className="notice notice--ok" role="status">
          {t(`agencyAssess.saved.${saved}`)}
        </div>
      ) : null}
      <EscalationGate caseId={id} data={escalation} mayWrite={mayWrite} lastResult={replyOf(lastResult, { intent: "escalate" })} />
      {recommendations.length === 0 ? (
        <Card title={t("agencyAssess.title")}>
          <p className="muted">{t("agencyAssess.noServed")}</p>
        </Card>
      ) : null}
      {recommendations.map((r) => (
        <Card key={r.id} title={`${t("agencyAssess.title")} · ${r.number ?? t("cases.recommendations.noNumber")}`}>
          {r.reply ? (
            <p>
              <strong>{r.reply.agency.name}</strong> <ReplyStatusBadge status={r.reply.status} />{" "}
              <span className="muted small">
                {r.reply.receiptNumber ?? ""} {r.reply.submittedAt ? formatDateTime(r.reply.submittedAt, t.locale) : ""}
                {r.reply.late ? ` · ${t("agencyAssess.late")}` : ""}
              </span>
            </p>
          ) : (
            <p className="notice notice--warn">{t("agencyAssess.noReply")}</p>
          )}
          <ol className="stack plain-list">
            {r.points.map((p) => (
              <li key={p.id} className="subcard" id={`point-${p.ordinal}`}>
                <h3>{t("cases.recommendations.pointN", { n: p.ordinal })}</h3>
                <p className="muted small pre-line">{p.text}</p>
                {p.answer ? (
                  <p>
                    {t("agencyAssess.answer")} <AnswerStatusBadge status={p.answer.status} /> <span className="pre-line">{p.answer.text}</span>
                  </p>
                ) : null}
                {p.current ? (
                  <div className="assessment-current">
                    <p>
                      {t("agencyAssess.current")} <AssessmentOutcomeBadge outcome={p.current.outcome} />{" "}
                      <span className="muted small">
                        {p.current.assessedBy.displayName} · {formatDateTime(p.current.assessedAt, t.locale)}
                      </span>
                    </p>
                    <p className="pre-line">{p.current.findings}</p>
                    {mayWrite ? (
                      <ReopenForm
                        assessmentId={p.current.id}
                        ordinal={p.ordinal}
                        lastResult={replyOf(lastResult, { intent: "reopen", assessmentId: p.current.id })}
                      />
                    ) : null}
                  </div>
                ) : mayWrite && r.reply ? (
                  <AssessPointForm pointId={p.id} ordinal={p.ordinal} lastResult={replyOf(lastResult, { intent: "assess", pointId: p.id })} />
                ) : null}
                {p.history.some((h) => h.reopenedAt) ? (
                  <details>
                    <summary>{t("agencyAssess.history")}</summary>
                    <ul className="plain-list small">
                      {p.history
                        .filter((h) => h.reopenedAt)
                        .map((h) => (
                          <li key={h.id}>
                            <AssessmentOutcomeBadge outcome={h.outcome} /> {h.assessedBy.displayName} · {formatDateTime(h.assessedAt, t.locale)} —{" "}
                            {t("agencyAssess.reopenedBy", {
                              name: h.reopenedBy?.displayName ?? "",
                              at: h.reopenedAt ? formatDateTime(h.reopenedAt, t.locale) : "",
                              reason: h.reopenReason ?? "",
                            })}
                          </li>
                        ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      ))}

      <Card title={t("agencyAssess.visit.title")}>
        {visits.length === 0 ? <p className="muted">{t("agencyAssess.visit.none")}</p> : null}
        <ul className="stack plain-list">
          {visits.map((v) => (
            <li key={v.id} className="subcard">
              <h3>
                {formatDate(v.visitedOn, t.locale)} · {v.place}
              </h3>
              <p className="pre-line">{v.findings}</p>
              {v.evidence.length ? (
                <p className="small">
                  {t("agencyAssess.visit.evidence")}:{" "}
                  {v.evidence.map(({ evidence: e }) => (
                    <Link key={e.id} to={`/cases/${id}/evidence/${e.id}`} className="tag">
                      {e.ordinal}. {e.title}
                    </Link>
                  ))}
                </p>
              ) : null}
              {v.observers.length ? (
                <p className="small">
                  {t("agencyAssess.visit.observers")}: {v.observers.map((o) => `${o.panelist.name}（${t.label("panelistCategory", o.panelist.category)}）`).join("、")}
                </p>
              ) : null}
              <p className="muted small">{v.createdBy.displayName}</p>
            </li>
          ))}
        </ul>
        {mayWrite && mayVisit ? (
          <>
            <h3>{t("agencyAssess.visit.new")}</h3>
            <p className="muted small">
              {t("agencyAssess.visit.evidenceHint")} <Link to={`/cases/${id}/evidence/new`}>{t("agencyAssess.visit.addEvidence")}</Link>
            </p>
            <FollowUpVisitForm
              today={today}
              evidence={evidence.map((e) => ({ id: e.id, label: `${e.ordinal}. ${e.title}` }))}
              pool={pool.map((p) => ({ id: p.id, label: `${p.name}（${t.label("panelistCategory", p.category)}）` }))}
              lastResult={replyOf(lastResult, { intent: "visit" })}
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}
