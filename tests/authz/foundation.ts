import type { Expectations, Outcome, Who } from "#tests/authz/types";
import { only } from "#tests/authz/types";

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
  "routes/login": { loader: { ...everyone("redirect"), anonymous: 200 }, action: everyone(400) },
  // GET signs nobody out; POST always ends on /login.
  "routes/logout": { loader: { ...everyone("redirect"), anonymous: "login" }, action: everyone("login") },
  // A preference, not a permission: no locale in the form is invalid input.
  "routes/locale": { loader: everyone("redirect"), action: everyone(400) },
  "routes/_staff": { loader: only({ prosecutor: 200, approver: 200, admin: 200 }) },
  "routes/panel": { loader: only({ panelist: 200 }) },
  "routes/agency": { loader: only({ agency: 200 }) },
  // Public pages need no sign-in.
  "routes/public": { loader: everyone(200) },
};
