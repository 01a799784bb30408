import { Badge } from "~/components/ui";
import type { Tone } from "~/components/ui";
import { useT } from "~/i18n/react";

// The colour of each status of a case's parts lives here, once (DESIGN.md: a status's colour lives
// in its badge component).

const RECOMMENDATION_TONE: Record<string, Tone> = { served: "warn", replied: "ok", closed: "ok" };

/** 草稿 / 待审批 / 已送达 … of a 检察建议. */
export function RecommendationStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={RECOMMENDATION_TONE[status] ?? "info"}>{t.label("recommendationStatus", status)}</Badge>;
}

/** A reply of the agency: submitted, or assessed by the prosecutor. */
export function ReplyStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={status === "assessed" ? "ok" : "info"}>{t.label("replyStatus", status)}</Badge>;
}

const ANSWER_TONE: Record<string, Tone> = { done: "ok", not_done: "danger", objection: "danger" };

/** The agency's answer to one point: done, in progress, not done, objection. */
export function AnswerStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={ANSWER_TONE[status] ?? "warn"}>{t.label("answerStatus", status)}</Badge>;
}

const CONCLUSION_TONE: Record<string, Tone> = { rectified: "ok", not_rectified: "danger" };

/** The conclusion of a follow-up assessment (规则 Art 77). */
export function FollowUpConclusionBadge({ conclusion }: { conclusion: string }) {
  const t = useT();
  return <Badge tone={CONCLUSION_TONE[conclusion] ?? "warn"}>{t.label("followUpConclusion", conclusion)}</Badge>;
}
