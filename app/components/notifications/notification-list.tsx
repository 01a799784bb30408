import { Form, Link, useSearchParams } from "@remix-run/react";
import { Badge, Card, EmptyState } from "~/components/ui";
import { linkFor, notificationText } from "~/domain/notifications/message";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

export type NotificationRow = {
  id: string;
  kind: string;
  /** The stored params, read per kind by notificationText. */
  params: Record<string, unknown>;
  link: string | null;
  createdAt: string | Date;
  readAt: string | Date | null;
};

/** The notifications list of the staff area and of the agency portal: newest first, mark read. */
export function NotificationList({ rows, more, unread, role }: { rows: NotificationRow[]; more: boolean; unread: number; role: string }) {
  const t = useT();
  const [params] = useSearchParams();
  const oldest = rows.at(-1);
  return (
    <Card
      title={t("notifications.unreadCount", { n: unread })}
      actions={
        unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="readAll" />
            <button type="submit" className="button button--secondary">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null
      }
    >
      {params.has("readAll") ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 12 }}>
          {t("notifications.markedAll")}
        </div>
      ) : null}
      {rows.length === 0 ? (
        <div data-testid="notifications-empty">
          {params.has("before") ? (
            <EmptyState title={t("notifications.noOlder")}>
              <p className="muted small">
                <Link to="?">{t("notifications.backToNewest")}</Link>
              </p>
            </EmptyState>
          ) : (
            <EmptyState title={t("notifications.empty")}>
              <p className="muted small">{t(role === "agency" ? "notifications.emptyHint.agency" : "notifications.emptyHint.staff")}</p>
            </EmptyState>
          )}
        </div>
      ) : (
        <ul className="notification-list" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {rows.map((n) => {
            const { label, text } = notificationText(t, n.kind, n.params);
            const href = linkFor(role, n.link);
            return (
              <li
                key={n.id}
                data-testid="notification"
                data-unread={n.readAt ? undefined : "true"}
                style={{ padding: "10px 0", borderBottom: "1px solid var(--line, #e5e7eb)", display: "flex", gap: 12, alignItems: "flex-start" }}
              >
                <div style={{ flex: 1 }}>
                  <div>
                    <Badge tone={n.kind === "overdue" ? "danger" : n.kind === "due_soon" ? "warn" : "info"}>{label}</Badge>{" "}
                    {n.readAt ? <span className="muted small">{t("notifications.read")}</span> : <strong className="small">{t("notifications.unread")}</strong>}
                  </div>
                  <p style={{ margin: "4px 0" }}>{href ? <Link to={href}>{text}</Link> : text}</p>
                  <span className="muted small">{formatDateTime(n.createdAt, t.locale)}</span>
                </div>
                {n.readAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="notificationId" value={n.id} />
                    <button type="submit" className="link-button">
                      {t("notifications.markRead")}
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {more && oldest ? (
        <p style={{ marginTop: 12 }}>
          <Link to={`?before=${encodeURIComponent(new Date(oldest.createdAt).toISOString())}`}>{t("notifications.more")}</Link>
        </p>
      ) : null}
    </Card>
  );
}
