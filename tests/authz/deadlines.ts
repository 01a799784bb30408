import type { Expectations } from "#tests/authz/types";
import { only } from "#tests/authz/types";

// Authorization matrix entries of the deadline list (deadline:read: prosecutors and approvers).

export const expectations: Expectations = {
  "routes/_staff.deadlines": { loader: only({ prosecutor: 200, approver: 200 }) },
  // "My work" is the prosecutor's own (work:read).
  "routes/_staff.work": { loader: only({ prosecutor: 200 }) },
};
