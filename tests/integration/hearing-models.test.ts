import { beforeAll, describe, expect, test } from "vitest";
import { callLoader, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { getDisclosureForm } from "~/models/evidence-disclosure.server";
import {
  getHearingHeader,
  getHearingOpinions,
  getHearingOverview,
  getHearingPanel,
  getHearingParticipants,
  listHearings,
} from "~/models/hearing.server";
import { loader } from "~/routes/_staff.hearings.$hearingId";
import { loader as panelLoader } from "~/routes/_staff.hearings.$hearingId.panel";
import { prisma } from "~/utils/db.server";

// Staff hearing queries on a copy of the seeded database, in a procuratorate of the test's own.

const NOW = new Date("2022-06-18T04:00:00Z"); // 12:00 in Shanghai
let P: string;
let Q: string;
let host: { id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  P = (await createProcuratorate({ name: "听证测试县人民检察院", shortName: "听" })).id;
  Q = (await createProcuratorate({ name: "听证测试另一县人民检察院", shortName: "另" })).id;
  host = await createUser({ role: "prosecutor", procuratorateId: P });
  const qHost = await createUser({ role: "prosecutor", procuratorateId: Q });
  const agencyA = await prisma.agency.create({ data: { procuratorateId: P, name: "听证测试县卫生健康局" } });
  const agencyB = await prisma.agency.create({ data: { procuratorateId: P, name: "听证测试县市场监督管理局" } });
  const mkCase = async (key: string, agencyId: string) =>
    (ids[key] = (
      await prisma.case.create({
        data: {
          procuratorateId: P,
          number: `听-${key}`,
          title: `听证测试案件 ${key}`,
          field: "public_health",
          state: "investigating",
          leadProsecutorId: host.id,
          respondentAgencyId: agencyId,
        },
      })
    ).id);
  await mkCase("c1", agencyA.id);
  await mkCase("c2", agencyB.id);
  const ev = await prisma.evidence.create({
    data: { caseId: ids.c1!, ordinal: 1, title: "现场照片", kind: "audiovisual", createdById: host.id },
  });

  const panelist = async (name: string) =>
    (await prisma.panelist.create({ data: { procuratorateId: P, name, category: "npc_deputy" } })).id;
  const p1 = await panelist("甲");
  const p2 = await panelist("乙");
  const p3 = await panelist("丙");
  const p4 = await panelist("丁（回避）");

  const h = await prisma.hearing.create({
    data: {
      procuratorateId: P,
      title: "系列听证",
      venue: "检察听证室",
      startsAt: new Date("2022-06-16T01:30:00Z"),
      status: "deliberating",
      hostId: host.id,
      isPublic: true,
      announcement: "公告全文",
      announcedAt: new Date("2022-06-10T02:00:00Z"),
      cases: {
        create: [
          { caseId: ids.c1!, ordinal: 1, issues: "是否履职" },
          { caseId: ids.c2!, ordinal: 2 },
        ],
      },
      panelists: {
        create: [
          { panelistId: p1, declaredAt: new Date("2022-06-15T02:00:00Z"), attended: true },
          { panelistId: p2, declaredAt: new Date("2022-06-15T02:00:00Z"), attended: true },
          { panelistId: p3, attended: true },
          { panelistId: p4, recused: true, recusalReason: "近亲属在被建议机关任职" },
        ],
      },
      participants: {
        create: [
          {
            kind: "agency_representative",
            agencyId: agencyA.id,
            organisation: agencyA.name,
            name: "张局长",
            post: "局长",
          },
          {
            kind: "agency_representative",
            agencyId: agencyA.id,
            organisation: agencyA.name,
            name: "李科长",
            post: "科长",
          },
          {
            kind: "agency_representative",
            agencyId: agencyB.id,
            organisation: agencyB.name,
            name: "王副局长",
            post: "副局长",
          },
          { kind: "other", organisation: "县疫情防控指挥部", name: "赵主任", post: "主任" },
        ],
      },
      observerRequests: { create: [{ name: "市民甲", phone: "13800000000" }] },
      disclosed: { create: [{ evidenceId: ev.id, disclosedById: host.id }] },
    },
  });
  ids.h = h.id;
  const opinion = (panelistId: string, caseKey: string, stance: string) =>
    prisma.panelOpinion.create({
      data: { hearingId: h.id, caseId: ids[caseKey]!, panelistId, stance, reasons: "理由", signedName: "签名" },
    });
  await opinion(p1, "c1", "agree");
  await opinion(p2, "c1", "agree");
  await opinion(p3, "c1", "disagree");
  await opinion(p4, "c1", "disagree"); // recused: not counted
  await opinion(p1, "c2", "agree");
  await opinion(p2, "c2", "disagree");

  ids.upcoming = (
    await prisma.hearing.create({
      data: {
        procuratorateId: P,
        title: "今天下午的听证",
        venue: "会议室",
        startsAt: new Date("2022-06-18T06:00:00Z"),
        hostId: host.id,
      },
    })
  ).id;
  ids.foreign = (
    await prisma.hearing.create({
      data: {
        procuratorateId: Q,
        title: "他院听证",
        venue: "他院",
        startsAt: new Date("2022-06-20T01:00:00Z"),
        hostId: qHost.id,
      },
    })
  ).id;
});

