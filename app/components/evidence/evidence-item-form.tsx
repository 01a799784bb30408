import type { SubmissionResult } from "@conform-to/react";
import { getCollectionProps, getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormError } from "~/components/ui";
import { EVIDENCE_KINDS, EVIDENCE_SOURCES, MIN_COLLECTING_STAFF } from "~/domain/evidence/kinds";
import {
  EVIDENCE_DESCRIPTION_MAX,
  EVIDENCE_OTHER_COLLECTORS_MAX,
  EVIDENCE_PLACE_MAX,
  EVIDENCE_SOURCE_NOTE_MAX,
  EVIDENCE_TITLE_MAX,
  ORIGINAL_CHOICES,
  evidenceItemSchema,
} from "~/domain/evidence/schemas";
import { useT } from "~/i18n/react";

/** The form's values as strings (what the edit page loads, or the new page's defaults). */
export type EvidenceFormValues = {
  kind?: string;
  title?: string;
  description?: string;
  collectedOn?: string;
  collectedPlace?: string;
  collectorIds?: string[];
  otherCollectors?: string;
  source?: string;
  sourceNote?: string;
  isOriginal?: string;
  containsPersonal?: boolean;
};

/**
 * The evidence item form, for registering (/cases/:id/evidence/new) and editing an item. Validated
 * in the browser and by the action with the same schema (evidenceItemSchema).
 */
export function EvidenceItemForm({
  id,
  today,
  candidates,
  defaultValue,
  lastResult,
  submitLabel,
  cancelTo,
}: {
  id: string;
  today: string;
  candidates: { id: string; displayName: string }[];
  defaultValue: EvidenceFormValues;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const schema = useMemo(() => evidenceItemSchema(today), [today]);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const collectorBoxes = getCollectionProps(fields.collectorIds, { type: "checkbox", options: candidates.map((c) => c.id) });
  const originalRadios = getCollectionProps(fields.isOriginal, { type: "radio", options: [...ORIGINAL_CHOICES] });
  const nameOf = new Map(candidates.map((c) => [c.id, c.displayName]));
  const collectorsError = `${fields.collectorIds.id}-error`;
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid grid-2">
        <Field label={t("evidenceItems.form.kind")} htmlFor={fields.kind.id} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
            <option value="">{t("evidenceItems.form.choose")}</option>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.label("evidenceKind", k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("evidenceItems.form.source")} htmlFor={fields.source.id} errors={fields.source.errors}>
          <select {...getSelectProps(fields.source)} key={fields.source.key}>
            <option value="">{t("evidenceItems.form.choose")}</option>
            {EVIDENCE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t.label("evidenceSource", s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t("evidenceItems.form.title")} htmlFor={fields.title.id} errors={fields.title.errors}>
        <input {...getInputProps(fields.title, { type: "text" })} key={fields.title.key} maxLength={EVIDENCE_TITLE_MAX} />
      </Field>
      <Field label={t("evidenceItems.form.description")} htmlFor={fields.description.id} errors={fields.description.errors}>
        <textarea {...getTextareaProps(fields.description)} key={fields.description.key} rows={3} maxLength={EVIDENCE_DESCRIPTION_MAX} />
      </Field>
      <div className="grid grid-2">
        <Field label={t("evidenceItems.form.collectedOn")} htmlFor={fields.collectedOn.id} errors={fields.collectedOn.errors}>
          <input {...getInputProps(fields.collectedOn, { type: "date" })} key={fields.collectedOn.key} max={today} />
        </Field>
        <Field label={t("evidenceItems.form.collectedPlace")} htmlFor={fields.collectedPlace.id} errors={fields.collectedPlace.errors}>
          <input {...getInputProps(fields.collectedPlace, { type: "text" })} key={fields.collectedPlace.key} maxLength={EVIDENCE_PLACE_MAX} />
        </Field>
      </div>
      <fieldset className="field" aria-describedby={fields.collectorIds.errors?.length ? collectorsError : undefined}>
        <legend>{t("evidenceItems.form.collectors")}</legend>
        <div className="checkbox-grid">
          {collectorBoxes.map((props) => (
            <label key={props.key} className="checkbox">
              <input {...props} /> {nameOf.get(props.value) ?? props.value}
            </label>
          ))}
        </div>
        <span className="hint">{t("evidenceItems.form.collectorsHint", { min: MIN_COLLECTING_STAFF })}</span>
        {fields.collectorIds.errors?.length ? (
          <span className="error" id={collectorsError} role="alert">
            {fields.collectorIds.errors.map((e) => t.dynamic(e)).join(" ")}
          </span>
        ) : null}
      </fieldset>
      <Field
        label={t("evidenceItems.form.otherCollectors")}
        htmlFor={fields.otherCollectors.id}
        hint={t("evidenceItems.form.otherCollectorsHint")}
        errors={fields.otherCollectors.errors}
      >
        <input {...getInputProps(fields.otherCollectors, { type: "text" })} key={fields.otherCollectors.key} maxLength={EVIDENCE_OTHER_COLLECTORS_MAX} />
      </Field>
      <Field
        label={t("evidenceItems.form.sourceNote")}
        htmlFor={fields.sourceNote.id}
        hint={t("evidenceItems.form.sourceNoteHint")}
        errors={fields.sourceNote.errors}
      >
        <input {...getInputProps(fields.sourceNote, { type: "text" })} key={fields.sourceNote.key} maxLength={EVIDENCE_SOURCE_NOTE_MAX} />
      </Field>
      <fieldset className="field">
        <legend>{t("evidenceItems.form.original")}</legend>
        <div className="checkbox-grid">
          {originalRadios.map((props) => (
            <label key={props.key} className="checkbox">
              <input {...props} /> {t.label("evidenceItems.original", props.value)}
            </label>
          ))}
        </div>
        {fields.isOriginal.errors?.length ? (
          <span className="error" role="alert">
            {fields.isOriginal.errors.map((e) => t.dynamic(e)).join(" ")}
          </span>
        ) : null}
      </fieldset>
      <label className="checkbox">
        <input {...getInputProps(fields.containsPersonal, { type: "checkbox" })} key={fields.containsPersonal.key} />{" "}
        {t("evidenceItems.form.containsPersonal")}
      </label>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t("evidenceItems.form.cancel")}
        </Link>
      </div>
    </Form>
  );
}
