import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/components/case/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { HolidayCoverageSummary } from "~/components/admin/holiday-coverage";
import { Badge, Card, Facts, PageHeader, Stat } from "~/components/ui";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { useT } from "~/i18n/react";
import { holidayCoverage } from "~/models/holiday.server";
import { lastStoreVerification } from "~/models/evidence-verify.server";
import { StoreVerificationSummary } from "~/components/evidence/store-verification";
import { adminOverview } from "~/models/procuratorate.server";
import { DOCUMENT_KINDS } from "~/domain/documents/kinds";
import { requirePermission, staffScope } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  const procuratorateId = staffScope(scope);
  const now = new Date();
  const [overview, coverage, verification] = await Promise.all([
    adminOverview(procuratorateId, now),
    holidayCoverage(procuratorateId, dateInShanghai(now)),
    lastStoreVerification(),
  ]);
  return { ...overview, coverage, verification, documentKinds: DOCUMENT_KINDS.length };
}

export default function AdminOverview() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const { procuratorate } = data;
  return (
    <>
      <PageHeader title={procuratorate.name} subtitle={t("admin.overview.subtitle")} />

      <div className="grid grid-4" style={{ marginBottom: 18 }}>
        <Stat value={data.userTotal} label={t("admin.overview.activeUsers")} to="/admin/users" />
        <Stat value={data.agencies.active} label={t("admin.overview.agencies")} to="/admin/agencies" />
        <Stat value={data.panelistTotal} label={t("admin.overview.panelists")} to="/admin/panelists" />
        <Stat
          value={data.pendingInvitations}
          label={t("admin.overview.pendingInvitations")}
          to="/admin/users#pending"
        />
      </div>

      {data.coverage.needsEntries.length > 0 ? (
        <div className="notice notice--warn" role="alert" style={{ marginBottom: 18 }}>
          {t("admin.holiday.needsEntries", { years: data.coverage.needsEntries.join("、") })}{" "}
          <Link to="/admin/holidays">{t("admin.overview.goHolidays")}</Link>
        </div>
      ) : null}

      <div className="grid grid-2">
        <Card
          title={t("admin.overview.usersByRole")}
          actions={<Link to="/admin/users">{t("admin.overview.manage")}</Link>}
        >
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("admin.users.role")}</th>
                  <th className="num">{t("admin.overview.active")}</th>
                  <th className="num">{t("admin.overview.inactive")}</th>
                </tr>
              </thead>
              <tbody>
                {data.usersByRole.map((r) => (
                  <tr key={r.role}>
                    <td>{t.label("role", r.role)}</td>
                    <td className="num">{r.active}</td>
                    <td className="num">{r.inactive ? <span className="muted">{r.inactive}</span> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        <Card
          title={t("admin.overview.panelistsByCategory")}
          actions={<Link to="/admin/panelists">{t("admin.overview.manage")}</Link>}
        >
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("admin.panelist.category")}</th>
                  <th className="num">{t("admin.overview.count")}</th>
                </tr>
              </thead>
              <tbody>
                {data.panelistsByCategory.map((c) => (
                  <tr key={c.category}>
                    <td>
                      <Link to={`/admin/panelists?category=${c.category}`}>
                        {t.label("panelistCategory", c.category)}
                      </Link>
                    </td>
                    <td className="num">{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        <Card title={t("admin.profile.title")} actions={<Link to="/admin/profile">{t("admin.overview.manage")}</Link>}>
          <Facts
            items={[
              [t("admin.profile.name"), procuratorate.name],
              [t("admin.profile.shortName"), procuratorate.shortName],
              [t("admin.profile.region"), procuratorate.region],
              [t("admin.profile.phone"), procuratorate.phone],
              [
                t("admin.profile.clueEvaluationDays"),
                procuratorate.clueEvaluationDays
                  ? t("admin.profile.daysValue", { days: procuratorate.clueEvaluationDays })
                  : t("admin.profile.noLimit"),
              ],
            ]}
          />
        </Card>

        <Card
          title={t("admin.holiday.coverageTitle")}
          actions={<Link to="/admin/holidays">{t("admin.overview.manage")}</Link>}
        >
          <HolidayCoverageSummary coverage={data.coverage} />
        </Card>

        <Card
          title={t("admin.templates.title")}
          actions={<Link to="/admin/templates">{t("admin.overview.manage")}</Link>}
        >
          <p>
            {t("admin.overview.templates", { count: data.templates, total: data.documentKinds })}{" "}
            {data.templates === 0 ? <Badge tone="warn">{t("admin.templates.none")}</Badge> : null}
          </p>
        </Card>

        <Card title={t("evidenceFiles.store.title")}>
          <StoreVerificationSummary verification={data.verification} />
        </Card>
      </div>
    </>
  );
}
