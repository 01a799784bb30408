import type { ReactNode } from "react";
import { deadlineTone } from "~/components/deadline/deadline-view";
import { Badge } from "~/components/ui";
import type { DeadlineStatus } from "~/domain/deadlines/compute";
import type { Translate } from "~/i18n";
import { formatCountdown } from "~/i18n";
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
  return <Badge tone={deadlineTone(status)}>{formatCountdown(days, t)}</Badge>;
}

/**
 * A byte count for display. Sizes are BigInt columns; loaders hand them over as numbers
 * (`byteCount`, exact below 8 PiB), so this takes a number.
 */
export function formatFileSize(bytes: number, t: Translate): string {
  if (bytes < 1024) return t("portal.fileSize.bytes", { n: bytes });
  if (bytes < 1024 ** 2) return t("portal.fileSize.kb", { n: (bytes / 1024).toFixed(1) });
  if (bytes < 1024 ** 3) return t("portal.fileSize.mb", { n: (bytes / 1024 ** 2).toFixed(1) });
  return t("portal.fileSize.gb", { n: (bytes / 1024 ** 3).toFixed(1) });
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
