import type { LoaderFunctionArgs } from "@remix-run/node";
import { tokenOfFeedFile } from "~/domain/calendar/feed";
import { calendarFeedIcs } from "~/models/calendar.server";

// A private calendar feed (/feeds/<token>.ics, issue 9 item 8), fetched by calendar apps without a
// session: the secret token in the URL is the credential (its SHA-256 is stored in CalendarFeed).
// An unknown or renewed token answers 404 like a malformed one, so the URL never tells whether a
// user or a feed exists.
const NOT_FOUND = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = tokenOfFeedFile(params.file);
  if (!token) return NOT_FOUND();
  const ics = await calendarFeedIcs(token, new URL(request.url).origin);
  if (ics === null) return NOT_FOUND();
  return new Response(ics, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": 'inline; filename="procura.ics"',
      // The URL is a secret: do not pass it on in a Referer from anything linked in the feed.
      "Referrer-Policy": "no-referrer",
    },
  });
}
