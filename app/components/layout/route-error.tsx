import { useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { useT } from "~/i18n/react";

/**
 * The per-route error boundary: every route module re-exports it as ErrorBoundary, so an error in
 * a page renders inside its area's frame, with the message in the user's language.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  return <ErrorPage error={error} t={t} />;
}
