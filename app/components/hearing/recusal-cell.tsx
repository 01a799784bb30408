import { Form, useNavigation } from "@remix-run/react";
import { Badge } from "~/components/ui";
import { PANEL_NAME_MAX, PANEL_REASON_MAX } from "~/domain/hearing/panel-schemas";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

// The recusal of one panel seat on the staff panel tab (规则 Art 23): the request (who asked, when,
// why), its due date (3 days, deadline rule recusal_decision) with the overdue flag, the decision
// with who and when, and the forms to record a request and to decide it.

type SeatRow = {
  panelistId: string;
  recused: boolean;
  recusalReason: string | null;
  recusalRequestedAt: Date | string | null;
  recusalRequestedBy: string | null;
  recusalDecision: string | null;
  recusalDecidedAt: Date | string | null;
  recusalDecidedBy: { displayName: string } | null;
  panelist: { name: string };
  recusal: { state: "none" | "pending" | "decided"; dueOn: string | null; overdue: boolean };
};

function useBusy(key: string) {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formData?.get("panelistId") === key;
}

export function RecusalCell({ s, mayManage, finished }: { s: SeatRow; mayManage: boolean; finished: boolean }) {
  const t = useT();
  const busy = useBusy(s.panelistId);
  const r = s.recusal;
  return (
    <div className="recusal">
      {s.recusalRequestedAt ? (
        <div className="small">
          {t("hearingPanel.recusal.requested", {
            who: s.recusalRequestedBy ?? "—",
            time: formatDateTime(s.recusalRequestedAt, t.locale),
          })}
          {s.recusalReason ? <div>{t("hearingPanel.recusal.reason", { reason: s.recusalReason })}</div> : null}
        </div>
      ) : null}
      {r.state === "pending" && r.dueOn ? (
        <div className="small">
          {t("hearingPanel.recusal.due", { date: formatDate(r.dueOn, t.locale) })}{" "}
          {r.overdue ? <Badge tone="danger">{t("hearingPanel.recusal.overdue")}</Badge> : null}
        </div>
      ) : null}
      {r.state === "decided" && s.recusalDecision ? (
        <div className="small">
          <Badge tone={s.recusalDecision === "granted" ? "danger" : "neutral"}>{t.label("recusalDecision", s.recusalDecision)}</Badge>{" "}
          {t("hearingPanel.recusal.decidedBy", {
            name: s.recusalDecidedBy?.displayName ?? "—",
            time: s.recusalDecidedAt ? formatDateTime(s.recusalDecidedAt, t.locale) : "—",
          })}
        </div>
      ) : null}
      {r.state === "none" && !s.recused ? <span className="muted">—</span> : null}
      {mayManage && !finished && r.state === "pending" ? (
        <Form method="post" className="inline-form" aria-label={t("hearingPanel.recusal.decideOf", { name: s.panelist.name })}>
          <input type="hidden" name="intent" value="decideRecusal" />
          <input type="hidden" name="panelistId" value={s.panelistId} />
          <button className="button" type="submit" name="decision" value="granted" disabled={busy}>
            {t("hearingPanel.recusal.grant")}
          </button>{" "}
          <button className="button button--secondary" type="submit" name="decision" value="refused" disabled={busy}>
            {t("hearingPanel.recusal.refuse")}
          </button>
        </Form>
      ) : null}
      {mayManage && !finished && r.state !== "pending" && !s.recused ? (
        <details className="small">
          <summary>{t("hearingPanel.recusal.record")}</summary>
          <Form method="post" className="stack" aria-label={t("hearingPanel.recusal.recordOf", { name: s.panelist.name })}>
            <input type="hidden" name="intent" value="requestRecusal" />
            <input type="hidden" name="panelistId" value={s.panelistId} />
            <label>
              {t("hearingPanel.recusal.requestedBy")}
              <input type="text" name="requestedBy" required maxLength={PANEL_NAME_MAX} />
            </label>
            <label>
              {t("hearingPanel.recusal.reasonLabel")}
              <textarea name="reason" required maxLength={PANEL_REASON_MAX} rows={2} />
            </label>
            <button className="button button--secondary" type="submit" disabled={busy}>
              {t("hearingPanel.recusal.submit")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

