import { createHash, randomBytes } from "node:crypto";
import { canInvite, invitationExpiresAt, invitationLinkError, isInvitationUsable } from "~/domain/auth/invitation";
import type { Role } from "~/domain/auth/roles";
import { roleSchema } from "~/domain/auth/roles";
import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError, forbidden, notFound } from "~/utils/errors";
import { hashPassword } from "~/utils/password.server";

/** A fresh one-time token: 32 random bytes, base64url (43 characters). Never stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored and looked up: the SHA-256 of the token, hex. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The link sent to the invitee, on the origin the sender is using. */
export function invitationLink(request: Request, token: string): string {
  return `${new URL(request.url).origin}/invite/${token}`;
}

/** What an invitation is for: the parsed invitation form (app/domain/admin/schemas.ts). */
export type NewInvitation = {
  role: Role;
  displayName: string;
  expiresInDays: number;
  agencyId?: string | null;
  panelistId?: string | null;
};

export type FieldFailure = { ok: false; field: string; message: string };

export type CreatedInvitation = {
  ok: true;
  /** The one-time token; shown to the sender once, inside the link. */
  token: string;
  invitationId: string;
  role: Role;
  displayName: string;
  expiresAt: Date;
};

/**
 * Creates an invitation. The sender's role bounds the roles they may invite; the agency or pool
 * entry the account acts for must belong to the procuratorate, and a panelist may hold only one
 * account.
 */
export async function createInvitation(
  procuratorateId: string,
  inviter: { userId: string; role: Role },
  input: NewInvitation,
  now: Date = new Date()
): Promise<CreatedInvitation | FieldFailure> {
  if (!canInvite(inviter.role, input.role)) forbidden();
  const linkError = invitationLinkError(input.role, input);
  if (linkError) return { ok: false, ...linkError };
  if (input.agencyId) {
    const agency = await prisma.agency.findFirst({
      where: { id: input.agencyId, procuratorateId, active: true },
      select: { id: true },
    });
    if (!agency) return { ok: false, field: "agencyId", message: "admin.invite.agencyUnknown" };
  }
  if (input.panelistId) {
    const panelist = await prisma.panelist.findFirst({
      where: { id: input.panelistId, procuratorateId, active: true },
      select: { id: true, user: { select: { id: true } } },
    });
    if (!panelist) return { ok: false, field: "panelistId", message: "admin.invite.panelistUnknown" };
    if (panelist.user) return { ok: false, field: "panelistId", message: "admin.invite.panelistHasAccount" };
  }
  const token = newInvitationToken();
  const expiresAt = invitationExpiresAt(now, input.expiresInDays);
  const invitation = await prisma.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        procuratorateId,
        tokenHash: hashInvitationToken(token),
        role: input.role,
        displayName: input.displayName,
        agencyId: input.agencyId ?? null,
        panelistId: input.panelistId ?? null,
        invitedById: inviter.userId,
        expiresAt,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId: inviter.userId,
      action: "invitation.create",
      entityType: "Invitation",
      entityId: created.id,
      // Never the token: whoever reads the log must not be able to use the link.
      data: {
        role: input.role,
        displayName: input.displayName,
        agencyId: created.agencyId,
        panelistId: created.panelistId,
        expiresAt: expiresAt.toISOString(),
      },
      at: now,
    });
    // A new link for the same pool entry replaces any earlier one still pending.
    if (created.panelistId) {
      const earlier = await tx.invitation.findMany({
        where: {
          panelistId: created.panelistId,
          id: { not: created.id },
          usedAt: null,
          revokedAt: null,
          expiresAt: { gt: now },
        },
        select: { id: true },
      });
      for (const old of earlier) {
        await tx.invitation.update({ where: { id: old.id }, data: { revokedAt: now } });
        await recordAudit(tx, {
          procuratorateId,
          actorId: inviter.userId,
          action: "invitation.revoke",
          entityType: "Invitation",
          entityId: old.id,
          data: { replacedBy: created.id },
          at: now,
        });
      }
    }
    return created;
  });
  return { ok: true, token, invitationId: invitation.id, role: input.role, displayName: input.displayName, expiresAt };
}

/** Pending (unused, unrevoked, unexpired) invitations; only one sender's when `invitedById` is set. */
export function listPendingInvitations(procuratorateId: string, opts: { invitedById?: string; now?: Date } = {}) {
  return prisma.invitation.findMany({
    where: {
      procuratorateId,
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: opts.now ?? new Date() },
      ...(opts.invitedById ? { invitedById: opts.invitedById } : {}),
    },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      role: true,
      displayName: true,
      expiresAt: true,
      createdAt: true,
      agency: { select: { name: true } },
      panelist: { select: { name: true } },
      invitedBy: { select: { displayName: true } },
    },
  });
}

