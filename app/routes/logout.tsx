import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordLogout } from "~/models/account.server";
import { getActor } from "~/utils/auth.server";
import { assertSameOrigin } from "~/utils/form.server";
import { destroySession } from "~/utils/session.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// GET shows nothing: signing out is a POST (a link cannot sign anyone out).
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  return redirect(actor ? "/" : "/login");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const actor = await getActor(request);
  if (actor) await recordLogout(actor);
  const cookie = await destroySession(request);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
