import type { NotificationRow } from "~/components/notifications/notification-list";
import { NotificationList } from "~/components/notifications/notification-list";
import { PageHeader } from "~/components/ui";
import { useT } from "~/i18n/react";

/** The inbox page of the staff area and of the agency portal (the data of inboxLoader). */
export function InboxPage({ rows, more, unread, role }: { rows: NotificationRow[]; more: boolean; unread: number; role: string }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t("notifications.title")} subtitle={t("notifications.subtitle")} />
      <NotificationList rows={rows} more={more} unread={unread} role={role} />
    </>
  );
}
