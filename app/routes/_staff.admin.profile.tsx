import type { SubmissionResult } from "@conform-to/react";
import { pageTitle, titleIn } from "~/components/case/meta";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Card, Facts, Field, FormError, PageHeader } from "~/components/ui";
import { profileSchema } from "~/domain/admin/schemas";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getProcuratorateProfile, updateProcuratorateProfile } from "~/models/procuratorate.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.profile.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  return { profile: await getProcuratorateProfile(staffScope(scope)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:manage");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: profileSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  await updateProcuratorateProfile(procuratorateId, actor.userId, submission.value);
  return redirect("/admin/profile?saved=1");
}

export default function AdminProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const editing = params.has("edit") || !!actionData;
  return (
    <>
      <PageHeader
        title={t("admin.profile.title")}
        subtitle={t("admin.profile.subtitle")}
        crumbs={[{ to: "/admin", label: t("nav.admin") }]}
        actions={
          editing ? null : (
            <Link className="button" to="?edit=1">
              {t("admin.profile.edit")}
            </Link>
          )
        }
      />
      {params.has("saved") && !editing ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
          {t("common.saved")}
        </div>
      ) : null}
      {editing ? (
        <Card title={t("admin.profile.edit")}>
          <ProfileForm profile={profile} lastResult={actionData?.result} />
        </Card>
      ) : (
        <Card>
          <Facts
            items={[
              [t("admin.profile.name"), profile.name],
              [t("admin.profile.shortName"), profile.shortName],
              [t("admin.profile.region"), profile.region],
              [t("admin.profile.address"), profile.address],
              [t("admin.profile.phone"), profile.phone],
              [
                t("admin.profile.clueEvaluationDays"),
                profile.clueEvaluationDays
                  ? t("admin.profile.daysValue", { days: profile.clueEvaluationDays })
                  : t("admin.profile.noLimit"),
              ],
              [t("admin.profile.parent"), profile.parent?.name],
              [t("common.updated"), formatDateTime(profile.updatedAt, t.locale)],
            ]}
          />
          <p className="muted small" style={{ marginTop: 12 }}>
            {t("admin.profile.clueEvaluationHint")}
          </p>
        </Card>
      )}
    </>
  );
}

function ProfileForm({
  profile,
  lastResult,
}: {
  profile: {
    name: string;
    shortName: string;
    region: string | null;
    address: string | null;
    phone: string | null;
    clueEvaluationDays: number | null;
  };
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "profile-form",
    lastResult,
    defaultValue: {
      name: profile.name,
      shortName: profile.shortName,
      region: profile.region ?? "",
      address: profile.address ?? "",
      phone: profile.phone ?? "",
      clueEvaluationDays: profile.clueEvaluationDays === null ? "" : String(profile.clueEvaluationDays),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormError errors={form.errors} />
      <Field label={t("admin.profile.name")} htmlFor={fields.name.id} errors={fields.name.errors}>
        <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} />
      </Field>
      <Field
        label={t("admin.profile.shortName")}
        htmlFor={fields.shortName.id}
        errors={fields.shortName.errors}
        hint={t("admin.profile.shortNameHint")}
      >
        <input
          {...getInputProps(fields.shortName, { type: "text" })}
          key={fields.shortName.key}
          style={{ maxWidth: 160 }}
        />
      </Field>
      <Field
        label={t("admin.profile.region")}
        htmlFor={fields.region.id}
        errors={fields.region.errors}
        hint={t("admin.profile.regionHint")}
      >
        <input {...getInputProps(fields.region, { type: "text" })} key={fields.region.key} />
      </Field>
      <Field label={t("admin.profile.address")} htmlFor={fields.address.id} errors={fields.address.errors}>
        <input {...getInputProps(fields.address, { type: "text" })} key={fields.address.key} />
      </Field>
      <Field label={t("admin.profile.phone")} htmlFor={fields.phone.id} errors={fields.phone.errors}>
        <input {...getInputProps(fields.phone, { type: "tel" })} key={fields.phone.key} style={{ maxWidth: 240 }} />
      </Field>
      <Field
        label={t("admin.profile.clueEvaluationDays")}
        htmlFor={fields.clueEvaluationDays.id}
        errors={fields.clueEvaluationDays.errors}
        hint={t("admin.profile.clueEvaluationHint")}
      >
        <input
          {...getInputProps(fields.clueEvaluationDays, { type: "number" })}
          key={fields.clueEvaluationDays.key}
          min={1}
          max={365}
          step={1}
          style={{ maxWidth: 140 }}
        />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("common.save")}
        </button>
        <Link className="button button--secondary" to="/admin/profile">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
