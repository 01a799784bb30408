import type { SubmissionResult } from "@conform-to/react";
import { pageTitle, titleIn } from "~/components/case/meta";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, Card, EmptyState, Field, FormError, PageHeader } from "~/components/ui";
import { AGENCY_KINDS, agencySchema } from "~/domain/admin/schemas";
import { useT } from "~/i18n/react";
import { getAgency, listAgencies, saveAgency } from "~/models/agency.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.agency.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  const procuratorateId = staffScope(scope);
  const editId = new URL(request.url).searchParams.get("edit");
  const [agencies, editing] = await Promise.all([
    listAgencies(procuratorateId),
    editId ? getAgency(procuratorateId, editId) : Promise.resolve(null),
  ]);
  return { agencies, editing };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:manage");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: agencySchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const saved = await saveAgency(procuratorateId, actor.userId, submission.value);
  if (!saved.ok) {
    return data({ result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) }, { status: 400 });
  }
  return redirect(`/admin/agencies?saved=${saved.id}#agency-row-${saved.id}`);
}

type AgencyRow = Awaited<ReturnType<typeof listAgencies>>[number];

export default function AdminAgencies() {
  const { agencies, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const savedId = params.get("saved");
  return (
    <>
      <PageHeader
        title={t("admin.agency.title")}
        subtitle={t("admin.agency.subtitle")}
        crumbs={[{ to: "/admin", label: t("nav.admin") }]}
        actions={
          <Link className="button" to="?#agency-form">
            {t("admin.agency.new")}
          </Link>
        }
      />
      {savedId ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
          {t("admin.agency.saved", { name: agencies.find((a) => a.id === savedId)?.name ?? "" })}
        </div>
      ) : null}

      <Card title={t("admin.agency.listTitle", { count: agencies.length })}>
        {agencies.length === 0 ? (
          <EmptyState title={t("admin.agency.none")}>{t("admin.agency.noneHint")}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th>{t("admin.agency.name")}</th>
                  <th>{t("admin.agency.kind")}</th>
                  <th>{t("admin.agency.head")}</th>
                  <th>{t("admin.agency.phone")}</th>
                  <th>{t("admin.agency.superior")}</th>
                  <th>{t("admin.agency.liaisons")}</th>
                  <th className="num">{t("admin.agency.cases")}</th>
                  <th>{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {agencies.map((a) => (
                  <AgencyTableRow key={a.id} agency={a} highlighted={a.id === savedId || a.id === editing?.id} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <section id="agency-form">
        <Card title={editing ? t("admin.agency.editTitle", { name: editing.name }) : t("admin.agency.new")}>
          <AgencyForm
            key={editing?.id ?? "new"}
            agency={editing}
            superiors={agencies.filter((a) => a.id !== editing?.id)}
            lastResult={actionData?.result}
          />
        </Card>
      </section>
    </>
  );
}

function AgencyTableRow({ agency: a, highlighted }: { agency: AgencyRow; highlighted: boolean }) {
  const t = useT();
  return (
    <tr id={`agency-row-${a.id}`} className={highlighted ? "row-highlight" : undefined}>
      <td data-label={t("admin.agency.name")}>
        <div>
          <strong>{a.name}</strong>
          {a.shortName ? <span className="muted small">（{a.shortName}）</span> : null}
          {a.active ? null : (
            <>
              {" "}
              <Badge tone="danger">{t("admin.agency.inactive")}</Badge>
            </>
          )}
          {a.address ? <div className="muted small">{a.address}</div> : null}
        </div>
      </td>
      <td data-label={t("admin.agency.kind")}>{a.kind ? t.label("admin.agencyKind", a.kind) : "—"}</td>
      <td data-label={t("admin.agency.head")}>{a.head ?? "—"}</td>
      <td data-label={t("admin.agency.phone")} className="nowrap">
        {a.phone ?? "—"}
      </td>
      <td data-label={t("admin.agency.superior")}>{a.superior?.name ?? "—"}</td>
      <td data-label={t("admin.agency.liaisons")}>
        <div>
          {a.liaisons.length ? (
            a.liaisons.map((l) => (
              <div key={l.displayName}>
                {l.displayName}
                {l.active ? null : <span className="muted small">（{t("admin.users.inactive")}）</span>}
              </div>
            ))
          ) : (
            <span className="muted">{t("admin.agency.noLiaison")}</span>
          )}
          {a.active ? (
            <div>
              <Link className="small" to={`/admin/users?agency=${a.id}#invite`}>
                {t("admin.agency.inviteLiaison")}
              </Link>
            </div>
          ) : null}
        </div>
      </td>
      <td data-label={t("admin.agency.cases")} className="num">
        {a._count.cases}
      </td>
      <td data-label={t("common.actions")}>
        <Link className="button button--secondary" to={`?edit=${a.id}#agency-form`}>
          {t("admin.agency.edit")}
        </Link>
      </td>
    </tr>
  );
}

function AgencyForm({
  agency,
  superiors,
  lastResult,
}: {
  agency: {
    id: string;
    name: string;
    shortName: string | null;
    kind: string | null;
    head: string | null;
    address: string | null;
    phone: string | null;
    superiorAgencyId: string | null;
    active: boolean;
  } | null;
  superiors: { id: string; name: string }[];
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    // Distinct from the table row's anchor (agency-row-<id>): the fields' form= attribute names this id.
    id: agency ? `agency-edit-${agency.id}` : "agency-new",
    lastResult,
    defaultValue: {
      intent: "save",
      id: agency?.id ?? "",
      name: agency?.name ?? "",
      shortName: agency?.shortName ?? "",
      kind: agency?.kind ?? "",
      head: agency?.head ?? "",
      address: agency?.address ?? "",
      phone: agency?.phone ?? "",
      superiorAgencyId: agency?.superiorAgencyId ?? "",
      active: agency ? (agency.active ? "on" : "") : "on",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agencySchema }),
  });
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      {agency ? <input type="hidden" name="id" value={agency.id} /> : null}
      <FormError errors={form.errors} />
      <div className="grid grid-2">
        <Field
          label={t("admin.agency.name")}
          htmlFor={fields.name.id}
          errors={fields.name.errors}
          hint={t("admin.agency.nameHint")}
        >
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} />
        </Field>
        <Field label={t("admin.agency.shortName")} htmlFor={fields.shortName.id} errors={fields.shortName.errors}>
          <input {...getInputProps(fields.shortName, { type: "text" })} key={fields.shortName.key} />
        </Field>
        <Field label={t("admin.agency.kind")} htmlFor={fields.kind.id} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
            <option value="">{t("admin.invite.choose")}</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.label("admin.agencyKind", k)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("admin.agency.head")}
          htmlFor={fields.head.id}
          errors={fields.head.errors}
          hint={t("admin.agency.headHint")}
        >
          <input {...getInputProps(fields.head, { type: "text" })} key={fields.head.key} />
        </Field>
        <Field label={t("admin.agency.phone")} htmlFor={fields.phone.id} errors={fields.phone.errors}>
          <input {...getInputProps(fields.phone, { type: "tel" })} key={fields.phone.key} />
        </Field>
        <Field
          label={t("admin.agency.superior")}
          htmlFor={fields.superiorAgencyId.id}
          errors={fields.superiorAgencyId.errors}
          hint={t("admin.agency.superiorHint")}
        >
          <select {...getSelectProps(fields.superiorAgencyId)} key={fields.superiorAgencyId.key}>
            <option value="">{t("common.none")}</option>
            {superiors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t("admin.agency.address")} htmlFor={fields.address.id} errors={fields.address.errors}>
        <input {...getInputProps(fields.address, { type: "text" })} key={fields.address.key} />
      </Field>
      <div className="field field--checkbox">
        <label>
          <input {...getInputProps(fields.active, { type: "checkbox" })} key={fields.active.key} />{" "}
          {t("admin.agency.activeLabel")}
        </label>
        <span className="hint">{t("admin.agency.activeHint")}</span>
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {agency ? t("common.save") : t("admin.agency.create")}
        </button>
        {agency ? (
          <Link className="button button--secondary" to="/admin/agencies">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
