import { beforeAll, describe, expect, test } from "vitest";
import { createProcuratorate, createUser } from "#tests/factories";
import { getCaseOverview } from "~/models/case-page.server";
import { prisma } from "~/utils/db.server";

// The informant of a case's clue: masked on the case page, shown in full only when a member of the
// case team asks, and that view is recorded (个人信息保护法 Art 34; the view-event decision record).

let P: string;
let leadId: string;
let otherId: string;
let caseId: string;
let clueId: string;

beforeAll(async () => {
  P = (await createProcuratorate({ name: "举报人查看县人民检察院", shortName: "举" })).id;
  leadId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  otherId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  const clue = await prisma.clue.create({
    data: {
      procuratorateId: P,
      number: "2026-线索-901",
      source: "report",
      receivedOn: "2026-11-02",
      summary: "群众举报河道排污",
      field: "ecology",
      informantName: "周晓梅",
      informantPhone: "13800000011",
      informantIdNumber: "430102199003070025",
      registeredById: leadId,
    },
  });
  clueId = clue.id;
  caseId = (
    await prisma.case.create({
      data: { procuratorateId: P, title: "河道排污案", field: "ecology", state: "evaluation", leadProsecutorId: leadId, clueId },
    })
  ).id;
});

const views = () => prisma.auditEvent.count({ where: { action: "clue.informant.view", entityId: clueId } });

describe("the informant on the case page", () => {
  test("is masked by default, even for the lead, and nothing is recorded", async () => {
    const before = await views();
    const c = await getCaseOverview(P, caseId, leadId);
    expect(c.clue?.informant?.name).not.toBe("周晓梅");
    expect(c.informantRevealed).toBe(false);
    expect(c.mayRevealInformant).toBe(true);
    expect(await views()).toBe(before);
  });

  test("the lead asks to see it: shown in full, and the view is an audit event of the case", async () => {
    const before = await views();
    const c = await getCaseOverview(P, caseId, leadId, { showInformant: true });
    expect(c.clue?.informant).toMatchObject({ name: "周晓梅", phone: "13800000011" });
    expect(await views()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "clue.informant.view", entityId: clueId },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({ actorId: leadId, caseId, procuratorateId: P });
    expect(event.data).not.toContain("周晓梅");
  });

  test("someone outside the case team asking gets the masked view, and nothing is recorded", async () => {
    const before = await views();
    const c = await getCaseOverview(P, caseId, otherId, { showInformant: true });
    expect(c.clue?.informant?.name).not.toBe("周晓梅");
    expect(c.mayRevealInformant).toBe(false);
    expect(await views()).toBe(before);
  });
});
