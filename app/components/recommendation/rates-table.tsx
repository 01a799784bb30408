import type { Rates, YearRates } from "~/domain/recommendation/rates";
import { percent } from "~/domain/recommendation/rates";
import { useT } from "~/i18n/react";

/** "3 / 4 (75%)", or "—" with nothing to count. */
function Ratio({ n, of }: { n: number; of: number }) {
  const p = percent(n, of);
  return (
    <span>
      {n} / {of}
      {p === null ? "" : ` (${p}%)`}
    </span>
  );
}

/**
 * The honest rates (issue 11 §6), total and per year: replies on time against replies due, points
 * really rectified on verification against points replied as done, and paper-only rectifications
 * (回复了但未实际整改, counted as not rectified).
 */
export function RatesTable({ rates }: { rates: { total: Rates; years: YearRates[] } }) {
  const t = useT();
  const rows: { key: string; label: string; r: Rates }[] = [
    ...rates.years.map((y) => ({ key: String(y.year), label: String(y.year), r: y })),
    { key: "total", label: t("agencyAssess.rates.total"), r: rates.total },
  ];
  return (
    <div className="table-wrap" id="rates">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th scope="col">{t("agencyAssess.rates.year")}</th>
            <th scope="col">{t("agencyAssess.rates.onTime")}</th>
            <th scope="col">{t("agencyAssess.rates.rectified")}</th>
            <th scope="col">{t("agencyAssess.rates.paperOnly")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, r }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td data-label={t("agencyAssess.rates.onTime")}>
                <Ratio n={r.repliesOnTime} of={r.repliesDue} />
              </td>
              <td data-label={t("agencyAssess.rates.rectified")}>
                <Ratio n={r.pointsReallyRectified} of={r.pointsRepliedDone} />
              </td>
              <td data-label={t("agencyAssess.rates.paperOnly")}>
                <Ratio n={r.pointsPaperOnly} of={r.pointsRepliedDone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t("agencyAssess.rates.note")}</p>
    </div>
  );
}
