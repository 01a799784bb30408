import { Link } from "@remix-run/react";
import { DeadlineExplanation, RemainingBadge } from "~/components/deadline/deadline-view";
import { Badge } from "~/components/ui";
import type { DeadlineStatus, DeadlineStep } from "~/domain/deadlines/compute";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";

export type CaseDeadline = {
  key: string;
  ruleId: string;
  party: string;
  basisKey: string;
  triggerOn: string;
  dueOn: string;
  daysRemaining: number;
  status: DeadlineStatus;
  extended: boolean;
  steps: DeadlineStep[];
  hearing: { id: string; title: string } | null;
  recommendation: { id: string; number: string | null } | null;
};

/** A case's live deadlines, soonest first, each with the steps that produced its due date. */
export function CaseDeadlines({ items }: { items: readonly CaseDeadline[] }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{t("casepage.deadlines.none")}</p>;
  return (
    <ul className="plain-list case-deadlines">
      {items.map((d) => (
        <li key={d.key} className={`deadline-row deadline-row--${d.status}`}>
          <div>
            <strong>{t.label("deadlines.rule", d.ruleId)}</strong> <RemainingBadge days={d.daysRemaining} status={d.status} />
            {d.extended ? (
              <>
                {" "}
                <Badge tone="info">{t("deadlines.extended")}</Badge>
              </>
            ) : null}
          </div>
          <div className="small">
            {t("casepage.deadlines.due", { date: formatDate(d.dueOn, t.locale) })} ·{" "}
            <span className="muted">
              {t.label("deadlines.trigger", d.ruleId)} {formatDate(d.triggerOn, t.locale)} · {t.label("deadlines.party", d.party)} ·{" "}
              {t.dynamic(d.basisKey)}
            </span>
            {d.hearing ? (
              <>
                {" · "}
                <Link to={`/hearings/${d.hearing.id}`}>{t("deadlines.detail.hearing", { title: d.hearing.title })}</Link>
              </>
            ) : null}
          </div>
          <DeadlineExplanation steps={d.steps} />
        </li>
      ))}
    </ul>
  );
}
