import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { HOME_BY_ROLE } from "~/domain/auth/roles";
import { getActor } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The start page sends each user to their area, and visitors to sign in.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  return redirect(actor ? HOME_BY_ROLE[actor.role] : "/login");
}
