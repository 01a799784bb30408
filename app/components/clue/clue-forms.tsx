import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/ui";
import { CASE_FIELDS } from "~/domain/case/states";
import {
  CASE_TITLE_MAX,
  EVALUATION_MAX,
  proposeCaseSchema,
  REASON_MAX,
  saveEvaluationSchema,
  TRANSFER_TO_MAX,
  transferClueSchema,
} from "~/domain/clue/schemas";
import { useT } from "~/i18n/react";

// The forms of the clue page (规则 Arts 26–30). Each posts its `intent` to the clue route's action,
// validated by its own schema from app/domain/clue/schemas.ts in the browser and on the server.

type LastResult = SubmissionResult<string[]> | null | undefined;
type Option = { id: string; name: string };

function useBusy() {
  return useNavigation().state === "submitting";
}

/** registered → evaluating (规则 Art 27). */
export function StartEvaluationForm({ action }: { action: string }) {
  const t = useT();
  const busy = useBusy();
  return (
    <Form method="post" action={action} className="form">
      <p className="muted small">{t("clues.start.hint")}</p>
      <input type="hidden" name="intent" value="start" />
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {t("clues.start.submit")}
        </button>
      </div>
    </Form>
  );
}

/** The evaluation text (评估意见). */
export function EvaluationForm({ action, evaluation, lastResult }: { action: string; evaluation: string | null; lastResult: LastResult }) {
  const t = useT();
  const busy = useBusy();
  const [form, fields] = useForm({
    id: "clue-evaluation",
    lastResult,
    defaultValue: { intent: "evaluate", evaluation: evaluation ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: saveEvaluationSchema }),
  });
  return (
    <Form method="post" action={action} className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="evaluate" />
      <FormError errors={form.errors} />
      <Field
        label={t("clues.evaluation.label")}
        htmlFor={fields.evaluation.id}
        errors={fields.evaluation.errors}
        hint={t("clues.evaluation.hint")}
      >
        <textarea {...getTextareaProps(fields.evaluation)} key={fields.evaluation.key} rows={5} maxLength={EVALUATION_MAX} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {t("clues.evaluation.submit")}
        </button>
      </div>
    </Form>
  );
}

/** 提请立案 / 提请不立案: creates the case in `evaluation` and asks for the approval. */
export function ProposeCaseForm({
  action,
  field,
  allowNotFiling,
  agencies,
  series,
  lastResult,
}: {
  action: string;
  field: string;
  allowNotFiling: boolean;
  agencies: Option[];
  series: Option[];
  lastResult: LastResult;
}) {
  const t = useT();
  const busy = useBusy();
  const [form, fields] = useForm({
    id: "clue-propose",
    lastResult,
    defaultValue: { intent: "propose", kind: "filing", field },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposeCaseSchema }),
  });
  const kinds = allowNotFiling ? (["filing", "not_filing"] as const) : (["filing"] as const);
  return (
    <Form method="post" action={action} className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="propose" />
      <p className="muted small">{t("clues.propose.hint")}</p>
      <FormError errors={form.errors} />
      <div className="grid grid-2">
        <Field label={t("clues.propose.kind")} htmlFor={fields.kind.id} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`clues.propose.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("clues.propose.field")} htmlFor={fields.field.id} errors={fields.field.errors}>
          <select {...getSelectProps(fields.field)} key={fields.field.key}>
            {CASE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t.label("caseField", f)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label={t("clues.propose.caseTitle")}
        htmlFor={fields.title.id}
        errors={fields.title.errors}
        hint={t("clues.propose.caseTitleHint")}
      >
        <input {...getInputProps(fields.title, { type: "text" })} key={fields.title.key} maxLength={CASE_TITLE_MAX} />
      </Field>
      <div className="grid grid-2">
        <Field label={t("clues.propose.agency")} htmlFor={fields.respondentAgencyId.id} errors={fields.respondentAgencyId.errors}>
          <select {...getSelectProps(fields.respondentAgencyId)} key={fields.respondentAgencyId.key}>
            <option value="">{t("clues.new.choose")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("clues.propose.series")} htmlFor={fields.seriesId.id} errors={fields.seriesId.errors}>
          <select {...getSelectProps(fields.seriesId)} key={fields.seriesId.key}>
            <option value="">{t("clues.propose.seriesNone")}</option>
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field field--checkbox">
        <label>
          <input {...getInputProps(fields.respondentUnknown, { type: "checkbox" })} key={fields.respondentUnknown.key} />{" "}
          {t("clues.propose.unknown")}
        </label>
      </div>
      <div className="field field--checkbox">
        <label>
          <input {...getInputProps(fields.urgent, { type: "checkbox" })} key={fields.urgent.key} /> {t("clues.propose.urgent")}
        </label>
      </div>
      <Field
        label={t("clues.propose.reason")}
        htmlFor={fields.reason.id}
        errors={fields.reason.errors}
        hint={t("clues.propose.reasonHint")}
      >
        <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={3} maxLength={REASON_MAX} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={busy}>
          {t("clues.propose.submit")}
        </button>
      </div>
    </Form>
  );
}

/** 移送 (规则 Art 26). */
export function TransferClueForm({ action, lastResult }: { action: string; lastResult: LastResult }) {
  const t = useT();
  const busy = useBusy();
  const [form, fields] = useForm({
    id: "clue-transfer",
    lastResult,
    defaultValue: { intent: "transfer" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transferClueSchema }),
  });
  return (
    <Form method="post" action={action} className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="transfer" />
      <p className="muted small">{t("clues.transfer.hint")}</p>
      <FormError errors={form.errors} />
      <Field label={t("clues.transfer.to")} htmlFor={fields.transferredTo.id} errors={fields.transferredTo.errors}>
        <input {...getInputProps(fields.transferredTo, { type: "text" })} key={fields.transferredTo.key} maxLength={TRANSFER_TO_MAX} />
      </Field>
      <Field label={t("clues.transfer.reason")} htmlFor={fields.reason.id} errors={fields.reason.errors}>
        <textarea {...getTextareaProps(fields.reason)} key={fields.reason.key} rows={2} maxLength={REASON_MAX} />
      </Field>
      <div className="actions">
        <button className="button button--secondary" type="submit" disabled={busy}>
          {t("clues.transfer.submit")}
        </button>
      </div>
    </Form>
  );
}
