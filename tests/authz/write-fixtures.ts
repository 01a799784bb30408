import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";

// Records the write rows of the authorization matrix (WriteRow in tests/authz/types.ts) aim at:
// each row makes its own, one in the demo procuratorate (桂, the demo users' scope) and one in
// 郴 (outside it), so rows do not depend on each other or on particular seed rows.

export const tag = () => randomUUID().slice(0, 8);

export async function procuratorates(db: PrismaClient) {
  const [gui, chen] = await Promise.all([
    db.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } }),
    db.procuratorate.findFirstOrThrow({ where: { shortName: "郴" }, select: { id: true } }),
  ]);
  return { inScope: gui.id, outOfScope: chen.id };
}

/** An active user of the procuratorate with the given role (the seed has staff in both). */
export async function someUser(db: PrismaClient, procuratorateId: string, role = "prosecutor") {
  const user = await db.user.findFirst({ where: { procuratorateId, role, active: true }, select: { id: true } });
  if (user) return user.id;
  const created = await db.user.create({
    data: { procuratorateId, username: `matrix-${tag()}`, displayName: "矩阵测试用户", role, passwordHash: "x" },
  });
  return created.id;
}

export async function newAgency(db: PrismaClient, procuratorateId: string) {
  return db.agency.create({ data: { procuratorateId, name: `矩阵测试行政机关 ${tag()}` }, select: { id: true } });
}

export async function newPanelist(db: PrismaClient, procuratorateId: string) {
  return db.panelist.create({
    data: { procuratorateId, name: `矩阵测试听证员 ${tag()}`, category: "expert", birthOn: "1980-01-01" },
    select: { id: true },
  });
}

/** A usable invitation stored the way the app stores it (SHA-256 of the token); returns the token too. */
export async function newInvitation(
  db: PrismaClient,
  procuratorateId: string,
  invitedById: string,
  extra: { revokedAt?: Date } = {},
) {
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.invitation.create({
    data: {
      procuratorateId,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      role: "prosecutor",
      displayName: "矩阵测试受邀人",
      invitedById,
      expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      ...extra,
    },
    select: { id: true },
  });
  return { id: invitation.id, token };
}

/** A mainland mobile number nobody else uses in the run. */
export const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/**
 * A fresh case of the procuratorate in the given state, led by one of its prosecutors (the actor,
 * when given) with a second team member (规则 Art 36) and, with `evidence`, one evidence item.
 */
export async function newCase(
  db: PrismaClient,
  procuratorateId: string,
  state: string,
  opts: { leadId?: string; evidence?: boolean } = {},
) {
  const leadId = opts.leadId ?? (await someUser(db, procuratorateId));
  const member = await db.user.create({
    data: { procuratorateId, username: `matrix-${tag()}`, displayName: "矩阵测试检察官", role: "prosecutor", passwordHash: "x" },
    select: { id: true },
  });
  const kase = await db.case.create({
    data: {
      procuratorateId,
      title: `矩阵测试案件 ${tag()}`,
      field: "ecology",
      state,
      leadProsecutorId: leadId,
      members: { create: [{ userId: leadId, role: "lead" }, { userId: member.id, role: "member" }] },
    },
    select: { id: true },
  });
  if (opts.evidence) {
    await db.evidence.create({ data: { caseId: kase.id, ordinal: 1, title: "矩阵测试证据", kind: "documentary", createdById: leadId } });
  }
  return kase;
}

/** The case's current version, for the stale checks of the case page's forms. */
export const caseVersion = async (db: PrismaClient, caseId: string) =>
  String((await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version);

/** A fresh hearing of the procuratorate, planned a month ahead. */
export async function newHearing(db: PrismaClient, procuratorateId: string) {
  return db.hearing.create({
    data: {
      procuratorateId,
      title: `矩阵测试听证 ${tag()}`,
      venue: "矩阵测试听证室",
      startsAt: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
      hostId: await someUser(db, procuratorateId),
    },
    select: { id: true },
  });
}
