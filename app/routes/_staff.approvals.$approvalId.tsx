import { getCollectionProps, getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { AppliedEffect, EffectLine } from "~/domain/approval/effects";
import { DecisionBadge } from "~/components/approval/decision-badge";
import { pageTitle } from "~/components/case/meta";
import { Card, Facts, Field, FormError, PageHeader } from "~/components/ui";
import { checkCanDecide } from "~/domain/approval/rules";
import { APPROVAL_COMMENT_MAX, decideApprovalSchema } from "~/domain/approval/schemas";
import { can } from "~/domain/auth/policy";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { approvalOutlook } from "~/models/approval-apply.server";
import { decideApproval, getApproval } from "~/models/approval.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { actionError } from "~/utils/action-error.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  pageTitle(matches, "approvals.detailTitle", undefined, d?.approval.subject ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "approval:read");
  const procuratorateId = staffScope(scope);
  if (!params.approvalId) notFound();
  const approval = await getApproval(procuratorateId, params.approvalId, { userId: actor.userId, role: actor.role });
  const mayDecide = can(actor, "approval:decide");
  const check = checkCanDecide(approval, actor.userId);
  const outlook = await approvalOutlook(procuratorateId, approval);
  return {
    approval,
    outlook,
    mayDecide,
    canDecideNow: mayDecide && check.ok,
    ownRequest: approval.requestedById === actor.userId,
  };
}

// Records the decision; approving applies what the request asks for in the same transaction
// (a case that moved since the request answers 409 with the reason, and nothing is decided).
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "approval:decide");
  const procuratorateId = staffScope(scope);
  if (!params.approvalId) notFound();
  // Out of scope answers 404 whatever was posted.
  const approval = await getApproval(procuratorateId, params.approvalId, { userId: actor.userId, role: actor.role });
  const submission = parseWithZod(await readForm(request), { schema: decideApprovalSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const check = checkCanDecide(approval, actor.userId);
  if (!check.ok) {
    return data({ result: submission.reply({ formErrors: [check.reason] }) }, { status: check.status });
  }
  try {
    await decideApproval(procuratorateId, approval.id, actor.userId, submission.value);
  } catch (error) {
    return actionError(error, submission);
  }
  return redirect(`/approvals/${approval.id}?decided=${submission.value.decision}`);
}

/** The proposed change (Approval.payload, JSON), as labelled values where the keys are known. */
function PayloadFacts({ payload }: { payload: string | null }) {
  const t = useT();
  if (!payload) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return <p className="pre-line">{payload}</p>;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    return <p className="pre-line">{String(payload)}</p>;
  }
  // Known keys only: record ids (seriesId, recommendationId …) mean nothing to a reader.
  const value = parsed as Record<string, unknown>;
  const items: [ReactNode, ReactNode][] = [];
  const state = (v: unknown) => (typeof v === "string" ? t.label("caseState", v) : null);
  if (value.from) items.push([t("approvals.payload.from"), state(value.from)]);
  if (value.to) items.push([t("approvals.payload.to"), state(value.to)]);
  if (typeof value.deadline === "string")
    items.push([t("approvals.payload.deadline"), t.label("deadlines.rule", value.deadline)]);
  if (typeof value.extraMonths === "number") items.push([t("approvals.payload.extraMonths"), value.extraMonths]);
  if (typeof value.extraDays === "number") items.push([t("approvals.payload.extraDays"), value.extraDays]);
  if (typeof value.stance === "string") items.push([t("hearingPanel.departure.stance"), t.label("opinionStance", value.stance)]);
  if (typeof value.reason === "string")
    items.push([
      t("approvals.payload.reason"),
      <span key="r" className="pre-line">
        {value.reason}
      </span>,
    ]);
  if (!items.length) return null;
  return (
    <div className="approval-section">
      <h3>{t("approvals.payload")}</h3>
      <Facts items={items} />
    </div>
  );
}

/** "批准后：立案，分配案号": what approving will do. */
function EffectPreview({ lines }: { lines: EffectLine[] }) {
  const t = useT();
  if (!lines.length) return null;
  const text = lines
    .map((l) => {
      const params = { ...l.params };
      if (typeof params.state === "string") params.state = t.label("caseState", params.state);
      return t.dynamic(l.key, params);
    })
    .join("；");
  return (
    <p className="approval-effect" data-testid="approval-effect">
      <strong>{t("approvals.effect.before")}</strong>
      {text}
    </p>
  );
}

