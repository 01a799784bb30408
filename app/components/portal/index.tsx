import type { ReactNode } from "react";
import { deadlineTone } from "~/components/deadline/deadline-view";
import { Badge } from "~/components/ui";
import type { DeadlineStatus } from "~/domain/deadlines/compute";
import type { Translate } from "~/i18n";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

// Small views shared by the panel portal, the agency portal and the public pages.

/** The same status badges as on the staff pages: one component, one colour, per status family. */
export { DeclarationBadge, HearingStatusBadge, StanceBadge } from "~/components/hearing/hearing-badges";
export { AnswerStatusBadge, ReplyStatusBadge } from "~/components/recommendation/badges";

/**
 * Days left to a reply deadline, in the agency's words, coloured as every deadline is
 * (deadlineTone: red once overdue, amber when due soon); green "replied" once the reply is in.
 */
export function DaysBadge({ days, status, replied }: { days: number; status: DeadlineStatus; replied?: boolean }) {
  const t = useT();
  if (replied) return <Badge tone="ok">{t("portal.days.replied")}</Badge>;
  const text =
    days < 0
      ? t("portal.days.overdue", { days: -days })
      : days === 0
        ? t("portal.days.today")
        : t("portal.days.left", { days });
  return <Badge tone={deadlineTone(status)}>{text}</Badge>;
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
