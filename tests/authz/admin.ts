import { createHash, randomBytes } from "node:crypto";
import type { Expectations, Outcome, ParamContext, Who } from "#tests/authz/types";
import { only } from "#tests/authz/types";

// Authorization matrix entries of the admin area (admin:read / admin:manage), the prosecutors'
// invitation page (invitation:create) and the public invitation acceptance page.

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  prosecutor: outcome,
  approver: outcome,
  admin: outcome,
  panelist: outcome,
  agency: outcome,
});

/** An admin page: the administrator reads it; an empty form posted by the administrator is invalid. */
const adminPage = (withAction: boolean) => ({
  loader: only({ admin: 200 }),
  ...(withAction ? { action: only({ admin: 400 }) } : {}),
});

/**
 * A fresh, usable invitation of the demo procuratorate (桂), stored the way the app stores it (the
 * SHA-256 of the token only); out of scope, a token nobody issued.
 */
async function invitationToken({ db }: ParamContext) {
  const procuratorate = await db.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });
  const admin = await db.user.findFirstOrThrow({
    where: { procuratorateId: procuratorate.id, role: "admin" },
    select: { id: true },
  });
  const token = randomBytes(32).toString("base64url");
  await db.invitation.create({
    data: {
      procuratorateId: procuratorate.id,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      role: "prosecutor",
      displayName: "矩阵测试受邀人",
      invitedById: admin.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
    },
  });
  return { inScope: { token }, outOfScope: { token: randomBytes(32).toString("base64url") } };
}

export const expectations: Expectations = {
  "routes/_staff.admin._index": adminPage(false),
  "routes/_staff.admin.profile": adminPage(true),
  "routes/_staff.admin.users": adminPage(true),
  "routes/_staff.admin.agencies": adminPage(true),
  "routes/_staff.admin.panelists": adminPage(true),
  "routes/_staff.admin.templates": adminPage(false),
  "routes/_staff.admin.audit": adminPage(true),
  "routes/_staff.admin.holidays": adminPage(true),
  "routes/_staff.admin.numbering": adminPage(true),
  // Prosecutors invite panelists and agency liaisons; administrators may use it too.
  "routes/_staff.invitations": {
    loader: only({ prosecutor: 200, admin: 200 }),
    action: only({ prosecutor: 400, admin: 400 }),
  },
  // Public: the token is the credential. A valid link shows the form to anyone; an empty form is
  // invalid input; an unknown token answers 404 (the outOfScope row, default 404).
  "routes/invite.$token": {
    params: invitationToken,
    loader: everyone(200),
    action: everyone(400),
  },
};
