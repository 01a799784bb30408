import { superiorCreatesCycle } from "~/domain/admin/rules";
import type { AgencyInput } from "~/domain/admin/schemas";
import { recordAudit } from "~/models/audit.server";
import type { FieldFailure } from "~/models/invitation.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Chinese names in pinyin order, as a clerk expects (SQLite would order them by code point).
const byName = new Intl.Collator("zh-CN");

/** The agencies of a procuratorate for the admin list, with their superior and liaisons. */
export async function listAgencies(procuratorateId: string) {
  const rows = await prisma.agency.findMany({
    where: { procuratorateId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      head: true,
      address: true,
      phone: true,
      active: true,
      superiorAgencyId: true,
      superior: { select: { name: true } },
      liaisons: { where: { role: "agency" }, select: { displayName: true, active: true } },
      _count: { select: { cases: true } },
    },
  });
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || byName.compare(a.name, b.name));
}

export async function getAgency(procuratorateId: string, agencyId: string) {
  const agency = await prisma.agency.findFirst({ where: { id: agencyId, procuratorateId } });
  if (!agency) notFound();
  return agency;
}

/** Active agencies for a select (invitation form, affiliations). */
export async function agencyOptions(procuratorateId: string) {
  const rows = await prisma.agency.findMany({
    where: { procuratorateId, active: true },
    select: { id: true, name: true },
  });
  return rows.sort((a, b) => byName.compare(a.name, b.name));
}

/**
 * Creates (no id) or updates an agency. The name is unique within the procuratorate; the superior
 * organ must be another agency of the same procuratorate and must not sit below this one.
 */
export async function saveAgency(
  procuratorateId: string,
  actorId: string,
  input: AgencyInput
): Promise<{ ok: true; id: string; created: boolean } | FieldFailure> {
  const data = {
    name: input.name,
    shortName: input.shortName || null,
    kind: input.kind ?? null,
    head: input.head || null,
    address: input.address || null,
    phone: input.phone || null,
    superiorAgencyId: input.superiorAgencyId || null,
    active: input.active,
  };
  return prisma.$transaction(async (tx) => {
    const existing = input.id
      ? await tx.agency.findFirst({ where: { id: input.id, procuratorateId }, select: { id: true } })
      : null;
    if (input.id && !existing) notFound();

    const sameName = await tx.agency.findFirst({
      where: { procuratorateId, name: data.name, ...(existing ? { id: { not: existing.id } } : {}) },
      select: { id: true },
    });
    if (sameName) return { ok: false, field: "name", message: "admin.agency.nameTaken" } satisfies FieldFailure;

    if (data.superiorAgencyId) {
      const all = await tx.agency.findMany({
        where: { procuratorateId },
        select: { id: true, superiorAgencyId: true },
      });
      const superiorOf = new Map(all.map((a) => [a.id, a.superiorAgencyId]));
      if (!superiorOf.has(data.superiorAgencyId)) {
        return { ok: false, field: "superiorAgencyId", message: "admin.agency.superiorUnknown" } satisfies FieldFailure;
      }
      if (superiorCreatesCycle(existing?.id, data.superiorAgencyId, (id) => superiorOf.get(id))) {
        return { ok: false, field: "superiorAgencyId", message: "admin.agency.superiorCycle" } satisfies FieldFailure;
      }
    }

    const saved = existing
      ? await tx.agency.update({ where: { id: existing.id }, data })
      : await tx.agency.create({ data: { ...data, procuratorateId } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: existing ? "agency.update" : "agency.create",
      entityType: "Agency",
      entityId: saved.id,
      data,
    });
    return { ok: true as const, id: saved.id, created: !existing };
  });
}
