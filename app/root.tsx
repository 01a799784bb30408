// First: zod settings for the browser, before any route module runs (see the module).
import "~/utils/zod-browser";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import type { Locale } from "~/i18n";
import { createT, DEFAULT_LOCALE, localeFromRequest } from "~/i18n";
import { useNonce } from "~/utils/nonce";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Procura" }];

// The root loader only reads the locale; it authorizes nothing (each route checks for itself).
export async function loader({ request }: LoaderFunctionArgs) {
  return { locale: localeFromRequest(request) };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  // The response's CSP nonce (app/entry.server.tsx): inline scripts without it do not run.
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const t = createT(data?.locale ?? DEFAULT_LOCALE);
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <div className="standalone">
      <ErrorPage error={error} t={t} />
    </div>
  );
}
