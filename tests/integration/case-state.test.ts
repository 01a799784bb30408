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
        approvalId: filing.id,
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
          transitionCase(tx, { procuratorateId: gy.id, caseId: kase.id, to: "filed", actorId: user.id, approvalId: given?.id }),
        ),
      ).rejects.toBeInstanceOf(DomainError);
    }
    expect(await prisma.caseTransition.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("does not find a case of another procuratorate (404)", async () => {
    const { cz, user, kase, approval } = await fixture();
    const filing = await approval("filing");
    const attempt = prisma.$transaction((tx) =>
      transitionCase(tx, { procuratorateId: cz.id, caseId: kase.id, to: "filed", actorId: user.id, approvalId: filing.id }),
    );
    await expect(attempt).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
  });

  it("refuses an approved approval of another case (409) and leaves both cases where they were", async () => {
    const { gy, user, kase, approval } = await fixture();
    const filingOfA = await approval("filing");
    const other = await fixture();
    await expect(
      prisma.$transaction((tx) =>
        transitionCase(tx, { procuratorateId: gy.id, caseId: other.kase.id, to: "filed", actorId: user.id, approvalId: filingOfA.id }),
      ),
    ).rejects.toMatchObject({ status: 409, messageKey: "error.approvalRequired" });
    for (const id of [kase.id, other.kase.id]) {
      expect((await prisma.case.findUniqueOrThrow({ where: { id } })).state).toBe("evaluation");
    }
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: filingOfA.id } })).usedAt).toBeNull();
  });

  it("consumes an approval once: it is marked used, and a second use answers 409", async () => {
    const { gy, user, kase, approval } = await fixture();
    const suspension = await approval("suspension");
    await prisma.case.update({ where: { id: kase.id }, data: { state: "rectification" } });
    await prisma.$transaction((tx) =>
      transitionCase(tx, { procuratorateId: gy.id, caseId: kase.id, to: "suspended", actorId: user.id, approvalId: suspension.id }),
    );
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: suspension.id } })).usedAt).toBeInstanceOf(Date);
    // Back in rectification by hand (as if resumed), the same approval does not suspend it again.
    await prisma.case.update({ where: { id: kase.id }, data: { state: "rectification" } });
    await expect(
      prisma.$transaction((tx) =>
        transitionCase(tx, { procuratorateId: gy.id, caseId: kase.id, to: "suspended", actorId: user.id, approvalId: suspension.id }),
      ),
    ).rejects.toMatchObject({ status: 409 });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).state).toBe("rectification");
  });
});
