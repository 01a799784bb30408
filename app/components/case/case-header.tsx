import type { ReactNode } from "react";
import { CaseProgress } from "~/components/case/case-progress";
import { CaseStateBadge, UrgentBadge } from "~/components/case/case-state-badge";
import { PageHeader } from "~/components/ui";
import { useT } from "~/i18n/react";

/** The top of a case page: breadcrumbs, 案由 as the title, case number, state, stage strip. */
export function CaseHeader({
  title,
  number,
  state,
  urgent,
  transitions,
  actions,
}: {
  title: string;
  number: string | null;
  state: string;
  urgent: boolean;
  transitions: readonly { fromState: string; toState: string }[];
  actions?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="case-header">
      <PageHeader
        crumbs={[{ to: "/cases", label: t("nav.cases") }]}
        title={title}
        subtitle={
          <span className="case-header__meta">
            <span className="mono">{number ?? t("cases.noNumber")}</span>
            <CaseStateBadge state={state} />
            {urgent ? <UrgentBadge /> : null}
          </span>
        }
        actions={actions}
      />
      <CaseProgress state={state} transitions={transitions} />
    </div>
  );
}
