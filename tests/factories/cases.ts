import { randomUUID } from "node:crypto";
import type { CaseState } from "~/domain/case/states";
import { prisma } from "~/utils/db.server";

export type CreateCaseInput = {
  procuratorateId: string;
  leadProsecutorId: string;
  title?: string;
  state?: CaseState;
  field?: string;
  number?: string | null;
  filedOn?: string | null;
  respondentAgencyId?: string | null;
  /** Team members besides the lead (CaseMember rows, role "prosecutor"). */
  memberIds?: string[];
};

/**
 * A case row written directly (no workflow, no audit event): for tests that need a case to hang
 * evidence, hearings or deadlines on. Filed by default, with a unique number.
 */
export async function createCase(input: CreateCaseInput) {
  const tag = randomUUID().slice(0, 8);
  return prisma.case.create({
    data: {
      procuratorateId: input.procuratorateId,
      leadProsecutorId: input.leadProsecutorId,
      title: input.title ?? `测试案件 ${tag}`,
      field: input.field ?? "ecology",
      state: input.state ?? "filed",
      number: input.number === undefined ? `测-${tag}` : input.number,
      filedOn: input.filedOn === undefined ? "2026-11-02" : input.filedOn,
      respondentAgencyId: input.respondentAgencyId ?? null,
      members: input.memberIds?.length
        ? { create: input.memberIds.map((userId) => ({ userId, role: "prosecutor" })) }
        : undefined,
    },
  });
}
