import { Link } from "@remix-run/react";
import {
  DeadlineExplanation,
  RemainingBadge,
} from "~/components/deadline/deadline-view";
import { Badge } from "~/components/ui";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import type { LiveDeadline } from "~/models/deadline.server";

/** Live deadlines as a table: case, what is due, basis, trigger, due date with its steps, days left. */
export function DeadlineTable({
  items,
  showCases = true,
}: {
  items: readonly LiveDeadline[];
  showCases?: boolean;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive deadline-table">
        <thead>
          <tr>
            {showCases ? <th scope="col">{t("deadlines.col.case")}</th> : null}
            <th scope="col">{t("deadlines.col.name")}</th>
            <th scope="col">{t("deadlines.col.basis")}</th>
            <th scope="col">{t("deadlines.col.trigger")}</th>
            <th scope="col">{t("deadlines.col.due")}</th>
            <th scope="col">{t("deadlines.col.remaining")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr
              key={d.key}
              className={`deadline-row deadline-row--${d.status}`}
            >
              {showCases ? (
                <td data-label={t("deadlines.col.case")}>
                  <div className="deadline-cases">
                    {d.cases.map((c) => (
                      <span key={c.id}>
                        <Link to={`/cases/${c.id}`}>{c.number ?? c.title}</Link>
                        {c.number ? (
                          <span className="muted small"> {c.title}</span>
                        ) : null}
                      </span>
                    ))}
                  </div>
                </td>
              ) : null}
              <td data-label={t("deadlines.col.name")}>
                <div>
                  <div>{t.label("deadlines.rule", d.ruleId)}</div>
                  <div className="muted small">
                    {d.hearing ? (
                      <>
                        <Link to={`/hearings/${d.hearing.id}`}>
                          {t("deadlines.detail.hearing", {
                            title: d.hearing.title,
                          })}
                        </Link>
                        {" · "}
                      </>
                    ) : null}
                    {[
                      d.recommendation
                        ? d.recommendation.number
                          ? t("deadlines.detail.recommendation", {
                              number: d.recommendation.number,
                            })
                          : t("deadlines.detail.recommendationDraft")
                        : null,
                      d.agency,
                      t.label("deadlines.party", d.party),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </div>
                </div>
              </td>
              <td data-label={t("deadlines.col.basis")} className="small">
                {t.dynamic(d.basisKey)}
              </td>
              <td data-label={t("deadlines.col.trigger")}>
                <div>
                  <div className="nowrap">
                    {formatDate(d.triggerOn, t.locale)}
                  </div>
                  <div className="muted small">
                    {t.label("deadlines.trigger", d.ruleId)}
                  </div>
                </div>
              </td>
              <td data-label={t("deadlines.col.due")}>
                <div className="deadline-due">
                  <div className="nowrap">
                    <strong>{formatDate(d.dueOn, t.locale)}</strong>
                    {d.extended ? (
                      <>
                        {" "}
                        <Badge tone="info">{t("deadlines.extended")}</Badge>
                      </>
                    ) : null}
                  </div>
                  <DeadlineExplanation steps={d.steps} />
                </div>
              </td>
              <td data-label={t("deadlines.col.remaining")} className="nowrap">
                <RemainingBadge days={d.daysRemaining} status={d.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
