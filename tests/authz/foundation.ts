import type { Expectations, Outcome, Who } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { procuratorates, someUser, tag } from "#tests/authz/write-fixtures";

// Authorization matrix entries of the foundation: the root, sign-in and sign-out, the language
// switch, and the frames of the areas (whose checks only choose the frame; children check again).

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  prosecutor: outcome,
  approver: outcome,
  admin: outcome,
  panelist: outcome,
  agency: outcome,
});

export const expectations: Expectations = {
  // Reads the locale cookie only.
  root: { loader: everyone(200) },
  // The start page sends users to their home and visitors to sign in.
  "routes/_index": { loader: { ...everyone("redirect"), anonymous: "login" } },
  // Visitors see the form; a signed-in user is sent home. An empty form is invalid input.
  "routes/login": {
    loader: { ...everyone("redirect"), anonymous: 200 },
    action: everyone(400),
    writes: { none: "signs in whoever the credentials name; the form names no record of any scope" },
  },
  // GET signs nobody out; POST always ends on /login.
  "routes/logout": {
    loader: { ...everyone("redirect"), anonymous: "login" },
    action: everyone("login"),
    writes: [
      {
        // Signing out revokes the session of the cookie only, whatever a forged form names.
        name: "a sign-out form naming another user's session revokes only the own",
        as: "prosecutor",
        expected: "login",
        inScopeExpected: "login",
        targets: async ({ db, userId }) => {
          const other = await someUser(db, (await procuratorates(db)).outOfScope);
          const session = await db.session.create({
            data: { id: `matrix-${tag()}`, userId: other, expiresAt: new Date(Date.now() + 3_600_000) },
          });
          return {
            outOfScope: {
              form: { sessionId: session.id, userId: other },
              state: () => db.session.findUniqueOrThrow({ where: { id: session.id }, select: { revokedAt: true } }),
            },
            // The control: the actor's own session (the one of the request's cookie) is revoked.
            inScope: { form: {}, state: () => db.session.count({ where: { userId: userId!, revokedAt: { not: null } } }) },
          };
        },
      },
    ],
  },
  // A preference, not a permission: no locale in the form is invalid input.
  "routes/locale": {
    loader: everyone("redirect"),
    action: everyone(400),
    writes: { none: "sets the locale cookie only; writes nothing to the database" },
  },
  "routes/_staff": { loader: only({ prosecutor: 200, approver: 200, admin: 200 }) },
  "routes/panel": { loader: only({ panelist: 200 }) },
  "routes/agency": { loader: only({ agency: 200 }) },
  // Public pages need no sign-in.
  "routes/public": { loader: everyone(200) },
};
