import type { MessageKey, Translate } from "~/i18n";
import type { NotificationKind } from "~/domain/notifications/kinds";
import { notificationKindSchema } from "~/domain/notifications/kinds";
import type { NotificationParams } from "~/domain/notifications/schemas";

/**
 * The words of a notification, in the reader's language: the in-app list and the e-mail read the
 * same function, from the kind and the params stored with the row (never stored text, so a
 * change of language changes the list).
 */
export function notificationText(t: Translate, kind: string, p: NotificationParams): { label: string; text: string } {
  const parsed = notificationKindSchema.safeParse(kind);
  if (!parsed.success) return { label: kind, text: kind };
  const k: NotificationKind = parsed.data;
  const label = t(`notifications.kind.${k}` as MessageKey);
  if (k === "reply_arrived") {
    const subject = p.recommendationNumber
      ? t("notifications.subject.recommendation", { number: p.recommendationNumber })
      : t("notifications.subject.unknown");
    const agency = p.agencyName || t("notifications.agency.unknown");
    const key = p.late ? "notifications.text.reply_arrived_late" : "notifications.text.reply_arrived";
    return { label, text: t(key, { agency, subject, receipt: p.receiptNumber ?? "—" }) };
  }
  const kindLabel = t.label("deadlines.kind", p.deadlineKind);
  const caseLabel = p.caseNumber || p.caseTitle;
  const subject = caseLabel
    ? t("notifications.subject.case", { case: caseLabel, kind: kindLabel })
    : t("notifications.subject.deadline", { kind: kindLabel });
  const dueOn = p.dueOn ?? "";
  if (k === "overdue") return { label, text: t("notifications.text.overdue", { subject, dueOn, days: p.daysLate ?? 0 }) };
  if ((p.daysLeft ?? 0) === 0) return { label, text: t("notifications.text.due_today", { subject, dueOn }) };
  return { label, text: t("notifications.text.due_soon", { subject, dueOn, days: p.daysLeft ?? 0 }) };
}

/** A notification's link as a liaison may follow it: only portal pages, never a staff URL. */
export function linkFor(role: string, link: string | null | undefined): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//")) return null;
  if (role === "agency") return link === "/agency" || link.startsWith("/agency/") ? link : null;
  return link.startsWith("/agency") || link.startsWith("/panel") ? null : link;
}
