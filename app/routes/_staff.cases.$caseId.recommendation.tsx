import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { RecommendationStatusBadge } from "~/components/recommendation/badges";
import { Card, Facts, Field, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { mayDraft, OBJECTION_DAYS_MAX, recommendationActionSchema, REPLY_PERIODS } from "~/domain/recommendation/schemas";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getCaseHeader } from "~/models/case-page.server";
import type { RecommendationView } from "~/models/recommendation.server";
import { applyRecommendationAction, listRecommendations, recommendationApprovalStates } from "~/models/recommendation.server";
import { actionError } from "~/utils/action-error.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The recommendation tab: the case's 检察建议 (规则 Art 75; 建议规定 Arts 16, 20) and the draft the
// prosecutor writes: facts, reasons, legal basis, numbered points (added, edited, moved up or down
// by plain form posts), reply and objection periods, cc list; then submitted for approval.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  const kase = await getCaseHeader(procuratorateId, caseId);
  const [recommendations, states] = await Promise.all([
    listRecommendations(procuratorateId, kase.id),
    recommendationApprovalStates(procuratorateId, kase.id),
  ]);
  const mayWrite = can(actor, "case:write");
  const open = recommendations.some((r) => r.status === "draft" || r.status === "pending_approval");
  return {
    caseId: kase.id,
    version: kase.version,
    recommendations,
    states,
    mayWrite,
    mayCreate: mayWrite && mayDraft(kase.state) && !open,
  };
}

/** One action for every form of the tab, told apart by the submit button's `intent`. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
  const submission = parseWithZod(await readForm(request), { schema: recommendationActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    await applyRecommendationAction(procuratorateId, actor.userId, caseId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  const done = submission.value.intent === "submit" ? "submitted" : "saved";
  return redirect(`/cases/${caseId}/recommendation?done=${done}`);
}

type Reply = SubmissionResult<string[]>;

/** The reply of the form that was posted (Conform echoes the fields back in `initialValue`). */
function replyOf(result: Reply | undefined, match: (v: Record<string, unknown>) => boolean): Reply | undefined {
  const v = result?.initialValue as Record<string, unknown> | undefined;
  return v && match(v) ? result : undefined;
}

