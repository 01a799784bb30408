import { bench, describe } from "vitest";
import { cookieFor, DEMO_PASSWORD, request } from "#tests/factories";
import { attemptLogin } from "~/models/auth.server";
import { action as loginAction } from "~/routes/login";
import { requirePermission } from "~/utils/auth.server";
import { getSessionUser } from "~/utils/session.server";

// The sign-in path (argon2 verification dominates, by design) and the lookup every request makes
// (cookie → stored session → user → permission), on a copy of the seeded demo database.

const cookie = await cookieFor("prosecutor");
const signedIn = request("/cases", { cookie });

describe("sign-in", () => {
  bench(
    "POST /login (action: validate, throttle check, argon2 verify, session, audit)",
    async () => {
      const response = await loginAction({
        request: request("/login", { form: { username: "prosecutor", password: DEMO_PASSWORD } }),
        params: {},
        context: {},
      });
      if (!(response instanceof Response) || response.status !== 302) throw new Error("login failed");
    },
    { time: 2_000, iterations: 10 },
  );

  bench("attemptLogin with a wrong password (throttle check, argon2 verify, attempt row)", async () => {
    // A different username each time, so the throttle never trips.
    await attemptLogin(`nobody-${Math.random()}`, "wrong-password", null);
  }, { time: 2_000, iterations: 10 });
});

describe("session lookup (every request)", () => {
  bench("getSessionUser", async () => {
    if (!(await getSessionUser(signedIn))) throw new Error("no session");
  });

  bench("requirePermission(case:read)", async () => {
    await requirePermission(signedIn, "case:read");
  });
});
