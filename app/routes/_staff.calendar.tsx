import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { FeedCard } from "~/components/calendar/feed-card";
import { HearingStatusBadge } from "~/components/hearing/hearing-badges";
import { Card, PageHeader } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { calendarFeedSchema } from "~/domain/calendar/feed";
import type { CalendarView } from "~/domain/calendar/view";
import { calendarRange, parseCalendarQuery } from "~/domain/calendar/view";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { formatTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { CALENDAR_MAX_HEARINGS, getCalendarFeed, listCalendarHearings, renewCalendarFeed } from "~/models/calendar.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import styles from "~/styles/calendar.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "calendar.title");

// The staff hearing calendar (issue 9 item 8): a month or week of the procuratorate's hearings
// (one range query on Hearing(procuratorateId, startsAt)), each linking to its page; and the
// actor's private .ics feed, created or renewed here (the new address is shown once).
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  const today = dateInShanghai();
  const { view, date } = parseCalendarQuery(new URL(request.url).searchParams, today);
  const range = calendarRange(view, date);
  const [rows, feed] = await Promise.all([
    listCalendarHearings(procuratorateId, range.from, range.to),
    can(actor, "calendar:feed") ? getCalendarFeed(actor.userId) : Promise.resolve(null),
  ]);
  const hearings = rows.map((h) => ({ ...h, day: dateInShanghai(h.startsAt) }));
  return { range, today, hearings, truncated: rows.length >= CALENDAR_MAX_HEARINGS, feed, mayFeed: can(actor, "calendar:feed") };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "calendar:feed");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: calendarFeedSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), url: null }, { status: 400 });
  const { path } = await renewCalendarFeed({ userId: actor.userId, procuratorateId });
  return { result: submission.reply(), url: `${new URL(request.url).origin}${path}` };
}

const href = (view: CalendarView, date?: string) => `/calendar?view=${view}${date ? `&date=${date}` : ""}`;

export default function CalendarPage() {
  const { range, today, hearings, truncated, feed, mayFeed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const { view } = range;
  const [year, month] = range.month.split("-").map(Number) as [number, number];
  const first = range.weeks[0]![0]!;
  const last = range.weeks[range.weeks.length - 1]![6]!;
  const title = view === "month" ? t("calendar.monthTitle", { year, month }) : t("calendar.weekTitle", { from: first, to: last });
  const byDay = new Map<string, typeof hearings>();
  for (const h of hearings) byDay.set(h.day, [...(byDay.get(h.day) ?? []), h]);
  return (
    <>
      <PageHeader title={t("calendar.title")} subtitle={t("calendar.subtitle")} />
      <Card
        title={<span aria-live="polite">{title}</span>}
        actions={
          <nav className="calendar-nav" aria-label={t("calendar.views")}>
            <Link className="button button--secondary" to={href(view, range.prev)}>
              {t(view === "month" ? "calendar.prev.month" : "calendar.prev.week")}
            </Link>
            <Link className="button button--secondary" to={href(view)}>
              {t("calendar.today")}
            </Link>
            <Link className="button button--secondary" to={href(view, range.next)}>
              {t(view === "month" ? "calendar.next.month" : "calendar.next.week")}
            </Link>
            <Link className="button button--secondary" to={href("month", range.date)} aria-current={view === "month" ? "page" : undefined}>
              {t("calendar.view.month")}
            </Link>
            <Link className="button button--secondary" to={href("week", range.date)} aria-current={view === "week" ? "page" : undefined}>
              {t("calendar.view.week")}
            </Link>
          </nav>
        }
      >
        {truncated ? <p className="notice notice--warn">{t("calendar.truncated", { n: hearings.length })}</p> : null}
        {hearings.length === 0 ? <p className="muted">{t("calendar.empty")}</p> : null}
        <div className="table-wrap">
          <table className={`calendar calendar--${view}`}>
            <thead>
              <tr>
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <th key={d} scope="col">
                    {t(`calendar.weekday.${d}` as "calendar.weekday.1")}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {range.weeks.map((week) => (
                <tr key={week[0]}>
                  {week.map((day) => {
                    const list = byDay.get(day) ?? [];
                    const outside = view === "month" && !day.startsWith(range.month);
                    return (
                      <td
                        key={day}
                        className={`calendar__day${outside ? " calendar__day--outside" : ""}${day === today ? " calendar__day--today" : ""}`}
                        aria-current={day === today ? "date" : undefined}
                      >
                        <div className="calendar__date">{view === "week" ? day.slice(5) : Number(day.slice(8))}</div>
                        {list.length ? (
                          <ul className="calendar__events">
                            {list.map((h) => (
                              <li key={h.id}>
                                <Link to={`/hearings/${h.id}`}>
                                  <span className="calendar__time">{formatTime(h.startsAt, t.locale)}</span> {h.title}
                                </Link>
                                {view === "week" ? (
                                  <div className="muted small">
                                    {h.venue} <HearingStatusBadge status={h.status} />
                                  </div>
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {mayFeed ? <FeedCard feed={feed} createdUrl={actionData?.url ?? null} intro={t("calendar.feed.introStaff")} /> : null}
    </>
  );
}
