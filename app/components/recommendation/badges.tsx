import type { Tone } from "~/components/ui";
import { Badge } from "~/components/ui";
import type { ReplyProgress } from "~/domain/case/presentation";
import { REPLY_PROGRESS_TONE } from "~/domain/case/presentation";
import type { FollowUpConclusion } from "~/domain/recommendation/follow-up";
import type { AnswerStatus, ReplyStatus } from "~/domain/recommendation/reply";
import type { RecommendationStatus } from "~/domain/recommendation/states";
import { useT } from "~/i18n/react";

// The badges of a recommendation's life: its status, the agency's reply and answers, the
// follow-up's conclusion. Each status's colour is written here once; the staff case page, the
// series page and the agency portal all draw them through these components.

const RECOMMENDATION_TONE: Record<RecommendationStatus, Tone> = {
  draft: "info",
  pending_approval: "info",
  approved: "info",
  served: "warn", // the agency's reply period runs (两高解释 Art 21)
  replied: "ok",
  closed: "ok",
};

export function RecommendationStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <Badge tone={RECOMMENDATION_TONE[status as RecommendationStatus] ?? "neutral"}>
      {t.label("recommendationStatus", status)}
    </Badge>
  );
}

const REPLY_TONE: Record<ReplyStatus, Tone> = {
  draft: "warn", // not yet a reply: the clock still runs
  submitted: "info",
  assessed: "ok",
};

export function ReplyStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={REPLY_TONE[status as ReplyStatus] ?? "neutral"}>{t.label("replyStatus", status)}</Badge>;
}

const ANSWER_TONE: Record<AnswerStatus, Tone> = {
  done: "ok",
  partly_done: "warn",
  in_progress: "info",
  // Non-performance if it stays so (规则 Art 82): red.
  not_done: "danger",
  // An objection is a lawful answer to be re-examined at once (建议规定 Art 23), not a failure to
  // act: amber, on the case page and in the agency portal alike.
  objection: "warn",
};

export function AnswerStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={ANSWER_TONE[status as AnswerStatus] ?? "neutral"}>{t.label("answerStatus", status)}</Badge>;
}

const CONCLUSION_TONE: Record<FollowUpConclusion, Tone> = {
  rectified: "ok",
  partly_rectified: "warn",
  not_rectified: "danger", // failure and harm persist: suit (规则 Arts 81–82)
};

export function FollowUpConclusionBadge({ conclusion }: { conclusion: string }) {
  const t = useT();
  return (
    <Badge tone={CONCLUSION_TONE[conclusion as FollowUpConclusion] ?? "neutral"}>
      {t.label("followUpConclusion", conclusion)}
    </Badge>
  );
}

/** Where a case's latest recommendation stands with the agency (series overviews). */
export function ReplyProgressBadge({ progress }: { progress: ReplyProgress }) {
  const t = useT();
  return <Badge tone={REPLY_PROGRESS_TONE[progress]}>{t.dynamic(`cases.replyProgress.${progress}`)}</Badge>;
}
