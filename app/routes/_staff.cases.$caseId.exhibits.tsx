import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { formatFileSize } from "~/components/portal";
import { Card, Facts } from "~/components/ui";
import { EXHIBIT_ITEMS_MAX, exhibitLines, exhibitTotals } from "~/domain/evidence/exhibit-list";
import { createT, formatDate, localeFromRequest } from "~/i18n";
import { useT } from "~/i18n/react";
import { exhibitList } from "~/models/exhibit-list.server";
import { requireCaseRoute } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "evidenceDisclosure.exhibits.meta", undefined, data?.case.number ?? data?.case.title ?? null);

// The exhibit list (证据清单) of a case, print-friendly: per item its number, statutory kind
// (规则 Art 34), title, when and where collected and by whom (规则 Art 36), and each file's name,
// full SHA-256 and size. The lines come from app/domain/evidence/exhibit-list.ts, which the
// documents issue places in a document too.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { procuratorateId, caseId } = await requireCaseRoute(request, params, "case:read");
  const { case: kase, rows, total, truncated } = await exhibitList(procuratorateId, caseId);
  const t = createT(localeFromRequest(request));
  const lines = exhibitLines(rows, (kind) => t.label("evidenceKind", kind));
  return { case: kase, lines, totals: exhibitTotals(lines), total, truncated };
}

export default function CaseExhibits() {
  const { case: c, lines, totals, total, truncated } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="case-section exhibit-list">
      <Card title={t("evidenceDisclosure.exhibits.heading", { case: c.number ?? c.title })}>
        <p className="muted no-print">{t("evidenceDisclosure.exhibits.intro")}</p>
        <Facts
          items={[
            [t("evidenceDisclosure.exhibits.number"), c.number],
            [t("evidenceDisclosure.case"), c.title],
            [t("evidenceDisclosure.exhibits.respondent"), c.respondent],
            [t("evidenceDisclosure.exhibits.procuratorate"), c.procuratorate],
          ]}
        />
        <div className="actions no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t("evidenceDisclosure.exhibits.print")}
          </button>
        </div>
        {truncated ? (
          <p className="notice notice--warn" role="status" data-testid="exhibits-truncated">
            {t("evidenceDisclosure.exhibits.truncated", { max: EXHIBIT_ITEMS_MAX, total })}
          </p>
        ) : null}
        {lines.length === 0 ? (
          <p className="muted">{t("evidenceDisclosure.exhibits.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table exhibit-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("evidenceDisclosure.exhibits.col.number")}
                  </th>
                  <th scope="col">{t("evidenceDisclosure.exhibits.col.kind")}</th>
                  <th scope="col">{t("evidenceDisclosure.exhibits.col.title")}</th>
                  <th scope="col">{t("evidenceDisclosure.exhibits.col.collected")}</th>
                  <th scope="col">{t("evidenceDisclosure.exhibits.col.collectors")}</th>
                  <th scope="col">{t("evidenceDisclosure.exhibits.col.files")}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.number} data-exhibit={l.number}>
                    <td className="num">{l.number}</td>
                    <td className="nowrap">{l.kindLabel}</td>
                    <td>
                      {l.title}
                      <div className="muted small">
                        {t(l.isOriginal ? "evidenceDisclosure.exhibits.original" : "evidenceDisclosure.exhibits.copy")}
                      </div>
                    </td>
                    <td>
                      {l.collectedOn ? <div className="nowrap">{formatDate(l.collectedOn, t.locale)}</div> : null}
                      {l.collectedPlace ? <div>{l.collectedPlace}</div> : null}
                      {!l.collectedOn && !l.collectedPlace ? "—" : null}
                    </td>
                    <td>{l.collectors.length ? l.collectors.join("、") : "—"}</td>
                    <td>
                      {l.files.length ? (
                        <ol className="exhibit-files">
                          {l.files.map((f, i) => (
                            <li key={`${f.sha256}-${i}`}>
                              <span className="exhibit-file-name">{f.name}</span>{" "}
                              <span className="muted small">({formatFileSize(f.size, t)})</span>
                              {f.redactionOf ? (
                                <div className="muted small">
                                  {t("evidenceDisclosure.exhibits.redactionOf", { name: f.redactionOf })}
                                </div>
                              ) : null}
                              <div className="mono small exhibit-hash">{f.sha256}</div>
                            </li>
                          ))}
                        </ol>
                      ) : (
                        <span className="muted">{t("evidenceDisclosure.exhibits.noFiles")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="small">
          {t("evidenceDisclosure.exhibits.totals", {
            items: totals.items,
            files: totals.files,
            size: formatFileSize(totals.bytes, t),
          })}
        </p>
      </Card>
    </div>
  );
}
