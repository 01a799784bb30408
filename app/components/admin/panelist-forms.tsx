import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormError } from "~/components/ui";
import {
  AFFILIATION_RELATIONS,
  affiliationSchema,
  GENDERS,
  PANELIST_CATEGORIES,
  panelistSchema,
} from "~/domain/admin/schemas";
import { useT } from "~/i18n/react";

export type PanelistFormValues = {
  id: string;
  name: string;
  gender: string | null;
  birthOn: string | null;
  category: string;
  workUnit: string | null;
  title: string | null;
  phone: string | null;
  email: string | null;
  joinedOn: string | null;
  barred: boolean;
  barredReason: string | null;
  active: boolean;
};

/** Adds or edits an entry of the 听证员库; the age rule (听证规定 Art 7) runs in the browser too. */
export function PanelistForm({
  today,
  panelist,
  lastResult,
}: {
  today: string;
  panelist: PanelistFormValues | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const schema = useMemo(() => panelistSchema(today), [today]);
  const [form, fields] = useForm({
    // Distinct from the table row's anchor (panelist-row-<id>): the fields' form= attribute names this id.
    id: panelist ? `panelist-edit-${panelist.id}` : "panelist-new",
    lastResult,
    defaultValue: {
      intent: "save",
      id: panelist?.id ?? "",
      name: panelist?.name ?? "",
      gender: panelist?.gender ?? "",
      birthOn: panelist?.birthOn ?? "",
      category: panelist?.category ?? "",
      workUnit: panelist?.workUnit ?? "",
      title: panelist?.title ?? "",
      phone: panelist?.phone ?? "",
      email: panelist?.email ?? "",
      joinedOn: panelist?.joinedOn ?? "",
      barred: panelist?.barred ? "on" : "",
      barredReason: panelist?.barredReason ?? "",
      active: !panelist || panelist.active ? "on" : "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const barred = fields.barred.value === "on";
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      {panelist ? <input type="hidden" name="id" value={panelist.id} /> : null}
      <FormError errors={form.errors} />
      <div className="grid grid-2">
        <Field label={t("admin.panelist.name")} htmlFor={fields.name.id} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} />
        </Field>
        <Field label={t("admin.panelist.category")} htmlFor={fields.category.id} errors={fields.category.errors}>
          <select {...getSelectProps(fields.category)} key={fields.category.key}>
            <option value="">{t("admin.invite.choose")}</option>
            {PANELIST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t.label("panelistCategory", c)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("admin.panelist.birthOn")}
          htmlFor={fields.birthOn.id}
          errors={fields.birthOn.errors}
          hint={t("admin.panelist.birthOnHint")}
        >
          <input {...getInputProps(fields.birthOn, { type: "date" })} key={fields.birthOn.key} max={today} />
        </Field>
        <Field label={t("admin.panelist.gender")} htmlFor={fields.gender.id} errors={fields.gender.errors}>
          <select {...getSelectProps(fields.gender)} key={fields.gender.key}>
            <option value="">{t("admin.panelist.genderUnset")}</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {t.label("admin.gender", g)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("admin.panelist.workUnit")} htmlFor={fields.workUnit.id} errors={fields.workUnit.errors}>
          <input {...getInputProps(fields.workUnit, { type: "text" })} key={fields.workUnit.key} />
        </Field>
        <Field
          label={t("admin.panelist.titleField")}
          htmlFor={fields.title.id}
          errors={fields.title.errors}
          hint={t("admin.panelist.titleHint")}
        >
          <input {...getInputProps(fields.title, { type: "text" })} key={fields.title.key} />
        </Field>
        <Field label={t("admin.panelist.phone")} htmlFor={fields.phone.id} errors={fields.phone.errors}>
          <input {...getInputProps(fields.phone, { type: "tel" })} key={fields.phone.key} />
        </Field>
        <Field label={t("admin.panelist.email")} htmlFor={fields.email.id} errors={fields.email.errors}>
          <input {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} />
        </Field>
        <Field label={t("admin.panelist.joinedOn")} htmlFor={fields.joinedOn.id} errors={fields.joinedOn.errors}>
          <input {...getInputProps(fields.joinedOn, { type: "date" })} key={fields.joinedOn.key} />
        </Field>
      </div>
      <div className="field field--checkbox">
        <label>
          <input {...getInputProps(fields.active, { type: "checkbox" })} key={fields.active.key} />{" "}
          {t("admin.panelist.activeLabel")}
        </label>
        <span className="hint">{t("admin.panelist.activeHint")}</span>
      </div>
      <div className="field field--checkbox">
        <label>
          <input {...getInputProps(fields.barred, { type: "checkbox" })} key={fields.barred.key} />{" "}
          {t("admin.panelist.barredLabel")}
        </label>
        <span className="hint">{t("admin.panelist.barredHint")}</span>
      </div>
      <Field
        label={t("admin.panelist.barredReason")}
        htmlFor={fields.barredReason.id}
        errors={fields.barredReason.errors}
        hint={barred ? undefined : t("admin.panelist.barredReasonHint")}
      >
        <input {...getInputProps(fields.barredReason, { type: "text" })} key={fields.barredReason.key} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {panelist ? t("common.save") : t("admin.panelist.create")}
        </button>
        {panelist ? (
          <Link className="button button--secondary" to="/admin/panelists">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** Records an organisation a panelist is linked to (an agency on file, or any other by name). */
export function AffiliationForm({
  panelistId,
  agencies,
  lastResult,
}: {
  panelistId: string;
  agencies: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `affiliation-${panelistId}`,
    lastResult,
    defaultValue: {
      intent: "addAffiliation",
      panelistId,
      agencyId: "",
      organisation: "",
      relation: "",
      sinceOn: "",
      untilOn: "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: affiliationSchema }),
  });
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="addAffiliation" />
      <input type="hidden" name="panelistId" value={panelistId} />
      <FormError errors={form.errors} />
      <div className="grid grid-2">
        <Field
          label={t("admin.affiliation.agency")}
          htmlFor={fields.agencyId.id}
          errors={fields.agencyId.errors}
          hint={t("admin.affiliation.agencyHint")}
        >
          <select {...getSelectProps(fields.agencyId)} key={fields.agencyId.key}>
            <option value="">{t("admin.affiliation.notAnAgency")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("admin.affiliation.organisation")}
          htmlFor={fields.organisation.id}
          errors={fields.organisation.errors}
          hint={t("admin.affiliation.organisationHint")}
        >
          <input {...getInputProps(fields.organisation, { type: "text" })} key={fields.organisation.key} />
        </Field>
        <Field label={t("admin.affiliation.relation")} htmlFor={fields.relation.id} errors={fields.relation.errors}>
          <select {...getSelectProps(fields.relation)} key={fields.relation.key}>
            <option value="">{t("admin.invite.choose")}</option>
            {AFFILIATION_RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t.label("admin.relation", r)}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid grid-2">
          <Field label={t("admin.affiliation.sinceOn")} htmlFor={fields.sinceOn.id} errors={fields.sinceOn.errors}>
            <input {...getInputProps(fields.sinceOn, { type: "date" })} key={fields.sinceOn.key} />
          </Field>
          <Field label={t("admin.affiliation.untilOn")} htmlFor={fields.untilOn.id} errors={fields.untilOn.errors}>
            <input {...getInputProps(fields.untilOn, { type: "date" })} key={fields.untilOn.key} />
          </Field>
        </div>
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("admin.affiliation.addButton")}
        </button>
      </div>
    </Form>
  );
}