export function countPendingInvitations(procuratorateId: string, now: Date = new Date()) {
  return prisma.invitation.count({
    where: { procuratorateId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
  });
}

/**
 * Revokes a pending invitation. With `onlyOwn`, the sender may revoke only what they sent (a
 * prosecutor); another's invitation, or one of another procuratorate, is not found. Revoking one
 * that is no longer pending changes nothing.
 */
export async function revokeInvitation(
  procuratorateId: string,
  actorId: string,
  invitationId: string,
  opts: { onlyOwn: boolean },
  now: Date = new Date()
): Promise<{ revoked: boolean }> {
  const invitation = await prisma.invitation.findFirst({
    where: { id: invitationId, procuratorateId, ...(opts.onlyOwn ? { invitedById: actorId } : {}) },
    select: { id: true },
  });
  if (!invitation) notFound();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) return { revoked: false };
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: invitation.id,
      at: now,
    });
    return { revoked: true };
  });
}

/**
 * The invitation behind a token, if it may still be used, with what the acceptance page shows.
 * Public lookup (the token is the credential); anything unusable answers null, without saying why.
 */
export async function findUsableInvitation(token: string, now: Date = new Date()) {
  if (!token || token.length > 128) return null;
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      role: true,
      displayName: true,
      username: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      procuratorate: { select: { name: true } },
      agency: { select: { name: true } },
      panelist: { select: { name: true, user: { select: { id: true } } } },
      invitedBy: { select: { displayName: true, post: true } },
    },
  });
  if (!invitation || !isInvitationUsable(invitation, now)) return null;
  if (invitation.panelist?.user) return null; // the pool entry already has an account
  const role = roleSchema.safeParse(invitation.role);
  if (!role.success) return null;
  return {
    role: role.data,
    displayName: invitation.displayName,
    suggestedUsername: invitation.username,
    expiresAt: invitation.expiresAt,
    procuratorate: invitation.procuratorate.name,
    agency: invitation.agency?.name ?? null,
    panelist: invitation.panelist?.name ?? null,
    invitedBy: invitation.invitedBy.displayName,
  };
}

export type AcceptResult =
  | { ok: true; userId: string; role: Role }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "usernameTaken" };

/** Another tab used or revoked the invitation mid-transaction; caught below as "invalid". */
class InvitationGone extends AppError {
  constructor() {
    super("error.409", 409);
    this.name = "InvitationGone";
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Accepts an invitation: in one transaction creates the account the invitation describes, marks
 * the invitation used (only if still unused, so two tabs cannot both use it) and audits both.
 */
export async function acceptInvitation(
  token: string,
  credentials: { username: string; password: string },
  now: Date = new Date()
): Promise<AcceptResult> {
  const tokenHash = hashInvitationToken(token);
  const passwordHash = await hashPassword(credentials.password);
  try {
    return await prisma.$transaction(async (tx): Promise<AcceptResult> => {
      const invitation = await tx.invitation.findUnique({ where: { tokenHash } });
      if (!invitation || !isInvitationUsable(invitation, now)) return { ok: false, reason: "invalid" };
      const role = roleSchema.safeParse(invitation.role);
      if (!role.success) return { ok: false, reason: "invalid" };
      if (invitation.panelistId) {
        const holder = await tx.user.findUnique({ where: { panelistId: invitation.panelistId }, select: { id: true } });
        if (holder) return { ok: false, reason: "invalid" };
      }
      const taken = await tx.user.findUnique({ where: { username: credentials.username }, select: { id: true } });
      if (taken) return { ok: false, reason: "usernameTaken" };

      const user = await tx.user.create({
        data: {
          procuratorateId: invitation.procuratorateId,
          username: credentials.username,
          displayName: invitation.displayName,
          role: role.data,
          passwordHash,
          agencyId: role.data === "agency" ? invitation.agencyId : null,
          panelistId: role.data === "panelist" ? invitation.panelistId : null,
          lastLoginAt: now,
        },
      });
      const marked = await tx.invitation.updateMany({
        where: { id: invitation.id, usedAt: null, revokedAt: null },
        data: { usedAt: now, usedById: user.id },
      });
      if (marked.count !== 1) throw new InvitationGone();
      await recordAudit(tx, {
        procuratorateId: invitation.procuratorateId,
        actorId: user.id,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        data: { username: user.username, role: user.role, via: "invitation" },
        at: now,
      });
      await recordAudit(tx, {
        procuratorateId: invitation.procuratorateId,
        actorId: user.id,
        action: "invitation.accept",
        entityType: "Invitation",
        entityId: invitation.id,
        data: { userId: user.id, invitedById: invitation.invitedById },
        at: now,
      });
      return { ok: true, userId: user.id, role: role.data };
    });
  } catch (error) {
    if (error instanceof InvitationGone) return { ok: false, reason: "invalid" };
    // Two people choosing the same name at the same moment: the unique index decides.
    if (isUniqueViolation(error)) {
      const target = (error as Prisma.PrismaClientKnownRequestError).meta?.target;
      return String(target ?? "").includes("panelistId")
        ? { ok: false, reason: "invalid" }
        : { ok: false, reason: "usernameTaken" };
    }
    throw error;
  }
}
