import type { ReactNode } from "react";
import { Badge } from "~/components/ui";
import type { Tone } from "~/components/ui";
import type { OpinionStance } from "~/domain/hearing/majority";
import type { DeclarationState, HearingStatus, ObserverRequestStatus } from "~/domain/hearing/states";
import { useT } from "~/i18n/react";

// The badges of hearings, on the staff pages, the portals and the public pages. Each status's
// colour is written here once.

const STATUS_TONE: Record<HearingStatus, Tone> = {
  planned: "neutral",
  notified: "info",
  in_progress: "warn",
  deliberating: "warn",
  concluded: "ok",
  cancelled: "danger",
};

export function HearingStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[status as HearingStatus] ?? "neutral"}>{t.label("hearingStatus", status)}</Badge>;
}

/** 公开 / 不公开 (听证规定 Art 5: public unless secrets or privacy). */
export function HearingFormBadge({ isPublic }: { isPublic: boolean }) {
  const t = useT();
  return <Badge tone={isPublic ? "info" : "neutral"}>{isPublic ? t("hearings.public") : t("hearings.closed")}</Badge>;
}

const STANCE_TONE: Record<OpinionStance, Tone> = { agree: "ok", disagree: "danger", conditional: "warn" };

export function StanceBadge({ stance }: { stance: string }) {
  const t = useT();
  return <Badge tone={STANCE_TONE[stance as OpinionStance] ?? "neutral"}>{t.label("opinionStance", stance)}</Badge>;
}

/** Attendance: present, absent, or not yet recorded. */
export function AttendedText({ attended }: { attended: boolean | null }) {
  const t = useT();
  if (attended === null) return <span className="muted">{t("hearings.attended.unknown")}</span>;
  return attended ? <>{t("hearings.attended.yes")}</> : <Badge tone="warn">{t("hearings.attended.no")}</Badge>;
}

const OBSERVER_TONE: Record<ObserverRequestStatus, Tone> = { pending: "warn", accepted: "ok", declined: "neutral" };

/** A member of the public's request to observe (旁听申请): pending, accepted or declined. */
export function ObserverRequestBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <Badge tone={OBSERVER_TONE[status as ObserverRequestStatus] ?? "neutral"}>
      {t.label("hearings.observerStatus", status)}
    </Badge>
  );
}

// A recused panelist no longer sits (规则 Art 19; 听证规定 Art 7): grey, nothing left to do.
const DECLARATION_TONE: Record<DeclarationState, Tone> = { signed: "ok", pending: "warn", recused: "neutral" };

/**
 * A seat's declaration as a badge. `children` replaces the default text (the staff page shows
 * the date it was signed); the colour is always the state's.
 */
export function DeclarationBadge({ state, children }: { state: DeclarationState; children?: ReactNode }) {
  const t = useT();
  return <Badge tone={DECLARATION_TONE[state]}>{children ?? t.dynamic(`portal.declaration.${state}`)}</Badge>;
}
