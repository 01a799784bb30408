import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

/**
 * Calls route loaders and actions the way Remix does (with single fetch), and normalises what
 * they return or throw: a Response, a `data()` result (DataWithResponseInit), a plain value, or
 * an unexpected error (which Remix would answer with 500).
 */
export type RouteResult =
  | { kind: "response"; status: number; location: string | null; headers: Headers; body: Response }
  | { kind: "data"; status: number; location: string | null; headers: Headers; data: unknown }
  | { kind: "error"; status: 500; error: unknown };

type Loader = (args: LoaderFunctionArgs) => unknown;
type Action = (args: ActionFunctionArgs) => unknown;

export function request(path: string, init: { method?: string; cookie?: string | null; form?: FormData | Record<string, string>; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  let body: FormData | undefined;
  if (init.form) {
    if (init.form instanceof FormData) body = init.form;
    else {
      body = new FormData();
      for (const [k, v] of Object.entries(init.form)) body.set(k, v);
    }
  }
  const method = init.method ?? (body ? "POST" : "GET");
  // A browser sends Origin on every form POST; tests of cross-site refusals pass their own.
  const url = new URL(path, "http://localhost");
  if (method !== "GET" && method !== "HEAD" && !headers.has("Origin")) headers.set("Origin", url.origin);
  return new Request(url, { method, headers, body: method === "GET" ? undefined : (body ?? new FormData()) });
}

function isDataWithResponseInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

export function normalise(value: unknown): RouteResult {
  if (value instanceof Response) {
    return { kind: "response", status: value.status, location: value.headers.get("Location"), headers: value.headers, body: value };
  }
  if (isDataWithResponseInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { kind: "data", status: value.init?.status ?? 200, location: headers.get("Location"), headers, data: value.data };
  }
  return { kind: "data", status: 200, location: null, headers: new Headers(), data: value };
}

async function settle(run: () => unknown): Promise<RouteResult> {
  try {
    return normalise(await run());
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithResponseInit(thrown)) return normalise(thrown);
    return { kind: "error", status: 500, error: thrown };
  }
}

/** The load context scripts/serve.mjs gives every request (the client's address). */
export type TestContext = { clientIp?: string | null };

export function callLoader(
  loader: Loader,
  req: Request,
  params: Record<string, string> = {},
  context: TestContext = {},
): Promise<RouteResult> {
  return settle(() => loader({ request: req, params, context }));
}

export function callAction(
  action: Action,
  req: Request,
  params: Record<string, string> = {},
  context: TestContext = {},
): Promise<RouteResult> {
  return settle(() => action({ request: req, params, context }));
}
