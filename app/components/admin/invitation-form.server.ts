import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { InvitationInput } from "~/domain/admin/schemas";
import type { Role } from "~/domain/auth/roles";
import { createInvitation, invitationLink, revokeInvitation } from "~/models/invitation.server";

/**
 * The server half of the invitation form, shared by /admin/users and /invitations: creates the
 * invitation and answers with the one-time link (shown once), or 400 with the field at fault.
 */
export async function answerInvitation(
  request: Request,
  procuratorateId: string,
  actor: { userId: string; role: Role },
  submission: Pick<Submission<unknown, string[], unknown>, "reply">,
  input: InvitationInput
) {
  const created = await createInvitation(procuratorateId, actor, input);
  if (!created.ok) {
    return data(
      {
        intent: "invite",
        result: submission.reply({ fieldErrors: { [created.field]: [created.message] } }),
        created: null,
        notice: null,
      },
      { status: 400 }
    );
  }
  return data({
    intent: "invite",
    result: submission.reply({ resetForm: true }),
    created: {
      link: invitationLink(request, created.token),
      displayName: created.displayName,
      role: created.role,
      expiresAt: created.expiresAt.toISOString(),
    },
    notice: null,
  });
}

/**
 * Revoking a pending invitation from the pending list (shared by /admin/users, where any pending
 * invitation may be revoked, and /invitations, where only one's own: `onlyOwn`).
 */
export async function answerRevocation(
  procuratorateId: string,
  actor: { userId: string },
  submission: Pick<Submission<unknown, string[], unknown>, "reply">,
  invitationId: string,
  options: { onlyOwn: boolean }
) {
  const { revoked } = await revokeInvitation(procuratorateId, actor.userId, invitationId, options);
  return {
    intent: "revoke" as const,
    result: submission.reply(),
    created: null,
    notice: revoked ? "admin.invite.revoked" : "admin.invite.notPending",
  };
}
