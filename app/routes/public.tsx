import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { LocaleSwitch } from "~/components/layout/app-shell";
import { useT } from "~/i18n/react";
import { getActor } from "~/utils/auth.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Public pages: no sign-in. The loader only tells whether to offer "sign in" or "my work".
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  return { signedIn: !!actor };
}

export default function PublicLayout() {
  const { signedIn } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <header className="public-header">
        <div className="inner">
          <Link to="/public" className="org">
            {t("nav.public")}
          </Link>
          <div className="actions">
            <LocaleSwitch className="button button--secondary" />
            <Link className="button button--secondary" to={signedIn ? "/" : "/login"}>
              {t("auth.login")}
            </Link>
          </div>
        </div>
      </header>
      <main className="public-main" id="main">
        <Outlet />
      </main>
    </>
  );
}
