import type { ReactNode } from "react";
import type { Tone } from "~/components/ui";
import { Badge } from "~/components/ui";
import type { Translate } from "~/i18n";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

// Small views shared by the panel portal, the agency portal and the public pages.

/** The same status and stance badges as on the staff pages. */
export { HearingStatusBadge, StanceBadge } from "~/components/hearing/hearing-badges";

const DECLARATION_TONE: Record<string, Tone> = { signed: "ok", pending: "warn", recused: "neutral" };

export function DeclarationBadge({ state }: { state: "signed" | "pending" | "recused" }) {
  const t = useT();
  return <Badge tone={DECLARATION_TONE[state]}>{t.dynamic(`portal.declaration.${state}`)}</Badge>;
}


const REPLY_TONE: Record<string, Tone> = { draft: "warn", submitted: "info", assessed: "ok" };

export function ReplyStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={REPLY_TONE[status] ?? "neutral"}>{t.label("replyStatus", status)}</Badge>;
}

const ANSWER_TONE: Record<string, Tone> = { done: "ok", in_progress: "info", not_done: "danger", objection: "warn" };

export function AnswerStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge tone={ANSWER_TONE[status] ?? "neutral"}>{t.label("answerStatus", status)}</Badge>;
}

/**
 * Days left to a reply deadline, toned by the deadline engine's status: red once overdue or on
 * the due day, amber when due soon, blue otherwise; green "replied" once the reply is in.
 */
export function DaysBadge({ days, status, replied }: { days: number; status: string; replied?: boolean }) {
  const t = useT();
  if (replied) return <Badge tone="ok">{t("portal.days.replied")}</Badge>;
  if (days < 0) return <Badge tone="danger">{t("portal.days.overdue", { days: -days })}</Badge>;
  if (days === 0) return <Badge tone="danger">{t("portal.days.today")}</Badge>;
  return <Badge tone={status === "due_soon" ? "warn" : "info"}>{t("portal.days.left", { days })}</Badge>;
}

/** "2026年6月9日 09:30 至 12:00"-style start and end of a hearing. */
export function timeRange(start: Date | string, end: Date | string | null, t: Translate): string {
  const from = formatDateTime(start, t.locale);
  if (!end) return from;
  const to = formatDateTime(end, t.locale);
  // Same day: show only the end time.
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return t("portal.dateRange", { start: from, end: sameDay ? to.slice(-5) : to });
}

export function formatFileSize(bytes: number, t: Translate): string {
  if (bytes < 1024) return t("portal.fileSize.bytes", { n: bytes });
  if (bytes < 1024 * 1024) return t("portal.fileSize.kb", { n: (bytes / 1024).toFixed(1) });
  return t("portal.fileSize.mb", { n: (bytes / 1024 / 1024).toFixed(1) });
}

/** Text typed by staff with its line breaks kept. */
export function Prose({ text, className }: { text: string | null | undefined; className?: string }) {
  if (!text) return null;
  return <div className={className ? `portal-prose ${className}` : "portal-prose"}>{text}</div>;
}

/** A table cell's main value with a muted second line (a date and how it happened). */
export function TwoLine({ main, sub }: { main: ReactNode; sub?: ReactNode }) {
  return (
    <span className="portal-two-line">
      <span className="nowrap">{main}</span>
      {sub ? <span className="muted small">{sub}</span> : null}
    </span>
  );
}

/** A heading with a short muted note beside it, for sections inside a card. */
export function SectionTitle({ children, note }: { children: ReactNode; note?: ReactNode }) {
  return (
    <h3 className="portal-section-title">
      {children}
      {note ? <span className="muted small"> {note}</span> : null}
    </h3>
  );
}
