import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirect } from "~/domain/auth/schemas";
import { badRequest } from "~/utils/errors";
import { isLocale, LOCALE_COOKIE } from "~/i18n";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Anyone may choose the interface language; it is a preference cookie, not a permission.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  if (!isLocale(locale)) badRequest();
  const to = safeRedirect(form.get("redirectTo"), "/");
  return redirect(to, {
    headers: { "Set-Cookie": `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}
