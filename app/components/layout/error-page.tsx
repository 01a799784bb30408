import { isRouteErrorResponse, Link } from "@remix-run/react";
import type { Translate } from "~/i18n";

/** The error page body shared by the root and every area's boundary. */
export function ErrorPage({ error, t }: { error: unknown; t: Translate }) {
  let status = 500;
  let message = t.dynamic("error.500");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const key = typeof error.data === "string" && /^[a-z][\w.]+$/i.test(error.data) ? error.data : `error.${status}`;
    message = t.dynamic(key);
    if (message === key) message = t.dynamic("error.500");
  }
  return (
    <main className="error-page" role="alert">
      <p className="error-status">{status}</p>
      <h1>{t("error.title")}</h1>
      <p>{message}</p>
      <p className="muted">{t("error.code", { status })}</p>
      <Link className="button" to="/">
        {t("error.back")}
      </Link>
    </main>
  );
}
