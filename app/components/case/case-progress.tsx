import { stageProgress } from "~/domain/case/presentation";
import { useT } from "~/i18n/react";

/**
 * The stage strip of a case: evaluation → filed → investigating → recommending → rectification →
 * follow-up → closed / litigation. A list, so a screen reader reads it in order; the state of each
 * step is spelled out, not only coloured.
 */
export function CaseProgress({
  state,
  transitions,
}: {
  state: string;
  transitions: readonly { fromState: string; toState: string }[];
}) {
  const t = useT();
  const stages = stageProgress(state, transitions);
  return (
    <ol className="case-progress" aria-label={t("cases.progress")}>
      {stages.map((s, i) => {
        const label = s.key === "outcome" ? t("cases.stage.outcome") : t.label("caseState", s.key);
        return (
          <li
            key={s.key}
            className={`case-progress__step case-progress__step--${s.status}`}
            aria-current={s.status === "current" ? "step" : undefined}
          >
            <span className="case-progress__dot" aria-hidden>
              {s.status === "done" ? "✓" : s.status === "skipped" ? "–" : i + 1}
            </span>
            <span className="case-progress__label">
              {label}
              {s.suspended ? <small>{t("caseState.suspended")}</small> : null}
              <span className="visually-hidden"> · {t.dynamic(`cases.stageStatus.${s.status}`)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
