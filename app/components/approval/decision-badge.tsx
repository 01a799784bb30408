import { Badge } from "~/components/ui";
import { decisionTone } from "~/domain/approval/rules";
import { useT } from "~/i18n/react";

/** An approval's decision (待审批 / 批准 / 不批准) as a badge. */
export function DecisionBadge({ decision }: { decision: string }) {
  const t = useT();
  return <Badge tone={decisionTone(decision)}>{t.label("approvalDecision", decision)}</Badge>;
}
