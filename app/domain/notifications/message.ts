import type { MessageKey, Translate } from "~/i18n";
import type { NotificationKind } from "~/domain/notifications/kinds";
import { notificationKindSchema } from "~/domain/notifications/kinds";
import { readParams } from "~/domain/notifications/params";

/**
 * The words of a notification, in the reader's language: the in-app list and the e-mail read the
 * same function, from the kind and the params stored with the row (never stored text, so a
 * change of language changes the list). The params are read through the kind's schema
 * (app/domain/notifications/params.ts), the one its producers write with; a field missing from an
 * old row has its own wording, so no placeholder or "undefined" ever reaches the reader.
 */
export function notificationText(t: Translate, kind: string, raw: unknown): { label: string; text: string } {
  const parsed = notificationKindSchema.safeParse(kind);
  if (!parsed.success) return { label: kind, text: kind };
  const k: NotificationKind = parsed.data;
  const label = t(`notifications.kind.${k}` as MessageKey);
  if (k === "reply_arrived") {
    const p = readParams("reply_arrived", raw);
    const subject = p.recommendationNumber
      ? t("notifications.subject.recommendation", { number: p.recommendationNumber })
      : t("notifications.subject.unknown");
    const agency = p.agencyName || t("notifications.agency.unknown");
    const key = p.late ? "notifications.text.reply_arrived_late" : "notifications.text.reply_arrived";
    return { label, text: t(key, { agency, subject, receipt: p.receiptNumber || "—" }) };
  }
  const p = k === "overdue" ? readParams("overdue", raw) : readParams("due_soon", raw);
  const kindLabel = p.deadlineKind ? t.label("deadlines.kind", p.deadlineKind) : null;
  const caseLabel = p.caseNumber || p.caseTitle;
  const subject = kindLabel
    ? caseLabel
      ? t("notifications.subject.case", { case: caseLabel, kind: kindLabel })
      : t("notifications.subject.deadline", { kind: kindLabel })
    : caseLabel
      ? t("notifications.subject.caseAnyDeadline", { case: caseLabel })
      : t("notifications.subject.anyDeadline");
  const dueOn = p.dueOn ?? "—";
  if (k === "overdue") {
    const daysLate = "daysLate" in p ? p.daysLate : undefined;
    if (daysLate === undefined) return { label, text: t("notifications.text.overdue_since", { subject, dueOn }) };
    if (daysLate === 1) return { label, text: t("notifications.text.overdue_yesterday", { subject, dueOn }) };
    return { label, text: t("notifications.text.overdue", { subject, dueOn, days: daysLate }) };
  }
  const daysLeft = "daysLeft" in p ? p.daysLeft : undefined;
  if (daysLeft === undefined) return { label, text: t("notifications.text.due_on", { subject, dueOn }) };
  if (daysLeft === 0) return { label, text: t("notifications.text.due_today", { subject, dueOn }) };
  if (daysLeft === 1) return { label, text: t("notifications.text.due_tomorrow", { subject, dueOn }) };
  return { label, text: t("notifications.text.due_soon", { subject, dueOn, days: daysLeft }) };
}

/** A notification's link as a liaison may follow it: only portal pages, never a staff URL. */
export function linkFor(role: string, link: string | null | undefined): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//")) return null;
  if (role === "agency") return link === "/agency" || link.startsWith("/agency/") ? link : null;
  return link.startsWith("/agency") || link.startsWith("/panel") ? null : link;
}
