import { DOCUMENT_KINDS } from "~/domain/documents/kinds";
import { prisma } from "~/utils/db.server";

/**
 * Every document type with the template that applies to the procuratorate: its own if it has one,
 * else the packaged one shared by all (procuratorateId null), else none yet.
 */
export async function listTemplatesByKind(procuratorateId: string) {
  const rows = await prisma.documentTemplate.findMany({
    where: { OR: [{ procuratorateId }, { procuratorateId: null }] },
    select: {
      id: true,
      kind: true,
      name: true,
      procuratorateId: true,
      activeVersion: true,
      createdAt: true,
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, sha256: true, fields: true, note: true, createdAt: true },
      },
      _count: { select: { versions: true } },
    },
  });
  const known = new Set<string>(DOCUMENT_KINDS);
  const kinds = [...DOCUMENT_KINDS, ...new Set(rows.map((r) => r.kind).filter((k) => !known.has(k)))];
  return kinds.map((kind) => {
    const own = rows.find((r) => r.kind === kind && r.procuratorateId === procuratorateId);
    const shared = rows.find((r) => r.kind === kind && r.procuratorateId === null);
    const template = own ?? shared ?? null;
    return {
      kind,
      template: template
        ? {
            id: template.id,
            name: template.name,
            scope: own ? ("own" as const) : ("shared" as const),
            activeVersion: template.activeVersion,
            versions: template.versions.map((v) => ({
              ...v,
              fieldCount: countFields(v.fields),
            })),
          }
        : null,
    };
  });
}

function countFields(json: string): number | null {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.length : null;
  } catch {
    return null;
  }
}
