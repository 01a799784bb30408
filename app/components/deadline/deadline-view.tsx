import { Badge } from "~/components/ui";
import type { DeadlineStatus, DeadlineStep } from "~/domain/deadlines/compute";
import { explainSteps } from "~/domain/deadlines/explain";
import { formatCountdown, formatDate } from "~/i18n";
import { useT } from "~/i18n/react";

const TONE: Record<DeadlineStatus, "ok" | "warn" | "danger" | "neutral"> = {
  ok: "ok",
  due_soon: "warn",
  overdue: "danger",
  paused: "neutral",
};

/** The colour of a deadline status, for every badge that shows days left (staff and portal). */
export function deadlineTone(status: DeadlineStatus): "ok" | "warn" | "danger" | "neutral" {
  return TONE[status];
}

/** Days left as a badge: red when overdue, amber within three days. */
export function RemainingBadge({ days, status }: { days: number; status: DeadlineStatus }) {
  const t = useT();
  const text = status === "paused" ? t("deadlines.remaining.paused", { n: days }) : formatCountdown(days, t);
  return <Badge tone={deadlineTone(status)}>{text}</Badge>;
}

/** The computation of a due date, one sentence a step, in the reader's language. */
export function DeadlineSteps({ steps }: { steps: readonly DeadlineStep[] }) {
  const t = useT();
  const lines = explainSteps(
    steps,
    (key, vars) => t(key, vars),
    t.locale,
    (d) => formatDate(d, t.locale)
  );
  return (
    <ol className="deadline-steps">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ol>
  );
}

/** A collapsed "how was this computed" under a due date. */
export function DeadlineExplanation({ steps }: { steps: readonly DeadlineStep[] }) {
  const t = useT();
  return (
    <details className="deadline-how">
      <summary>{t("deadlines.how")}</summary>
      <DeadlineSteps steps={steps} />
    </details>
  );
}
