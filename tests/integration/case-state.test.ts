import { describe, expect, it } from "vitest";
import { TransitionError } from "~/domain/case/lifecycle";
import { verifyAuditChain } from "~/models/audit.server";
import { transitionCase } from "~/models/case-state.server";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";

async function fixture() {
  const gy = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } });
  const cz = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } });
  const user = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });
  const kase = await prisma.case.create({
    data: {
      procuratorateId: gy.id,
      title: "测试案件：transitionCase",
      field: "ecology",
      state: "evaluation",
      leadProsecutorId: user.id,
    },
  });
  const approval = (kind: string, decision = "approved") =>
    prisma.approval.create({
      data: { procuratorateId: gy.id, caseId: kase.id, kind, subject: kind, requestedById: user.id, decision },
    });
  return { gy, cz, user, kase, approval };
}

describe("transitionCase (the only writer of Case.state)", () => {
  it("moves a case along an allowed edge with its approval, writing history and audit", async () => {
    const { gy, user, kase, approval } = await fixture();
    const filing = await approval("filing");
    await prisma.$transaction((tx) =>
      transitionCase(tx, {
        procuratorateId: gy.id,
        caseId: kase.id,
        to: "filed",
        actorId: user.id,
        approval: filing,
        on: "2026-11-20",
      }),
    );
    const after = await prisma.case.findUniqueOrThrow({ where: { id: kase.id }, include: { transitions: true } });
    expect(after.state).toBe("filed");
    expect(after.filedOn).toBe("2026-11-20");
    expect(after.version).toBe(1);
    expect(after.transitions).toMatchObject([{ fromState: "evaluation", toState: "filed", approvalId: filing.id }]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: kase.id, action: "case.transition" } });
    expect(JSON.parse(event.data ?? "{}")).toMatchObject({ from: "evaluation", to: "filed" });
    expect(await verifyAuditChain(prisma)).toBeNull();
  });

  it("refuses an edge missing from the table (409) and writes nothing", async () => {
    const { gy, user, kase } = await fixture();
    const events = await prisma.auditEvent.count();
    await expect(
      prisma.$transaction((tx) =>
        transitionCase(tx, { procuratorateId: gy.id, caseId: kase.id, to: "closed", actorId: user.id }),
      ),
    ).rejects.toBeInstanceOf(TransitionError);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).state).toBe("evaluation");
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("refuses an edge that needs an approval without an approved one", async () => {
    const { gy, user, kase, approval } = await fixture();
    for (const given of [null, await approval("filing", "pending"), await approval("filing", "rejected"), await approval("closure")]) {
      await expect(
        prisma.$transaction((tx) =>
          transitionCase(tx, { procuratorateId: gy.id, caseId: kase.id, to: "filed", actorId: user.id, approval: given }),
        ),
      ).rejects.toBeInstanceOf(DomainError);
    }
    expect(await prisma.caseTransition.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("does not find a case of another procuratorate (404)", async () => {
    const { cz, user, kase, approval } = await fixture();
    const filing = await approval("filing");
    const attempt = prisma.$transaction((tx) =>
      transitionCase(tx, { procuratorateId: cz.id, caseId: kase.id, to: "filed", actorId: user.id, approval: filing }),
    );
    await expect(attempt).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
  });
});
