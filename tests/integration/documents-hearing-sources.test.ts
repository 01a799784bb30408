import { beforeAll, describe, expect, test } from "vitest";
import { createProcuratorate, createUser } from "#tests/factories";
import { documentSource } from "~/documents/registry.server";
import {
  loadHearingAnnouncement,
  loadHearingNotice,
  loadHearingRecord,
  loadPanelistInvitation,
  loadPanelOpinionForm,
  loadProofOfService,
  loadRecommendation,
} from "~/documents/sources-hearing.server";
import { seatSubjectId } from "~/domain/documents/kinds/hearing-common";
import { HEARING_KIND_DEFINITIONS } from "~/domain/documents/kinds/hearing-group";
import type { IssueContext } from "~/domain/documents/spec";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { expectValuesMatchFields } from "#tests/support/document-fields";

// The loaders of the hearing and recommendation kinds on a copy of the seeded database: the 桂阳
// 2022 series hearing and its 9 recommendations give their documents; another procuratorate's
// subject is null (404); a document that cannot be made yet is a 409 with its message key.

const ctx: IssueContext = { procuratorate: "桂阳县人民检察院", number: null, issuedOn: "2022-06-16" };
const SERIES_HEARING = "桂阳县重点公共场所废弃口罩收集处置系列案公开听证";

let G: string; // 桂阳
let C: string; // 郴州 (another procuratorate)
let hearingId: string;
let informants: string[];
let panelPhones: string[];

async function refusal(p: Promise<unknown>): Promise<{ status: number; key: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, key: e.messageKey };
    throw e;
  }
  throw new Error("expected a refusal");
}

/** Maps a loaded source with its kind's mapper, as the generator does; every required value is filled. */
function mapped(kind: string, source: unknown) {
  return JSON.stringify(mapValues(kind, source));
}
function mapValues(kind: string, source: unknown) {
  const def = HEARING_KIND_DEFINITIONS.find((d) => d.kind === kind)!;
  const values = def.map(source, ctx);
  expectValuesMatchFields(def, values);
  return { title: def.title(source, ctx), values };
}

beforeAll(async () => {
  G = (await prisma.procuratorate.findFirstOrThrow({ where: { name: "桂阳县人民检察院" } })).id;
  C = (await prisma.procuratorate.findFirstOrThrow({ where: { name: "郴州市人民检察院" } })).id;
  hearingId = (await prisma.hearing.findFirstOrThrow({ where: { procuratorateId: G, title: SERIES_HEARING } })).id;
  const clues = await prisma.clue.findMany({ where: { procuratorateId: G }, select: { informantName: true, informantPhone: true } });
  informants = clues.flatMap((c) => [c.informantName, c.informantPhone]).filter((x): x is string => !!x);
  panelPhones = (await prisma.panelist.findMany({ where: { procuratorateId: G }, select: { phone: true } })).flatMap((p) => p.phone ?? []);
  expect(informants.length).toBeGreaterThan(0);
  expect(panelPhones.length).toBeGreaterThan(0);
});

