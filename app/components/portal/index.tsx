import type { ReactNode } from "react";
import type { Tone } from "~/components/ui";
import { Badge } from "~/components/ui";
import type { Translate } from "~/i18n";
import { formatCountdown } from "~/i18n";
import { useT } from "~/i18n/react";

// Small views shared by the panel portal, the agency portal and the public pages.

/** Hearing states the public pages show; preparation states (planned, notified) are internal. */
export const PUBLIC_HEARING_STATUSES = ["in_progress", "deliberating", "concluded", "cancelled"];

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
  const tone: Tone = days <= 0 ? "danger" : status === "due_soon" ? "warn" : "info";
  return <Badge tone={tone}>{formatCountdown(days, t)}</Badge>;
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
