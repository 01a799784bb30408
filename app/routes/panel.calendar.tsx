import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { FeedCard } from "~/components/calendar/feed-card";
import { PageHeader } from "~/components/ui";
import { calendarFeedSchema } from "~/domain/calendar/feed";
import { useT } from "~/i18n/react";
import { getCalendarFeed, renewCalendarFeed } from "~/models/calendar.server";
import { panelistScope, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import styles from "~/styles/calendar.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "nav.panel.calendar");

// A panelist's private calendar feed (.ics) of the hearings they sit on (issue 9 item 8): create
// or renew its secret address here; the new address is shown once.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "calendar:feed");
  panelistScope(scope);
  return { feed: await getCalendarFeed(actor.userId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "calendar:feed");
  const { procuratorateId } = panelistScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: calendarFeedSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), url: null }, { status: 400 });
  const { path } = await renewCalendarFeed({ userId: actor.userId, procuratorateId });
  return { result: submission.reply(), url: `${new URL(request.url).origin}${path}` };
}

export default function PanelCalendar() {
  const { feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader crumbs={[{ to: "/panel", label: t("nav.panel.hearings") }]} title={t("nav.panel.calendar")} />
      <FeedCard feed={feed} createdUrl={actionData?.url ?? null} intro={t("calendar.feed.introPanel")} />
    </>
  );
}