describe("the 桂阳 2022 series hearing (demo data)", () => {
  test("its 听证公告: public, private persons' names masked, no informant, no panelist's phone", async () => {
    const src = await loadHearingAnnouncement(G, hearingId);
    expect(src).not.toBeNull();
    const text = mapped("hearing_announcement", src);
    expect(text).toContain("桂阳县重点公共场所废弃口罩收集处置系列案");
    expect(text).toContain("共11名");
    expect(text).toContain("0735-12309");
    for (const secret of [...informants, ...panelPhones, "周海林", "刘振华", "李红霞"]) expect(text).not.toContain(secret);
    expect(await loadHearingAnnouncement(C, hearingId)).toBeNull();
  });

  test("its 听证笔录: every stage's minutes, the opinions (deliberation closed) and the signature lines", async () => {
    const src = await loadHearingRecord(G, hearingId);
    expect(src?.stages.map((s) => s.stage)).toEqual([
      "attendance",
      "presentation",
      "statements",
      "questions",
      "deliberation",
      "opinions",
      "final_statements",
      "summary",
    ]);
    const values = mapValues("hearing_record", src).values;
    expect((values.opinions as { rows: string[][] }).rows).toHaveLength(9 * 11);
    expect((values.cases as { rows: string[][] }).rows).toHaveLength(9);
    expect((values.tally as string[])[0]).toMatch(/^2022-行公-\d{3} .+：同意\d+名/);
    expect(JSON.stringify(values)).toContain("侯国庆");
    for (const secret of [...informants, ...panelPhones]) expect(JSON.stringify(values)).not.toContain(secret);
    expect(await loadHearingRecord(C, hearingId)).toBeNull();
  });

  test("one opinion form per seated panelist, filled with that panelist's own opinions; the recused seat 409", async () => {
    const seats = await prisma.hearingPanelist.findMany({ where: { hearingId }, select: { panelistId: true, recused: true, panelist: { select: { name: true } } } });
    expect(seats).toHaveLength(12);
    for (const seat of seats) {
      const id = seatSubjectId(hearingId, seat.panelistId);
      if (seat.recused) {
        expect(await refusal(loadPanelOpinionForm(G, id))).toEqual({ status: 409, key: "documentsHearing.error.seatRecused" });
        continue;
      }
      const src = await loadPanelOpinionForm(G, id);
      const values = mapValues("panel_opinion_form", src).values;
      const rows = (values.opinions as { rows: string[][] }).rows;
      expect(rows).toHaveLength(9);
      for (const row of rows) expect(row[4]).toBe(seat.panelist.name);
      expect(await loadPanelOpinionForm(C, id)).toBeNull();
    }
    const seated = seats.find((s) => !s.recused)!;
    expect(await loadPanelOpinionForm(G, `${hearingId}_nobody`)).toBeNull();
    expect(await loadPanelOpinionForm(G, seated.panelistId)).toBeNull();
  });

  test("notices to each unit name its own case; invitations list the nine cases; out of scope null", async () => {
    const rep = await prisma.hearingParticipant.findFirstOrThrow({ where: { hearingId, name: "周海林" } });
    const notice = await loadHearingNotice(G, rep.id);
    expect(notice?.issues.map((i) => i.caseTitle)).toEqual(["桂阳县卫生健康局怠于履行废弃口罩收集处置监管职责案"]);
    const noticeText = mapped("hearing_notice", notice);
    expect(noticeText).toContain("刘振华（人大代表）");
    expect(noticeText).not.toContain("侯国庆"); // recused: no longer sits
    for (const secret of [...informants, ...panelPhones]) expect(noticeText).not.toContain(secret);
    expect(await loadHearingNotice(C, rep.id)).toBeNull();

    const hq = await prisma.hearingParticipant.findFirstOrThrow({ where: { hearingId, name: "李红霞" } });
    expect((await loadHearingNotice(G, hq.id))?.issues).toHaveLength(9);

    const seat = await prisma.hearingPanelist.findFirstOrThrow({ where: { hearingId, recused: false } });
    const invitation = await loadPanelistInvitation(G, seatSubjectId(hearingId, seat.panelistId));
    expect(invitation?.cases).toHaveLength(9);
    for (const secret of [...informants, ...panelPhones]) expect(mapped("panelist_invitation", invitation)).not.toContain(secret);
    expect(await loadPanelistInvitation(C, seatSubjectId(hearingId, seat.panelistId))).toBeNull();
  });
});

describe("the series' 9 recommendations (demo data)", () => {
  test("each gives its letter with its 文号 and a proof of service filled from its Service record", async () => {
    const recs = await prisma.recommendation.findMany({
      where: { procuratorateId: G, number: { startsWith: "桂检行公建〔2022〕" } },
      orderBy: { number: "asc" },
      select: { id: true, number: true },
    });
    expect(recs).toHaveLength(9);
    for (const r of recs) {
      const letter = await loadRecommendation(G, r.id);
      expect(letter?.number).toBe(r.number);
      const text = mapped("recommendation", letter);
      expect(text).toContain(r.number!);
      for (const secret of informants) expect(text).not.toContain(secret);
      const proof = await loadProofOfService(G, r.id);
      expect(proof?.documentNumber).toBe(r.number);
      expect(proof?.service?.servedOn).toMatch(/^2022-06-2[0-2]$/);
      const values = mapValues("proof_of_service", proof).values;
      expect(values.received_on).toMatch(/^2022年6月2[0-2]日$/);
      expect(values.method).toContain("☑");
      expect(await loadRecommendation(C, r.id)).toBeNull();
      expect(await loadProofOfService(C, r.id)).toBeNull();
    }
  });

  test("the registry pairs each hearing kind with its loader", () => {
    for (const def of HEARING_KIND_DEFINITIONS) expect(documentSource(def.kind).definition).toBe(def);
  });
});

