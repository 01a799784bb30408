import { Form, useNavigation } from "@remix-run/react";
import { Card } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

/**
 * The private calendar feed (.ics) of the signed-in user: create or renew its secret address; a
 * new address is shown once (only its hash is stored). Used on /calendar and /panel/calendar.
 */
export function FeedCard({
  feed,
  createdUrl,
  intro,
}: {
  feed: { renewedAt: Date | string } | null;
  createdUrl: string | null;
  intro: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <Card title={t("calendar.feed.title")}>
      <p className="muted">{intro}</p>
      <p className="muted small">{t("calendar.feed.secret")}</p>
      {createdUrl ? (
        <div className="notice notice--ok" role="status">
          <p>{t("calendar.feed.created")}</p>
          <label htmlFor="feed-url">{t("calendar.feed.url")}</label>
          <input id="feed-url" type="text" readOnly value={createdUrl} className="feed-url" />
        </div>
      ) : feed ? (
        <p>{t("calendar.feed.since", { at: formatDateTime(feed.renewedAt, t.locale) })}</p>
      ) : (
        <p>{t("calendar.feed.none")}</p>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="renewFeed" />
        <button className={feed ? "button button--secondary" : "button"} type="submit" disabled={navigation.state !== "idle"}>
          {feed ? t("calendar.feed.renew") : t("calendar.feed.create")}
        </button>
        {feed ? <span className="muted small"> {t("calendar.feed.renewHint")}</span> : null}
      </Form>
    </Card>
  );
}
