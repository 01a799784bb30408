import type { AffiliationInput, PanelistCategory, PanelistInput } from "~/domain/admin/schemas";
import { recordAudit } from "~/models/audit.server";
import type { FieldFailure } from "~/models/invitation.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Chinese names in pinyin order, as a clerk expects (SQLite would order them by code point).
const byName = new Intl.Collator("zh-CN");

/** The 听证员库 of a procuratorate, optionally one category, with what the admin list shows. */
export async function listPanelists(procuratorateId: string, opts: { category?: PanelistCategory; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const rows = await prisma.panelist.findMany({
    where: { procuratorateId, ...(opts.category ? { category: opts.category } : {}) },
    orderBy: [{ active: "desc" }, { category: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      gender: true,
      birthOn: true,
      category: true,
      workUnit: true,
      title: true,
      phone: true,
      barred: true,
      barredReason: true,
      active: true,
      affiliations: {
        orderBy: { organisation: "asc" },
        select: { id: true, organisation: true, relation: true, agency: { select: { name: true } } },
      },
      user: { select: { username: true, active: true, lastLoginAt: true } },
      invitations: {
        where: { usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        select: { id: true, expiresAt: true },
      },
      _count: { select: { seats: true } },
    },
  });
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || byName.compare(a.name, b.name));
}

/** One pool entry with its affiliations, for the edit form. */
export async function getPanelist(procuratorateId: string, panelistId: string) {
  const panelist = await prisma.panelist.findFirst({
    where: { id: panelistId, procuratorateId },
    include: {
      affiliations: { orderBy: { organisation: "asc" }, include: { agency: { select: { name: true } } } },
      user: { select: { username: true, active: true } },
    },
  });
  if (!panelist) notFound();
  return panelist;
}

/** Active pool entries without an account, for the invitation form; `pending` if a link is out. */
export async function panelistsWithoutAccount(procuratorateId: string, now: Date = new Date()) {
  const rows = await prisma.panelist.findMany({
    where: { procuratorateId, active: true, user: { is: null } },
    select: {
      id: true,
      name: true,
      category: true,
      invitations: { where: { usedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true }, take: 1 },
    },
  });
  return rows
    .map(({ invitations, ...p }) => ({ ...p, pending: invitations.length > 0 }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

/** Creates (no id) or updates a pool entry; the age rule was checked by the schema. */
export async function savePanelist(procuratorateId: string, actorId: string, input: PanelistInput) {
  const data = {
    name: input.name,
    gender: input.gender ?? null,
    birthOn: input.birthOn,
    category: input.category,
    workUnit: input.workUnit || null,
    title: input.title || null,
    phone: input.phone || null,
    email: input.email || null,
    joinedOn: input.joinedOn || null,
    barred: input.barred,
    barredReason: input.barred ? input.barredReason || null : null,
    active: input.active,
  };
  return prisma.$transaction(async (tx) => {
    const existing = input.id
      ? await tx.panelist.findFirst({ where: { id: input.id, procuratorateId }, select: { id: true } })
      : null;
    if (input.id && !existing) notFound();
    const saved = existing
      ? await tx.panelist.update({ where: { id: existing.id }, data })
      : await tx.panelist.create({ data: { ...data, procuratorateId } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: existing ? "panelist.update" : "panelist.create",
      entityType: "Panelist",
      entityId: saved.id,
      // Contact details are personal data (个人信息保护法 Art 28): the log keeps what changed, not them.
      data: { name: data.name, category: data.category, barred: data.barred, active: data.active },
    });
    return { id: saved.id, created: !existing };
  });
}

/** Records a link between a panelist and an organisation (an agency of the procuratorate or free text). */
export async function addAffiliation(
  procuratorateId: string,
  actorId: string,
  input: AffiliationInput
): Promise<{ ok: true; id: string } | FieldFailure> {
  return prisma.$transaction(async (tx) => {
    const panelist = await tx.panelist.findFirst({
      where: { id: input.panelistId, procuratorateId },
      select: { id: true },
    });
    if (!panelist) notFound();
    let organisation = input.organisation || "";
    if (input.agencyId) {
      const agency = await tx.agency.findFirst({
        where: { id: input.agencyId, procuratorateId },
        select: { name: true },
      });
      if (!agency)
        return { ok: false, field: "agencyId", message: "admin.invite.agencyUnknown" } satisfies FieldFailure;
      organisation ||= agency.name;
    }
    const created = await tx.panelistAffiliation.create({
      data: {
        panelistId: panelist.id,
        agencyId: input.agencyId || null,
        organisation,
        relation: input.relation,
        sinceOn: input.sinceOn || null,
        untilOn: input.untilOn || null,
      },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "panelist.affiliation.add",
      entityType: "Panelist",
      entityId: panelist.id,
      data: { affiliationId: created.id, organisation, agencyId: created.agencyId, relation: input.relation },
    });
    return { ok: true as const, id: created.id };
  });
}

export async function removeAffiliation(procuratorateId: string, actorId: string, affiliationId: string) {
  return prisma.$transaction(async (tx) => {
    const affiliation = await tx.panelistAffiliation.findFirst({
      where: { id: affiliationId, panelist: { procuratorateId } },
      select: { id: true, panelistId: true, organisation: true, relation: true },
    });
    if (!affiliation) notFound();
    await tx.panelistAffiliation.delete({ where: { id: affiliation.id } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "panelist.affiliation.remove",
      entityType: "Panelist",
      entityId: affiliation.panelistId,
      data: { affiliationId: affiliation.id, organisation: affiliation.organisation, relation: affiliation.relation },
    });
    return { panelistId: affiliation.panelistId };
  });
}
