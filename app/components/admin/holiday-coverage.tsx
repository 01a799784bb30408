import type { Tone } from "~/components/ui";
import { Badge } from "~/components/ui";
import type { HolidayKind } from "~/domain/admin/schemas";
import { useT } from "~/i18n/react";

const HOLIDAY_KIND_TONE: Record<HolidayKind, Tone> = { holiday: "ok", workday: "warn" };

/** A holiday override's kind: a day off, or a make-up working day (调休上班). */
export function HolidayKindBadge({ kind }: { kind: string }) {
  const t = useT();
  return <Badge tone={HOLIDAY_KIND_TONE[kind as HolidayKind] ?? "neutral"}>{t.label("admin.holidayKind", kind)}</Badge>;
}

export type HolidayCoverage = {
  currentYear: number;
  years: { year: number; packaged: boolean; manual: number; covered: boolean }[];
  packagedFrom: number | null;
  packagedTo: number | null;
  needsEntries: number[];
  partial: { year: number; entries: number }[];
};

/** One paragraph: which years the packaged data covers and which need entries. */
export function HolidayCoverageSummary({ coverage }: { coverage: HolidayCoverage }) {
  const t = useT();
  const manualYears = coverage.years.filter((y) => !y.packaged && y.manual > 0);
  return (
    <div className="admin-stack">
      <p>
        {coverage.packagedFrom !== null && coverage.packagedTo !== null
          ? t("admin.holiday.packagedRange", { from: coverage.packagedFrom, to: coverage.packagedTo })
          : t("admin.holiday.packagedNone")}
      </p>
      {manualYears.length > 0 ? (
        <p>
          {t("admin.holiday.manualYears", {
            years: manualYears.map((y) => t("admin.holiday.yearEntries", { year: y.year, count: y.manual })).join("、"),
          })}
        </p>
      ) : null}
      {coverage.needsEntries.length > 0 ? (
        <p>
          <Badge tone="danger">{t("admin.holiday.missing")}</Badge>{" "}
          {t("admin.holiday.needsEntriesShort", { years: coverage.needsEntries.join("、") })}
        </p>
      ) : null}
      {coverage.partial.map((p) => (
        <p key={p.year}>
          <Badge tone="warn">{t("admin.holiday.check")}</Badge>{" "}
          {t("admin.holiday.partial", { year: p.year, count: p.entries })}
        </p>
      ))}
      {coverage.needsEntries.length === 0 && coverage.partial.length === 0 ? (
        <p>
          <Badge tone="ok">{t("admin.holiday.upToDate")}</Badge>{" "}
          {t("admin.holiday.upToDateHint", { from: coverage.currentYear, to: coverage.currentYear + 1 })}
        </p>
      ) : null}
    </div>
  );
}

/** A year-by-year table of the data source: packaged, entered here, or none. */
export function HolidayYearGrid({ coverage }: { coverage: HolidayCoverage }) {
  const t = useT();
  return (
    <ul className="year-grid" aria-label={t("admin.holiday.coverageTitle")}>
      {coverage.years.map((y) => {
        const soon = y.year >= coverage.currentYear && y.year <= coverage.currentYear + 1;
        const tone = y.packaged ? "ok" : y.manual > 0 ? (soon ? "warn" : "info") : soon ? "danger" : "neutral";
        const label = y.packaged
          ? t("admin.holiday.sourcePackage")
          : y.manual > 0
          ? t("admin.holiday.sourceManual", { count: y.manual })
          : t("admin.holiday.sourceNone");
        return (
          <li key={y.year} className={`year-cell year-cell--${tone}`}>
            <strong>{y.year}</strong>
            <span>{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