export default function CaseRecommendationTab() {
  const { caseId, version, recommendations, states, mayWrite, mayCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const done = params.get("done");
  const result = actionData?.result;
  return (
    <div id="recommendations" className="case-section stack">
      {done === "saved" || done === "submitted" ? (
        <div className="notice notice--ok" role="status">
          {done === "submitted" ? t("casepage.rec.submitted") : t("casepage.rec.saved")}
        </div>
      ) : null}
      <Card title={t("cases.section.recommendations")}>
        {recommendations.length === 0 ? (
          <p className="muted">{t("cases.recommendations.none")}</p>
        ) : (
          <div className="stack">
            {recommendations.map((r) => {
              const state = states[r.id];
              const editable = mayWrite && !!state?.editable;
              return (
                <article key={r.id} className="subcard">
                  <RecommendationHead rec={r} />
                  {r.status === "pending_approval" && state?.decision === "pending" ? (
                    <div className="notice notice--warn" role="status">
                      {t("casepage.rec.awaiting")}{" "}
                      {state.approvalId ? <Link to={`/approvals/${state.approvalId}`}>{t("casepage.rec.openApproval")}</Link> : null}
                    </div>
                  ) : null}
                  {state?.decision === "rejected" && state.editable ? (
                    <div className="notice notice--warn notice--rejected" role="status">
                      {t("casepage.rec.rejected", { reason: state.comment ?? "" })}
                    </div>
                  ) : null}
                  {editable ? (
                    <DraftEditor
                      rec={r}
                      version={version}
                      result={replyOf(result, (v) => v.recommendationId === r.id)}
                    />
                  ) : (
                    <RecommendationBody rec={r} />
                  )}
                </article>
              );
            })}
          </div>
        )}
      </Card>
      {mayCreate ? (
        <Card title={t("casepage.rec.new")}>
          <DraftFieldsForm version={version} result={replyOf(result, (v) => v.intent === "create")} />
        </Card>
      ) : mayWrite && recommendations.length === 0 ? (
        <p className="muted small">{t("casepage.rec.draftStateHint")}</p>
      ) : null}
      <p className="small">
        <Link to={`/cases/${caseId}/service`}>{t("casepage.tab.service")}</Link>
      </p>
    </div>
  );
}

function RecommendationHead({ rec }: { rec: RecommendationView }) {
  const t = useT();
  return (
    <div className="subcard__head">
      <h3>
        <span className="mono">{rec.number ?? t("cases.recommendations.noNumber")}</span>
      </h3>
      <span className="actions">
        <RecommendationStatusBadge status={rec.status} />
        <span className="muted small">
          {t("cases.recommendations.period", { period: t.label("replyPeriod", rec.replyPeriod) })}
          {rec.issuedOn ? ` · ${t("cases.recommendations.issuedOn", { date: formatDate(rec.issuedOn, t.locale) })}` : ""}
        </span>
      </span>
    </div>
  );
}

/** The letter as written: facts, reasons, legal basis, periods, cc list, then the numbered points. */
function RecommendationBody({ rec }: { rec: RecommendationView }) {
  const t = useT();
  return (
    <>
      <Facts
        items={[
          [t("casepage.rec.facts"), rec.facts ? <span key="f" className="pre-line">{rec.facts}</span> : null],
          [t("casepage.rec.reasons"), rec.reasons ? <span key="r" className="pre-line">{rec.reasons}</span> : null],
          [t("casepage.rec.legalBasis"), rec.legalBasis ? <span key="l" className="pre-line">{rec.legalBasis}</span> : null],
          [t("casepage.rec.replyPeriod"), t.label("replyPeriod", rec.replyPeriod)],
          [t("casepage.rec.objectionDays"), rec.objectionDays ? t("casepage.rec.objectionDaysValue", { n: rec.objectionDays }) : null],
          [t("casepage.rec.ccList"), rec.ccList],
        ]}
      />
      <h4>{t("cases.recommendations.points")}</h4>
      {rec.points.length === 0 ? (
        <p className="muted">{t("cases.recommendations.noPoints")}</p>
      ) : (
        <ol className="points">
          {rec.points.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The editable draft: its fields, its points (each its own form), adding a point, and submitting. */
function DraftEditor({ rec, version, result }: { rec: RecommendationView; version: number; result?: Reply }) {
  const t = useT();
  // Errors of the point and submit forms that have no field of their own (409 read-only, guards).
  const other = replyOf(result, (v) => ["submit", "moveUp", "moveDown", "deletePoint", "editPoint"].includes(String(v.intent)));
  return (
    <div className="stack">
      <FormError errors={other?.error?.[""]} />
      <details open={!!replyOf(result, (v) => v.intent === "update")}>
        <summary>{t("casepage.rec.edit")}</summary>
        <DraftFieldsForm rec={rec} version={version} result={replyOf(result, (v) => v.intent === "update")} />
      </details>
      <h4>{t("cases.recommendations.points")}</h4>
      {rec.points.length === 0 ? <p className="muted">{t("cases.recommendations.noPoints")}</p> : null}
      <ol className="points points--edit">
        {rec.points.map((p, i) => {
          const mine = replyOf(result, (v) => v.pointId === p.id);
          const textErrors = mine?.error?.text;
          return (
            <li key={p.id}>
              <Form method="post" className="form point-form" aria-label={t("cases.recommendations.pointN", { n: p.ordinal })}>
                <input type="hidden" name="recommendationId" value={rec.id} />
                <input type="hidden" name="pointId" value={p.id} />
                <input type="hidden" name="version" value={version} />
                <textarea name="text" defaultValue={p.text} rows={2} maxLength={2000} aria-label={t("casepage.rec.pointText")} />
                {textErrors?.length ? (
                  <span className="error" role="alert">
                    {textErrors.map((e) => t.dynamic(e)).join(" ")}
                  </span>
                ) : null}
                <div className="actions">
                  <button type="submit" name="intent" value="editPoint" className="button button--secondary">
                    {t("casepage.rec.savePoint")}
                  </button>
                  <button type="submit" name="intent" value="moveUp" className="button button--secondary" disabled={i === 0}>
                    {t("casepage.rec.moveUp")}
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="moveDown"
                    className="button button--secondary"
                    disabled={i === rec.points.length - 1}
                  >
                    {t("casepage.rec.moveDown")}
                  </button>
                  <button type="submit" name="intent" value="deletePoint" className="button button--danger">
                    {t("casepage.rec.deletePoint")}
                  </button>
                </div>
              </Form>
            </li>
          );
        })}
      </ol>
      <AddPointForm recId={rec.id} version={version} result={replyOf(result, (v) => v.intent === "addPoint")} />
      <Form method="post" className="form">
        <input type="hidden" name="recommendationId" value={rec.id} />
        <input type="hidden" name="version" value={version} />
        <p className="muted small">{t("casepage.rec.submitHint")}</p>
        <div className="actions">
          <button type="submit" name="intent" value="submit" className="button">
            {t("casepage.rec.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

function AddPointForm({ recId, version, result }: { recId: string; version: number; result?: Reply }) {
  const t = useT();
  const [form, fields] = useForm({
    id: `add-point-${recId}`,
    lastResult: result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recommendationActionSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="addPoint" />
      <input type="hidden" name="recommendationId" value={recId} />
      <input type="hidden" name="version" value={version} />
      <FormError errors={form.errors} id={form.errorId} />
      <Field label={t("casepage.rec.addPoint")} htmlFor={fields.text.id} errors={fields.text.errors}>
        <textarea {...getTextareaProps(fields.text)} rows={2} maxLength={2000} />
      </Field>
      <div className="actions">
        <button type="submit" className="button button--secondary">
          {t("casepage.rec.addPoint")}
        </button>
      </div>
    </Form>
  );
}

/** Facts, reasons, legal basis, periods and cc list: creating the draft, or editing it. */
function DraftFieldsForm({ rec, version, result }: { rec?: RecommendationView; version: number; result?: Reply }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: rec ? `draft-${rec.id}` : "draft-new",
    lastResult: result,
    defaultValue: rec
      ? {
          facts: rec.facts,
          reasons: rec.reasons,
          legalBasis: rec.legalBasis,
          replyPeriod: rec.replyPeriod,
          objectionDays: rec.objectionDays ? String(rec.objectionDays) : "",
          ccList: rec.ccList ?? "",
        }
      : { replyPeriod: "two_months" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recommendationActionSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={rec ? "update" : "create"} />
      {rec ? <input type="hidden" name="recommendationId" value={rec.id} /> : null}
      <input type="hidden" name="version" value={version} />
      <FormError errors={form.errors} id={form.errorId} />
      <Field label={t("casepage.rec.facts")} htmlFor={fields.facts.id} errors={fields.facts.errors}>
        <textarea {...getTextareaProps(fields.facts)} rows={4} />
      </Field>
      <Field label={t("casepage.rec.reasons")} htmlFor={fields.reasons.id} errors={fields.reasons.errors}>
        <textarea {...getTextareaProps(fields.reasons)} rows={4} />
      </Field>
      <Field label={t("casepage.rec.legalBasis")} htmlFor={fields.legalBasis.id} errors={fields.legalBasis.errors}>
        <textarea {...getTextareaProps(fields.legalBasis)} rows={2} />
      </Field>
      <div className="grid grid-2">
        <Field
          label={t("casepage.rec.replyPeriod")}
          htmlFor={fields.replyPeriod.id}
          hint={t("casepage.rec.replyPeriodHint")}
          errors={fields.replyPeriod.errors}
        >
          <select {...getSelectProps(fields.replyPeriod)}>
            {REPLY_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t.label("replyPeriod", p)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("casepage.rec.objectionDays")}
          htmlFor={fields.objectionDays.id}
          hint={t("casepage.rec.objectionDaysHint")}
          errors={fields.objectionDays.errors}
        >
          <input {...getInputProps(fields.objectionDays, { type: "number" })} min={1} max={OBJECTION_DAYS_MAX} />
        </Field>
      </div>
      <Field label={t("casepage.rec.ccList")} htmlFor={fields.ccList.id} errors={fields.ccList.errors}>
        <input {...getInputProps(fields.ccList, { type: "text" })} maxLength={1000} />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {rec ? t("casepage.rec.update") : t("casepage.rec.create")}
        </button>
      </div>
    </Form>
  );
}
