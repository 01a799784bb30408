import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import type { Tone } from "~/components/ui";
import { Badge, Field, FormError } from "~/components/ui";
import type { AssessmentOutcome } from "~/domain/recommendation/assessment";
import { ASSESSMENT_OUTCOMES } from "~/domain/recommendation/assessment";
import { assessmentFormSchema } from "~/domain/recommendation/assessment-rules";
import { followUpVisitSchema } from "~/domain/recommendation/follow-up-visit";
import { useT } from "~/i18n/react";

// The forms of the assessment tab (跟进调查, 规则 Art 77): assess a point, reopen its assessment,
// record a follow-up visit. Each parses with the same zod schema as the action.

const OUTCOME_TONE: Record<AssessmentOutcome, Tone> = {
  rectified: "ok",
  partly_rectified: "warn",
  paper_only: "danger",
  not_rectified: "danger",
};

export function AssessmentOutcomeBadge({ outcome }: { outcome: string }) {
  const t = useT();
  return <Badge tone={OUTCOME_TONE[outcome as AssessmentOutcome] ?? "neutral"}>{t.label("assessmentOutcome", outcome)}</Badge>;
}

/** Conform echoes the submitted fields back: the reply belongs to the form that sent them. */
export function replyOf(result: SubmissionResult<string[]> | undefined, match: Record<string, string>) {
  const v = result?.initialValue as Record<string, unknown> | undefined;
  if (!v) return undefined;
  return Object.entries(match).every(([k, want]) => v[k] === want) ? result : undefined;
}

export function AssessPointForm({ pointId, ordinal, lastResult }: { pointId: string; ordinal: number; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `assess-${pointId}`,
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assessmentFormSchema }),
  });
  return (
    <Form method="post" className="form" aria-label={t("agencyAssess.assess.formOf", { n: ordinal })} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="assess" />
      <input type="hidden" name="pointId" value={pointId} />
      <FormError errors={form.errors} id={form.errorId} />
      <Field label={t("agencyAssess.assess.outcome")} htmlFor={fields.outcome.id} errors={fields.outcome.errors}>
        <select {...getSelectProps(fields.outcome)} defaultValue="">
          <option value="">{t("agencyAssess.assess.choose")}</option>
          {ASSESSMENT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t.label("assessmentOutcome", o)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("agencyAssess.assess.findings")} htmlFor={fields.findings.id} errors={fields.findings.errors}>
        <textarea {...getTextareaProps(fields.findings)} rows={3} maxLength={4000} />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("agencyAssess.assess.save")}
        </button>
      </div>
    </Form>
  );
}

export function ReopenForm({ assessmentId, ordinal, lastResult }: { assessmentId: string; ordinal: number; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `reopen-${assessmentId}`,
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assessmentFormSchema }),
  });
  return (
    <details className="reopen" open={Boolean(lastResult)}>
      <summary>{t("agencyAssess.reopen.open")}</summary>
      <Form method="post" className="form" aria-label={t("agencyAssess.reopen.formOf", { n: ordinal })} {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="reopen" />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <FormError errors={form.errors} id={form.errorId} />
        <Field label={t("agencyAssess.reopen.reason")} htmlFor={fields.reason.id} errors={fields.reason.errors}>
          <textarea {...getTextareaProps(fields.reason)} rows={2} maxLength={2000} />
        </Field>
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
            {t("agencyAssess.reopen.save")}
          </button>
        </div>
      </Form>
    </details>
  );
}

type Option = { id: string; label: string };

export function FollowUpVisitForm({
  today,
  evidence,
  pool,
  lastResult,
}: {
  today: string;
  evidence: Option[];
  pool: Option[];
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "follow-up-visit",
    lastResult,
    defaultValue: { visitedOn: today },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: followUpVisitSchema }),
  });
  return (
    <Form method="post" className="form" aria-label={t("agencyAssess.visit.new")} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="visit" />
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid grid-2">
        <Field label={t("agencyAssess.visit.visitedOn")} htmlFor={fields.visitedOn.id} errors={fields.visitedOn.errors}>
          <input {...getInputProps(fields.visitedOn, { type: "date" })} max={today} />
        </Field>
        <Field label={t("agencyAssess.visit.place")} htmlFor={fields.place.id} errors={fields.place.errors}>
          <input {...getInputProps(fields.place, { type: "text" })} maxLength={200} />
        </Field>
      </div>
      <Field label={t("agencyAssess.visit.findings")} htmlFor={fields.findings.id} errors={fields.findings.errors}>
        <textarea {...getTextareaProps(fields.findings)} rows={3} maxLength={4000} />
      </Field>
      <fieldset className="checks">
        <legend>{t("agencyAssess.visit.evidence")}</legend>
        {evidence.length === 0 ? <p className="muted small">{t("agencyAssess.visit.noEvidence")}</p> : null}
        {evidence.map((e) => (
          <label key={e.id} className="check">
            <input type="checkbox" name={fields.evidenceIds.name} value={e.id} /> {e.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>{t("agencyAssess.visit.observers")}</legend>
        {pool.length === 0 ? <p className="muted small">{t("agencyAssess.visit.noPool")}</p> : null}
        {pool.map((p) => (
          <label key={p.id} className="check">
            <input type="checkbox" name={fields.observerIds.name} value={p.id} /> {p.label}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("agencyAssess.visit.save")}
        </button>
      </div>
    </Form>
  );
}
