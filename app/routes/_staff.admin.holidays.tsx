import type { SubmissionResult } from "@conform-to/react";
import { pageTitle, titleIn } from "~/components/case/meta";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { HolidayCoverageSummary, HolidayKindBadge, HolidayYearGrid } from "~/components/admin/holiday-coverage";
import { ActionNotice } from "~/components/admin/notices";
import { Card, EmptyState, Field, FormError, PageHeader } from "~/components/ui";
import { HOLIDAY_KINDS, holidaySchema, holidaysActionSchema } from "~/domain/admin/schemas";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import {
  addHolidayOverride,
  deleteHolidayOverride,
  holidayCoverage,
  listHolidayOverrides,
} from "~/models/holiday.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.holiday.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  const procuratorateId = staffScope(scope);
  const [rows, coverage] = await Promise.all([
    listHolidayOverrides(procuratorateId),
    holidayCoverage(procuratorateId, dateInShanghai()),
  ]);
  return { rows, coverage };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:manage");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: holidaysActionSchema });
  if (submission.status !== "success") {
    return data(
      { intent: String(submission.payload.intent ?? ""), result: submission.reply(), notice: null },
      { status: 400 }
    );
  }
  const input = submission.value;
  if (input.intent === "delete") {
    await deleteHolidayOverride(procuratorateId, actor.userId, input.holidayId);
    return { intent: input.intent, result: submission.reply(), notice: "admin.holiday.deleted" };
  }
  const added = await addHolidayOverride(procuratorateId, actor.userId, input);
  if (!added.ok) {
    return data(
      {
        intent: input.intent,
        result: submission.reply({ fieldErrors: { [added.field]: [added.message] } }),
        notice: null,
      },
      { status: 400 }
    );
  }
  return { intent: input.intent, result: submission.reply({ resetForm: true }), notice: "admin.holiday.added" };
}

export default function AdminHolidays() {
  const { rows, coverage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("admin.holiday.title")}
        subtitle={t("admin.holiday.subtitle")}
        crumbs={[{ to: "/admin", label: t("nav.admin") }]}
      />
      <ActionNotice notice={actionData?.notice ?? null} />
      {coverage.needsEntries.length > 0 ? (
        <div className="notice notice--warn" role="alert" style={{ marginBottom: 18 }}>
          {t("admin.holiday.needsEntries", { years: coverage.needsEntries.join("、") })}
        </div>
      ) : null}

      <Card title={t("admin.holiday.coverageTitle")}>
        <HolidayCoverageSummary coverage={coverage} />
        <HolidayYearGrid coverage={coverage} />
        <p className="muted small">{t("admin.holiday.coverageHint")}</p>
      </Card>

      <Card title={t("admin.holiday.addTitle")}>
        <p className="muted">{t("admin.holiday.addIntro")}</p>
        <HolidayForm lastResult={actionData && actionData.intent !== "delete" ? actionData.result : null} />
      </Card>

      <Card title={t("admin.holiday.listTitle", { count: rows.length })}>
        {rows.length === 0 ? (
          <EmptyState title={t("admin.holiday.none")}>{t("admin.holiday.noneHint")}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th>{t("common.date")}</th>
                  <th>{t("admin.holiday.kind")}</th>
                  <th>{t("admin.holiday.name")}</th>
                  <th>{t("admin.holiday.packagedSays")}</th>
                  <th>{t("admin.holiday.source")}</th>
                  <th>{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t("common.date")} className="nowrap">
                      {formatDate(r.date, t.locale)}
                    </td>
                    <td data-label={t("admin.holiday.kind")}>
                      <HolidayKindBadge kind={r.kind} />
                    </td>
                    <td data-label={t("admin.holiday.name")}>{r.name}</td>
                    <td data-label={t("admin.holiday.packagedSays")}>
                      {r.packaged.known ? (
                        <>
                          {r.packaged.working ? t("admin.holiday.packagedWorking") : t("admin.holiday.packagedRest")}
                          {(t.locale === "en" ? r.packaged.nameEn : r.packaged.nameZh) && r.packaged.kind !== "weekend"
                            ? `（${t.locale === "en" ? r.packaged.nameEn : r.packaged.nameZh}）`
                            : null}
                        </>
                      ) : (
                        <span className="muted">{t("admin.holiday.packagedUnknown")}</span>
                      )}
                    </td>
                    <td data-label={t("admin.holiday.source")}>
                      {r.own ? t("admin.holiday.sourceOwn") : t("admin.holiday.sourceGlobal")}
                    </td>
                    <td data-label={t("common.actions")}>
                      {r.own ? (
                        <Form
                          method="post"
                          onSubmit={(e) => {
                            if (!window.confirm(t("admin.holiday.deleteConfirm", { date: r.date }))) e.preventDefault();
                          }}
                        >
                          <input type="hidden" name="intent" value="delete" />
                          <input type="hidden" name="holidayId" value={r.id} />
                          <button type="submit" className="button button--secondary">
                            {t("admin.holiday.delete")}
                          </button>
                        </Form>
                      ) : (
                        <span className="muted small">{t("admin.holiday.readOnly")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}

function HolidayForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "holiday-form",
    lastResult,
    defaultValue: { intent: "add", date: "", kind: "holiday", name: "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: holidaySchema }),
  });
  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add" />
      <FormError errors={form.errors} />
      <div className="grid grid-3">
        <Field label={t("common.date")} htmlFor={fields.date.id} errors={fields.date.errors}>
          <input {...getInputProps(fields.date, { type: "date" })} key={fields.date.key} />
        </Field>
        <Field label={t("admin.holiday.kind")} htmlFor={fields.kind.id} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
            {HOLIDAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.label("admin.holidayKind", k)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("admin.holiday.name")}
          htmlFor={fields.name.id}
          errors={fields.name.errors}
          hint={t("admin.holiday.nameHint")}
        >
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} />
        </Field>
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          {t("admin.holiday.add")}
        </button>
      </div>
    </Form>
  );
}
