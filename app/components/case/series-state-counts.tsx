import { Badge } from "~/components/ui";
import { stateTone } from "~/domain/case/presentation";
import { CASE_STATES } from "~/domain/case/states";
import { useT } from "~/i18n/react";

/** "整改期 3 · 跟进调查 2 · 终结 1": a series' cases counted per state, in lifecycle order. */
export function SeriesStateCounts({ byState }: { byState: Record<string, number> }) {
  const t = useT();
  const present = CASE_STATES.filter((s) => (byState[s] ?? 0) > 0);
  if (present.length === 0) return <span className="muted">—</span>;
  return (
    <span className="state-counts">
      {present.map((s) => (
        <Badge key={s} tone={stateTone(s)}>
          {t.label("caseState", s)} {byState[s]}
        </Badge>
      ))}
    </span>
  );
}
