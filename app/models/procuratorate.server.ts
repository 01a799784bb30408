import type { ProfileInput } from "~/domain/admin/schemas";
import { PANELIST_CATEGORIES } from "~/domain/admin/schemas";
import { ROLES } from "~/domain/auth/roles";
import { recordAudit } from "~/models/audit.server";
import { countPendingInvitations } from "~/models/invitation.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

const PROFILE_FIELDS = ["name", "shortName", "region", "address", "phone", "clueEvaluationDays"] as const;

export async function getProcuratorateProfile(procuratorateId: string) {
  const row = await prisma.procuratorate.findUnique({
    where: { id: procuratorateId },
    select: {
      id: true,
      name: true,
      shortName: true,
      region: true,
      address: true,
      phone: true,
      clueEvaluationDays: true,
      updatedAt: true,
      parent: { select: { name: true } },
    },
  });
  if (!row) notFound();
  return row;
}

/** Saves the profile and audits what changed (old and new values). */
export async function updateProcuratorateProfile(procuratorateId: string, actorId: string, input: ProfileInput) {
  const next = {
    name: input.name,
    shortName: input.shortName,
    region: input.region || null,
    address: input.address || null,
    phone: input.phone || null,
    clueEvaluationDays: input.clueEvaluationDays ?? null,
  };
  await prisma.$transaction(async (tx) => {
    const current = await tx.procuratorate.findUnique({ where: { id: procuratorateId } });
    if (!current) notFound();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of PROFILE_FIELDS) {
      if (current[field] !== next[field]) changes[field] = { from: current[field], to: next[field] };
    }
    if (Object.keys(changes).length === 0) return;
    await tx.procuratorate.update({ where: { id: procuratorateId }, data: next });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "procuratorate.update",
      entityType: "Procuratorate",
      entityId: procuratorateId,
      data: changes,
    });
  });
}

/** The numbers of the admin overview, in a handful of grouped queries. */
export async function adminOverview(procuratorateId: string, now: Date = new Date()) {
  const [procuratorate, users, agencies, activeAgencies, panelists, pendingInvitations, templates] = await Promise.all([
    getProcuratorateProfile(procuratorateId),
    prisma.user.groupBy({ by: ["role", "active"], where: { procuratorateId }, _count: { _all: true } }),
    prisma.agency.count({ where: { procuratorateId } }),
    prisma.agency.count({ where: { procuratorateId, active: true } }),
    prisma.panelist.groupBy({ by: ["category", "active"], where: { procuratorateId }, _count: { _all: true } }),
    countPendingInvitations(procuratorateId, now),
    prisma.documentTemplate.findMany({
      where: { OR: [{ procuratorateId }, { procuratorateId: null }] },
      select: { kind: true },
      distinct: ["kind"],
    }),
  ]);
  const usersByRole = ROLES.map((role) => {
    const rows = users.filter((u) => u.role === role);
    return {
      role,
      active: rows.filter((r) => r.active).reduce((n, r) => n + r._count._all, 0),
      inactive: rows.filter((r) => !r.active).reduce((n, r) => n + r._count._all, 0),
    };
  });
  const panelistsByCategory = PANELIST_CATEGORIES.map((category) => ({
    category,
    count: panelists.filter((p) => p.category === category && p.active).reduce((n, p) => n + p._count._all, 0),
  }));
  return {
    procuratorate,
    usersByRole,
    userTotal: usersByRole.reduce((n, r) => n + r.active, 0),
    agencies: { total: agencies, active: activeAgencies },
    panelistsByCategory,
    panelistTotal: panelistsByCategory.reduce((n, c) => n + c.count, 0),
    pendingInvitations,
    /** Document types with a template (own or packaged). */
    templates: templates.length,
  };
}