describe("listHearings", () => {
  test("splits upcoming (from the start of today) and past, counts seats without recused panelists", async () => {
    const { upcoming, past } = await listHearings(P, NOW);
    expect(upcoming.map((h) => h.title)).toEqual(["今天下午的听证"]);
    expect(past.map((h) => h.title)).toEqual(["系列听证"]);
    expect(past[0]).toMatchObject({
      caseCount: 2,
      panelistCount: 3,
      recusedCount: 1,
      participantCount: 4,
      observerRequestCount: 1,
    });
  });

  test("is scoped to the procuratorate", async () => {
    const { upcoming, past } = await listHearings(Q, NOW);
    expect([...upcoming, ...past].map((h) => h.id)).toEqual([ids.foreign]);
  });
});

describe("the hearing page's reads (one per tab)", () => {
  test("another procuratorate's hearing is not found, on every tab", async () => {
    for (const read of [getHearingHeader, getHearingOverview, getHearingPanel, getHearingParticipants, getDisclosureForm, getHearingOpinions]) {
      await expect(read(P, ids.foreign!)).rejects.toMatchObject({ status: 404 });
    }
  });

  test("opinions stay sealed until the hearing concludes", async () => {
    const d = await getHearingOpinions(P, ids.h!);
    expect(d.opinionsOpen).toBe(false);
    expect(d.submittedOpinions).toBe(6);
    expect(d.opinionsByCase.every((c) => c.opinions.length === 0)).toBe(true);
  });

  test("groups agency representatives by unit and lists the rest", async () => {
    const d = await getHearingParticipants(P, ids.h!);
    expect(d.agencyRepresentatives.map((g) => [g.unit, g.people.map((p) => p.name)])).toEqual([
      ["听证测试县卫生健康局", ["张局长", "李科长"]],
      ["听证测试县市场监督管理局", ["王副局长"]],
    ]);
    expect(d.otherParticipants.map((p) => p.organisation)).toEqual(["县疫情防控指挥部"]);
    const evidence = (await getDisclosureForm(P, ids.h!)).cases.flatMap((c) => c.items);
    expect(evidence.filter((e) => e.disclosed).map((e) => e.title)).toEqual(["现场照片"]);
    const panel = await getHearingPanel(P, ids.h!);
    expect(panel.seated).toBe(3);
    expect(panel.panelists.at(-1)).toMatchObject({ recused: true, recusalReason: "近亲属在被建议机关任职" });
    const header = await getHearingHeader(P, ids.h!);
    expect(header.counts).toMatchObject({ panelists: 4, disclosed: 1 });
  });

  test("a concludedAt timestamp without closed deliberation keeps the opinions sealed", async () => {
    // The staff page used to unseal on concludedAt alone while the panel portal checked the
    // status; one rule now (app/domain/hearing/opinions.ts): the host closing deliberation decides.
    await prisma.hearing.update({
      where: { id: ids.h! },
      data: { status: "deliberating", concludedAt: new Date("2022-06-16T06:00:00Z") },
    });
    const d = await getHearingOpinions(P, ids.h!);
    expect(d.opinionsOpen).toBe(false);
    expect(d.opinionsByCase.every((c) => c.opinions.length === 0)).toBe(true);
  });

  test("once concluded: per-case tallies without recused panelists, ties have no majority", async () => {
    await prisma.hearing.update({
      where: { id: ids.h! },
      data: { status: "concluded", concludedAt: new Date("2022-06-16T06:00:00Z"), deliberationClosedAt: new Date("2022-06-16T05:00:00Z") },
    });
    const d = await getHearingOpinions(P, ids.h!);
    expect(d.opinionsOpen).toBe(true);
    const c1 = d.opinionsByCase.find((c) => c.caseId === ids.c1)!;
    expect(c1.tally).toMatchObject({ agree: 2, disagree: 1, total: 3, majority: "agree", absolute: true });
    expect(c1.opinions.map((o) => o.panelist.name)).not.toContain("丁（回避）");
    const c2 = d.opinionsByCase.find((c) => c.caseId === ids.c2)!;
    expect(c2.tally).toMatchObject({ agree: 1, disagree: 1, majority: null });
  });

  test("the routes answer 404 for another procuratorate's hearing", async () => {
    const cookie = await cookieForUserId(host.id);
    for (const l of [loader, panelLoader]) {
      const ok = await callLoader(l, request(`/hearings/${ids.h}`, { cookie }), { hearingId: ids.h! });
      expect(ok.status).toBe(200);
      const foreign = await callLoader(l, request(`/hearings/${ids.foreign}`, { cookie }), {
        hearingId: ids.foreign!,
      });
      expect(foreign.status).toBe(404);
    }
  });
});

describe("seeded demo (桂)", () => {
  test("the concluded series hearing shows its opinions", async () => {
    const gui = await prisma.procuratorate.findFirst({ where: { shortName: "桂" }, select: { id: true } });
    if (!gui) return;
    const concluded = await prisma.hearing.findFirst({
      where: { procuratorateId: gui.id, status: "concluded" },
      select: { id: true },
    });
    if (!concluded) return;
    const d = await getHearingOpinions(gui.id, concluded.id);
    expect(d.opinionsOpen).toBe(true);
    expect(d.opinionsByCase.some((c) => c.tally.total > 0)).toBe(true);
  });
});
