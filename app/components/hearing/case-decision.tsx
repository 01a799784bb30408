import { Form, useNavigation } from "@remix-run/react";
import { StanceBadge } from "~/components/hearing/hearing-badges";
import { Badge, FormError } from "~/components/ui";
import type { OpinionTally } from "~/domain/hearing/majority";
import { OPINION_STANCES } from "~/domain/hearing/majority";
import { OPINION_TEXT_MAX, PANEL_REASON_MAX } from "~/domain/hearing/panel-schemas";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

// The decision on one case after the hearing (issue 9), on the staff opinions tab: the recorded
// decision, or the form to record it, and the request to depart from the majority (听证规定 Art 16).

type Decision = {
  caseId: string;
  decisionStance: string | null;
  decisionNote: string | null;
  decidedAt: Date | string | null;
  decidedBy: { displayName: string } | null;
  departureApprovalId: string | null;
  departures: { id: string; decision: string; requestedAt: Date | string; usedAt: Date | string | null; reason: string | null; stance: string | null }[];
};

export function CaseDecision({
  caseId,
  tally,
  decision,
  mayDecide,
  errors,
}: {
  caseId: string;
  tally: OpinionTally;
  decision: Decision | null;
  mayDecide: boolean;
  errors: string[] | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("caseId") === caseId;
  if (!decision) return null;
  return (
    <div className="case-decision" data-decision={caseId}>
      <h4>{t("hearingPanel.decision.title")}</h4>
      {decision.decisionStance ? (
        <p>
          <StanceBadge stance={decision.decisionStance} /> {decision.decisionNote}
          <span className="muted small">
            {" "}
            {t("hearingPanel.decision.by", {
              name: decision.decidedBy?.displayName ?? "—",
              time: decision.decidedAt ? formatDateTime(decision.decidedAt, t.locale) : "—",
            })}
          </span>{" "}
          {decision.departureApprovalId ? <Badge tone="warn">{t("hearingPanel.decision.departed")}</Badge> : null}
        </p>
      ) : null}
      {decision.departures.length ? (
        <ul className="plain-list small">
          {decision.departures.map((d) => (
            <li key={d.id}>
              {t("hearingPanel.departure.item", {
                time: formatDateTime(d.requestedAt, t.locale),
                decision: t.label("approvalDecision", d.decision),
              })}
              {d.stance ? ` · ${t("hearingPanel.departure.stance")}: ${t.label("opinionStance", d.stance)}` : ""}
              {d.reason ? ` · ${d.reason}` : ""}
              {d.usedAt ? ` · ${t("hearingPanel.departure.used")}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {mayDecide && !decision.decisionStance ? (
        <>
          <p className="muted small">{t("hearingPanel.decision.intro")}</p>
          <FormError errors={errors} />
          <Form method="post" className="stack" aria-label={t("hearingPanel.decision.title")}>
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="caseId" value={caseId} />
            <label>
              {t("hearingPanel.decision.stance")}
              <select name="stance" required defaultValue={tally.majority ?? ""}>
                <option value="" disabled>
                  —
                </option>
                {OPINION_STANCES.map((s) => (
                  <option key={s} value={s}>
                    {t.label("opinionStance", s)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("hearingPanel.decision.note")}
              <textarea name="note" required maxLength={OPINION_TEXT_MAX} rows={2} />
            </label>
            <button className="button" type="submit" disabled={busy}>
              {t("hearingPanel.decision.submit")}
            </button>
          </Form>
          {tally.majority ? (
            <details className="small">
              <summary>{t("hearingPanel.departure.request")}</summary>
              <Form method="post" className="stack" aria-label={t("hearingPanel.departure.request")}>
                <input type="hidden" name="intent" value="requestDeparture" />
                <input type="hidden" name="caseId" value={caseId} />
                <label>
                  {t("hearingPanel.departure.stance")}
                  <select name="stance" required defaultValue="">
                    <option value="" disabled>
                      —
                    </option>
                    {OPINION_STANCES.filter((s) => s !== tally.majority).map((s) => (
                      <option key={s} value={s}>
                        {t.label("opinionStance", s)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t("hearingPanel.departure.reason")}
                  <textarea name="reason" required maxLength={PANEL_REASON_MAX} rows={2} />
                </label>
                <button className="button button--secondary" type="submit" disabled={busy}>
                  {t("hearingPanel.departure.submit")}
                </button>
              </Form>
            </details>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
