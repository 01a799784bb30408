import { beforeAll, describe, expect, test } from "vitest";
import { createCase, createProcuratorate, createUser } from "#tests/factories";
import { takeNextStep } from "~/models/case-steps.server";
import { prisma } from "~/utils/db.server";

// Issue 9 item 7 (听证规定 Art 16): once a hearing's opinions are unsealed, the case may not ask for
// closure (nor recommendation or suit) until the decision on the panel's view is recorded, so a
// departure from the majority cannot skip its departure_from_majority approval.

let P: string;
let actorId: string;
let caseId: string;
let hearingId: string;

beforeAll(async () => {
  P = (await createProcuratorate({ name: "听证决定测试院", shortName: "决" })).id;
  actorId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  caseId = (await createCase({ procuratorateId: P, leadProsecutorId: actorId, state: "investigating" })).id;
  hearingId = (
    await prisma.hearing.create({
      data: {
        procuratorateId: P,
        title: "决定测试听证",
        venue: "检察听证室",
        startsAt: new Date(Date.now() - 86_400_000),
        status: "concluded",
        deliberationClosedAt: new Date(Date.now() - 80_000_000),
        hostId: actorId,
        cases: { create: [{ caseId, ordinal: 1 }] },
      },
    })
  ).id;
});

const version = async () => String((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version);

describe("the decision after a hearing gates the case's next step", () => {
  test("closure is refused (409) while the unsealed hearing has no decision, and requested once it has one", async () => {
    const step = async () =>
      takeNextStep(P, actorId, caseId, { intent: "step", to: "closed", reason: "已整改", ground: "fully_rectified", version: Number(await version()) });
    await expect(step()).rejects.toMatchObject({ messageKey: "hearings.error.decisionPending", status: 409 });
    expect(await prisma.approval.count({ where: { caseId, kind: "closure" } })).toBe(0);
    await prisma.hearingCase.update({ where: { hearingId_caseId: { hearingId, caseId } }, data: { decisionStance: "agree", decidedAt: new Date() } });
    expect((await step()).outcome).toBe("requested");
  });
});