/** What an approved request did (its `approval.apply` audit event). */
function AppliedFacts({ effect }: { effect: AppliedEffect }) {
  const t = useT();
  const lines: string[] = [];
  if (effect.caseNumber) lines.push(t("approvals.applied.caseNumber", { number: effect.caseNumber }));
  if (effect.recommendationNumber)
    lines.push(t("approvals.applied.recommendationNumber", { number: effect.recommendationNumber }));
  if (effect.unnumbered) lines.push(t("approvals.applied.unnumbered"));
  if (effect.from && effect.to)
    lines.push(
      t("approvals.applied.state", { from: t.label("caseState", effect.from), to: t.label("caseState", effect.to) }),
    );
  if (effect.extensionId) lines.push(t("approvals.applied.extension"));
  if (effect.kind === "hearing") lines.push(t("approvals.applied.hearing"));
  if (!lines.length) lines.push(t("approvals.applied.none"));
  return (
    <div className="approval-section" data-testid="approval-applied">
      <h3>{t("approvals.effect.after")}</h3>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}

export default function ApprovalDetail() {
  const { approval: a, outlook, mayDecide, canDecideNow, ownRequest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decideApprovalSchema }),
  });
  const justDecided = params.get("decided");
  const person = (p: { displayName: string; post: string | null } | null) =>
    p ? (p.post ? `${p.displayName}（${p.post}）` : p.displayName) : null;

  return (
    <>
      <PageHeader
        crumbs={[{ to: "/approvals", label: t("approvals.title") }]}
        title={a.subject}
        subtitle={
          <>
            {t.label("approvalKind", a.kind)} <DecisionBadge decision={a.decision} />
          </>
        }
      />

      {justDecided && a.decision !== "pending" ? (
        <div className="notice notice--ok" role="status">
          {t("approvals.decided.notice", { decision: t.label("approvalDecision", a.decision) })}
        </div>
      ) : null}

      <Card title={t("approvals.request")}>
        <Facts
          items={[
            [t("approvals.col.kind"), t.label("approvalKind", a.kind)],
            [t("approvals.col.subject"), a.subject],
            [
              t("approvals.col.case"),
              a.case ? (
                <span>
                  <Link to={`/cases/${a.case.id}`}>{a.case.number ?? a.case.title}</Link>
                  {a.case.number ? <span className="muted"> {a.case.title}</span> : null}
                </span>
              ) : (
                t("approvals.noCase")
              ),
            ],
            ...(a.hearing
              ? ([[t("approvals.col.hearing"), <Link key="h" to={`/hearings/${a.hearing.id}`}>{a.hearing.title}</Link>]] as [
                  ReactNode,
                  ReactNode,
                ][])
              : []),
            ...(a.case
              ? ([
                  [t("approvals.caseState"), t.label("caseState", a.case.state)],
                  [t("approvals.caseAgency"), a.case.respondentAgency?.name ?? null],
                  [t("approvals.caseLead"), a.case.leadProsecutor.displayName],
                ] as [ReactNode, ReactNode][])
              : []),
            [t("approvals.col.requestedBy"), person(a.requestedBy)],
            [t("approvals.col.requestedAt"), formatDateTime(a.requestedAt, t.locale)],
          ]}
        />
        <PayloadFacts payload={a.payload} />
        {a.decision === "pending" ? <EffectPreview lines={outlook.preview} /> : null}
        {outlook.stale ? (
          <div className="notice notice--warn" role="status">
            {t("approvals.stale")}
          </div>
        ) : null}
        {a.extensions.length ? (
          <div className="approval-section">
            <h3>{t("approvals.extensions")}</h3>
            <ul>
              {a.extensions.map((e) => (
                <li key={e.id}>
                  {t("approvals.extension.item", {
                    rule: t.label("deadlines.rule", e.deadline),
                    amount: [
                      e.extraMonths ? t("approvals.extension.months", { n: e.extraMonths }) : null,
                      e.extraDays ? t("approvals.extension.days", { n: e.extraDays }) : null,
                    ]
                      .filter(Boolean)
                      .join(" + "),
                    reason: e.reason,
                  })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>

      <Card title={t("approvals.decision")}>
        {a.decision === "pending" ? (
          <p className="muted">{t("approvals.waiting")}</p>
        ) : (
          <Facts
            items={[
              [t("approvals.col.decision"), <DecisionBadge key="d" decision={a.decision} />],
              [t("approvals.col.decidedBy"), person(a.decidedBy)],
              [t("approvals.col.decidedAt"), a.decidedAt ? formatDateTime(a.decidedAt, t.locale) : null],
              [t("approvals.col.comment"), a.comment ? <span className="pre-line">{a.comment}</span> : null],
            ]}
          />
        )}
        {a.decision === "approved" && outlook.applied ? <AppliedFacts effect={outlook.applied} /> : null}
        {a.decision === "rejected" ? (
          <div className="notice notice--warn" role="status">
            {t("approvals.rejected.returned", { reason: a.comment ?? "" })} {t("approvals.rejected.again")}
          </div>
        ) : null}

        {mayDecide && ownRequest && a.decision === "pending" ? (
          <div className="notice notice--warn">{t("approvals.ownRequestNote")}</div>
        ) : null}

        {canDecideNow || (mayDecide && actionData) ? (
          <Form method="post" className="form approval-form" {...getFormProps(form)}>
            <h3>{t("approvals.decide")}</h3>
            <FormError errors={form.errors} id={form.errorId} />
            <fieldset className="field" aria-describedby={fields.decision.errors ? fields.decision.errorId : undefined}>
              <legend className="label">{t("approvals.col.decision")}</legend>
              <div className="radio-row">
                {getCollectionProps(fields.decision, { type: "radio", options: ["approved", "rejected"] }).map(
                  (props) => (
                    <label key={props.key ?? props.value} className="radio">
                      <input {...props} key={undefined} />{" "}
                      {props.value === "approved" ? t("approvals.decide.approve") : t("approvals.decide.reject")}
                    </label>
                  )
                )}
              </div>
              {fields.decision.errors?.length ? (
                <span className="error" id={fields.decision.errorId} role="alert">
                  {fields.decision.errors.map((e) => t.dynamic(e)).join(" ")}
                </span>
              ) : null}
            </fieldset>
            <Field
              label={t("approvals.decide.comment")}
              htmlFor={fields.comment.id}
              hint={t("approvals.decide.commentHint", { max: APPROVAL_COMMENT_MAX })}
              errors={fields.comment.errors}
            >
              <textarea {...getTextareaProps(fields.comment)} rows={4} maxLength={APPROVAL_COMMENT_MAX} />
            </Field>
            <p className="muted small">{t("approvals.decide.note")}</p>
            <div className="actions">
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {t("approvals.decide.submit")}
              </button>
            </div>
          </Form>
        ) : null}
      </Card>
    </>
  );
}