describe("documents that cannot be made yet (own data)", () => {
  let P: string;
  let host: { id: string };
  let caseId: string;
  let agencyId: string;

  beforeAll(async () => {
    P = (await createProcuratorate({ name: "文书测试县人民检察院", shortName: "文" })).id;
    host = await createUser({ role: "prosecutor", procuratorateId: P });
    agencyId = (await prisma.agency.create({ data: { procuratorateId: P, name: "文书测试县水利局" } })).id;
    caseId = (
      await prisma.case.create({
        data: { procuratorateId: P, number: "文-001", title: "文书测试案", field: "ecology", state: "recommending", leadProsecutorId: host.id, respondentAgencyId: agencyId },
      })
    ).id;
  });

  const recommendation = (status: string, number: string | null) =>
    prisma.recommendation.create({
      data: {
        caseId,
        procuratorateId: P,
        status,
        number,
        facts: "事实",
        reasons: "理由",
        legalBasis: "依据",
        createdById: host.id,
        points: { create: [{ ordinal: 1, text: "第一点" }] },
      },
    });

  test("a draft or pending recommendation: 409 for the letter and the proof of service", async () => {
    for (const status of ["draft", "pending_approval"]) {
      const r = await recommendation(status, null);
      const expected = { status: 409, key: "documentsHearing.error.recommendationNotApproved" };
      expect(await refusal(loadRecommendation(P, r.id))).toEqual(expected);
      expect(await refusal(loadProofOfService(P, r.id))).toEqual(expected);
    }
  });

  test("approved, not yet served: the letter, and a proof of service with blank lines", async () => {
    const r = await recommendation("approved", "文检行公建〔2026〕1号");
    const letter = await loadRecommendation(P, r.id);
    expect(letter).toMatchObject({ number: "文检行公建〔2026〕1号", agency: "文书测试县水利局", points: ["第一点"], clue: null });
    const proof = await loadProofOfService(P, r.id);
    mapValues("proof_of_service", proof);
    expect(proof).toMatchObject({ documentNumber: "文检行公建〔2026〕1号", agency: "文书测试县水利局", service: null });
    expect(await loadRecommendation(G, r.id)).toBeNull();
  });

  test("hearings: closed → no announcement; planned → no record yet; cancelled → 409; an observer gets no notice", async () => {
    const mk = (data: { isPublic?: boolean; status?: string }) =>
      prisma.hearing.create({
        data: {
          procuratorateId: P,
          title: "文书测试听证",
          venue: "检察听证室",
          startsAt: new Date("2026-12-08T01:00:00Z"),
          hostId: host.id,
          isPublic: data.isPublic ?? true,
          status: data.status ?? "planned",
          cases: { create: [{ caseId, ordinal: 1 }] },
        },
      });
    const closed = await mk({ isPublic: false });
    expect(await refusal(loadHearingAnnouncement(P, closed.id))).toEqual({ status: 409, key: "documentsHearing.error.hearingNotPublic" });
    const planned = await mk({});
    expect(await loadHearingAnnouncement(P, planned.id)).not.toBeNull();
    expect(await refusal(loadHearingRecord(P, planned.id))).toEqual({ status: 409, key: "documentsHearing.error.hearingNotStarted" });
    const cancelled = await mk({ status: "cancelled" });
    expect(await refusal(loadHearingAnnouncement(P, cancelled.id))).toEqual({ status: 409, key: "documentsHearing.error.hearingCancelled" });
    expect(await refusal(loadHearingRecord(P, cancelled.id))).toEqual({ status: 409, key: "documentsHearing.error.hearingCancelled" });
    const observer = await prisma.hearingParticipant.create({ data: { hearingId: planned.id, kind: "observer", organisation: "", name: "旁听者" } });
    expect(await refusal(loadHearingNotice(P, observer.id))).toEqual({ status: 409, key: "documentsHearing.error.participantIsObserver" });
    expect(await loadHearingRecord(G, planned.id)).toBeNull();
  });

  test("in recess with deliberation open: the form is blank and the record holds no opinion", async () => {
    const panelist = await prisma.panelist.create({ data: { procuratorateId: P, name: "评议甲", category: "expert", phone: "13900002222" } });
    const h = await prisma.hearing.create({
      data: {
        procuratorateId: P,
        title: "评议中听证",
        venue: "检察听证室",
        startsAt: new Date("2026-11-30T01:00:00Z"),
        hostId: host.id,
        status: "deliberating",
        cases: { create: [{ caseId, ordinal: 1 }] },
        panelists: { create: [{ panelistId: panelist.id, attended: true }] },
      },
    });
    await prisma.panelOpinion.create({
      data: { hearingId: h.id, caseId, panelistId: panelist.id, stance: "disagree", reasons: "密封的理由", signedName: "评议甲" },
    });
    const form = await loadPanelOpinionForm(P, seatSubjectId(h.id, panelist.id));
    expect(form?.opinions).toEqual([]);
    expect(mapped("panel_opinion_form", form)).not.toContain("密封的理由");
    const record = await loadHearingRecord(P, h.id);
    expect(record?.opinions).toBeNull();
    const text = mapped("hearing_record", record);
    expect(text).not.toContain("密封的理由");
    expect(text).not.toContain("13900002222");
  });
});
