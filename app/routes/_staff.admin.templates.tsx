import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle, titleIn } from "~/components/case/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Card, PageHeader } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { listTemplatesByKind } from "~/models/template.server";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.templates.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  return { kinds: await listTemplatesByKind(staffScope(scope)) };
}

export default function AdminTemplates() {
  const { kinds } = useLoaderData<typeof loader>();
  const t = useT();
  const withTemplate = kinds.filter((k) => k.template).length;
  return (
    <>
      <PageHeader
        title={t("admin.templates.title")}
        subtitle={t("admin.templates.subtitle")}
        crumbs={[{ to: "/admin", label: t("nav.admin") }]}
      />
      <div className={withTemplate === 0 ? "notice notice--warn" : "notice"} style={{ marginBottom: 18 }}>
        {t("admin.templates.summary", { count: withTemplate, total: kinds.length })}
        {withTemplate < kinds.length ? `${t.locale === "en" ? " " : ""}${t("admin.templates.missingHint")}` : null}
      </div>
      <Card>
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th>{t("admin.templates.kind")}</th>
                <th>{t("admin.templates.template")}</th>
                <th>{t("admin.templates.activeVersion")}</th>
                <th>{t("admin.templates.fields")}</th>
                <th>{t("common.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map(({ kind, template, overridden }) => {
                const active = template?.versions.find((v) => v.version === template.activeVersion) ?? null;
                return (
                  <tr key={kind} data-kind={kind}>
                    <td data-label={t("admin.templates.kind")}>
                      <Link to={`/admin/templates/${kind}`}>
                        <strong>{t.label("documentKind", kind)}</strong>
                      </Link>
                      <div className="muted small">
                        <Link to={`/admin/templates/${kind}`}>{t("templates.list.open")}</Link>
                      </div>
                    </td>
                    <td data-label={t("admin.templates.template")}>
                      {template ? (
                        <div>
                          {template.name}{" "}
                          <Badge tone="info">
                            {template.scope === "own" ? t("admin.templates.own") : t("admin.templates.shared")}
                          </Badge>
                          {overridden ? (
                            <div className="muted small">{t("templates.list.overrides", { version: overridden.activeVersion })}</div>
                          ) : null}
                        </div>
                      ) : (
                        <Badge tone="warn">{t("admin.templates.none")}</Badge>
                      )}
                    </td>
                    <td data-label={t("admin.templates.activeVersion")}>
                      {template ? (
                        <div>
                          {t("admin.templates.version", { version: template.activeVersion })}
                          <span className="muted small">
                            {" "}
                            {t("admin.templates.versionCount", { count: template.versions.length })}
                          </span>
                          {active ? <div className="mono muted">{active.sha256.slice(0, 12)}</div> : null}
                        </div>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td data-label={t("admin.templates.fields")}>
                      {active?.fieldCount != null ? t("admin.templates.fieldCount", { count: active.fieldCount }) : "—"}
                    </td>
                    <td data-label={t("common.updated")}>
                      <div>
                        {active ? formatDateTime(active.createdAt, t.locale) : "—"}
                        {active?.note ? <div className="muted small">{active.note}</div> : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
