import { Badge } from "~/components/ui";
import { clueStatusTone, stateTone } from "~/domain/case/presentation";
import { useT } from "~/i18n/react";

/** A case state as a coloured badge (tone from app/domain/case/presentation). */
export function CaseStateBadge({ state }: { state: string }) {
  const t = useT();
  return <Badge tone={stateTone(state)}>{t.label("caseState", state)}</Badge>;
}

/** 紧急 marker: spreading or urgent harm, 15-day reply period (两高解释 Art 21). */
export function UrgentBadge() {
  const t = useT();
  return (
    <span title={t("cases.urgent.hint")}>
      <Badge tone="danger">{t("cases.urgent")}</Badge>
    </span>
  );
}

/** A clue's status (线索, schema.prisma model Clue) as a coloured badge. */
export function ClueStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={clueStatusTone(status)}>{t.label("clueStatus", status)}</Badge>;
}
