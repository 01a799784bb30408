import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { DecisionBadge } from "~/components/approval/decision-badge";
import { CaseStateBadge } from "~/components/case/case-state-badge";
import { Field, FormError } from "~/components/ui";
import { CLOSURE_GROUNDS } from "~/domain/case/closure-grounds";
import type { NextStep } from "~/domain/case/next-steps";
import { NEXT_STEP_REASON_MAX, needsClosureGround, nextStepSchema } from "~/domain/case/next-steps";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

type Approval = {
  id: string;
  kind: string;
  subject: string;
  comment: string | null;
  requestedAt: string | Date;
  decidedAt: string | Date | null;
  requestedBy: { displayName: string };
  decidedBy: { displayName: string } | null;
};

export type NextStepsData = {
  version: number;
  steps: NextStep[];
  pending: Approval[];
  rejected: Approval[];
  mayExtend: boolean;
};

/** Which form a reply belongs to: Conform echoes the submitted fields back in `initialValue`. */
function replyFor(result: SubmissionResult<string[]> | undefined, intent: string, to?: string) {
  const v = result?.initialValue as Record<string, unknown> | undefined;
  if (!v || v.intent !== intent) return undefined;
  if (to !== undefined && v.to !== to) return undefined;
  return result;
}

/**
 * The overview's next steps: the requests awaiting the chief, a rejection with its reason, and one
 * form per legal step (规则 Arts 5, 7): a step that needs an approval is requested, any other taken.
 */
export function NextSteps({
  caseId,
  data,
  lastResult,
  mayWrite,
}: {
  caseId: string;
  data: NextStepsData;
  lastResult?: SubmissionResult<string[]>;
  mayWrite: boolean;
}) {
  const t = useT();
  const pendingKinds = new Set(data.pending.map((a) => a.kind));
  return (
    <div className="next-steps">
      {data.pending.map((a) => (
        <div key={a.id} className="notice notice--warn" role="status">
          <strong>{t("casepage.steps.awaiting", { kind: t.label("approvalKind", a.kind) })}</strong>{" "}
          <Link to={`/approvals/${a.id}`}>{a.subject}</Link>
          <div className="muted small">
            {a.requestedBy.displayName} · {formatDateTime(a.requestedAt, t.locale)}
          </div>
        </div>
      ))}
      {data.rejected.map((a) => (
        <div key={a.id} className="notice notice--warn notice--rejected" role="status">
          <strong>{t("casepage.steps.rejected", { kind: t.label("approvalKind", a.kind) })}</strong> <DecisionBadge decision="rejected" />
          <div className="pre-line">{t("casepage.steps.rejectedReason", { reason: a.comment ?? "" })}</div>
          <div className="muted small">
            {a.decidedBy?.displayName ?? ""} · {a.decidedAt ? formatDateTime(a.decidedAt, t.locale) : ""}
          </div>
        </div>
      ))}

      {data.steps.length === 0 ? <p className="muted">{t("casepage.steps.none")}</p> : null}
      {data.steps.map((step) =>
        step.approval && pendingKinds.has(step.approval) ? null : step.approval === "recommendation" ? (
          <div key={step.to} className="subcard">
            <h3>
              {t("casepage.steps.to")} <CaseStateBadge state={step.to} />
            </h3>
            <p className="small">
              {t("casepage.steps.viaRecommendation")}{" "}
              <Link to={`/cases/${caseId}/recommendation`}>{t("casepage.steps.openRecommendation")}</Link>
            </p>
          </div>
        ) : mayWrite ? (
          <StepForm key={step.to} step={step} version={data.version} lastResult={replyFor(lastResult, "step", step.to)} />
        ) : (
          <div key={step.to} className="subcard">
            <h3>
              {t("casepage.steps.to")} <CaseStateBadge state={step.to} />
            </h3>
          </div>
        ),
      )}
      {data.mayExtend && mayWrite && !pendingKinds.has("extension") ? (
        <ExtensionForm version={data.version} lastResult={replyFor(lastResult, "extension")} />
      ) : null}
    </div>
  );
}

function StepForm({ step, version, lastResult }: { step: NextStep; version: number; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `step-${step.to}`,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: nextStepSchema }),
  });
  const ground = needsClosureGround(step);
  return (
    <Form method="post" className="form subcard" {...getFormProps(form)} aria-label={t.label("caseState", step.to)}>
      <h3>
        {t("casepage.steps.to")} <CaseStateBadge state={step.to} />{" "}
        <span className="muted small">{step.basis}</span>
      </h3>
      <input type="hidden" name="intent" value="step" />
      <input type="hidden" name="to" value={step.to} />
      <input type="hidden" name="version" value={version} />
      <FormError errors={form.errors} id={form.errorId} />
      {ground ? (
        <Field label={t("casepage.steps.ground")} htmlFor={fields.ground.id} errors={fields.ground.errors}>
          <select {...getSelectProps(fields.ground)}>
            <option value="">{t("casepage.steps.groundChoose")}</option>
            {CLOSURE_GROUNDS.map((g) => (
              <option key={g.id} value={g.id}>
                {t.label("casepage.ground", g.id)}（{g.article}）
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label={t("casepage.steps.reason")} htmlFor={fields.reason.id} errors={fields.reason.errors}>
        <textarea {...getTextareaProps(fields.reason)} rows={2} maxLength={NEXT_STEP_REASON_MAX} />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {step.approval
            ? t("casepage.steps.request", { kind: t.label("approvalKind", step.approval) })
            : t("casepage.steps.move", { state: t.label("caseState", step.to) })}
        </button>
      </div>
    </Form>
  );
}

/** 规则 Art 47: ask for one more month of pre-suit review, with the reason. */
function ExtensionForm({ version, lastResult }: { version: number; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "step-extension",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: nextStepSchema }),
  });
  return (
    <Form method="post" className="form subcard" {...getFormProps(form)}>
      <h3>{t("casepage.steps.extension")}</h3>
      <p className="muted small">{t("casepage.steps.extensionHint")}</p>
      <input type="hidden" name="intent" value="extension" />
      <input type="hidden" name="version" value={version} />
      <FormError errors={form.errors} id={form.errorId} />
      <Field label={t("casepage.steps.reason")} htmlFor={fields.reason.id} errors={fields.reason.errors}>
        <textarea {...getTextareaProps(fields.reason)} rows={2} maxLength={NEXT_STEP_REASON_MAX} />
      </Field>
      <div className="actions">
        <button type="submit" className="button">
          {t("casepage.steps.request", { kind: t.label("approvalKind", "extension") })}
        </button>
      </div>
    </Form>
  );
}
