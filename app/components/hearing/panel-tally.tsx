import { StanceBadge } from "~/components/hearing/hearing-badges";
import { Badge } from "~/components/ui";
import type { OpinionTally } from "~/domain/hearing/majority";
import { useT } from "~/i18n/react";

// The panel's tally on one case of one hearing (issue 9), for the case page: sealed until the host
// closes deliberation (app/domain/hearing/opinions.ts opinionsUnsealed), then the counts, the
// majority and the decision recorded (听证规定 Art 16).

export type TallyView =
  | { hearingId: string; sealed: true }
  | { hearingId: string; sealed: false; tally: OpinionTally; decisionStance: string | null; departed: boolean };

export function PanelTally({ view }: { view: TallyView | undefined }) {
  const t = useT();
  if (!view) return <span className="muted">—</span>;
  if (view.sealed) return <Badge tone="neutral">{t("hearingPanel.tally.sealed")}</Badge>;
  const { tally } = view;
  return (
    <div className="panel-tally" data-tally={view.hearingId}>
      {tally.total === 0 ? (
        <span className="muted">{t("hearingPanel.tally.none")}</span>
      ) : (
        <>
          <div>{t("hearingPanel.tally.counts", { agree: tally.agree, conditional: tally.conditional, disagree: tally.disagree, total: tally.total })}</div>
          <div className="small">
            {tally.majority
              ? t("hearingPanel.tally.majority", { stance: t.label("opinionStance", tally.majority) })
              : t("hearingPanel.tally.noMajority")}
          </div>
        </>
      )}
      {view.decisionStance ? (
        <div className="small">
          {t("hearingPanel.tally.decision")}
          <StanceBadge stance={view.decisionStance} />{" "}
          {view.departed ? <Badge tone="warn">{t("hearingPanel.decision.departed")}</Badge> : null}
        </div>
      ) : null}
    </div>
  );
}
