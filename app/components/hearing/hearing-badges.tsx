import { Badge } from "~/components/ui";
import type { Tone } from "~/components/ui";
import { useT } from "~/i18n/react";

const STATUS_TONE: Record<string, Tone> = {
  planned: "neutral",
  notified: "info",
  in_progress: "warn",
  deliberating: "warn",
  concluded: "ok",
  cancelled: "danger",
};

export function HearingStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[status] ?? "neutral"}>{t.label("hearingStatus", status)}</Badge>;
}

/** 公开 / 不公开 (听证规定 Art 5: public unless secrets or privacy). */
export function HearingFormBadge({ isPublic }: { isPublic: boolean }) {
  const t = useT();
  return <Badge tone={isPublic ? "info" : "neutral"}>{isPublic ? t("hearings.public") : t("hearings.closed")}</Badge>;
}

const STANCE_TONE: Record<string, Tone> = { agree: "ok", disagree: "danger", conditional: "warn" };

export function StanceBadge({ stance }: { stance: string }) {
  const t = useT();
  return <Badge tone={STANCE_TONE[stance] ?? "neutral"}>{t.label("opinionStance", stance)}</Badge>;
}

/** Attendance: present, absent, or not yet recorded. */
export function AttendedText({ attended }: { attended: boolean | null }) {
  const t = useT();
  if (attended === null) return <span className="muted">{t("hearings.attended.unknown")}</span>;
  return attended ? <>{t("hearings.attended.yes")}</> : <Badge tone="warn">{t("hearings.attended.no")}</Badge>;
}

const OBSERVER_REQUEST_TONE: Record<string, Tone> = { pending: "warn", accepted: "ok", declined: "neutral" };

/** 旁听申请: pending, accepted or declined (app/domain/hearing/observer-schema.ts). */
export function ObserverRequestStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={OBSERVER_REQUEST_TONE[status] ?? "neutral"}>{t.label("hearings.observerStatus", status)}</Badge>;
}
