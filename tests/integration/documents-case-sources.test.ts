import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "#tests/factories";
import { CASE_KIND_SOURCES } from "~/documents/sources-case.server";
import type { DocumentKind } from "~/domain/documents/kinds";
import type { DocumentValue, IssueContext } from "~/domain/documents/spec";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

// The loaders of the case document kinds against the seeded demo database: a subject in scope gives
// a source whose values fill every required field, another procuratorate's subject gives null (404),
// and a subject the document cannot be made from yet answers 409 with its documentsCase key.

const ctx: IssueContext = { procuratorate: "桂阳县人民检察院", number: null, issuedOn: "2026-11-26" };
const entry = (kind: DocumentKind) => {
  const e = CASE_KIND_SOURCES.find((x) => x.definition.kind === kind);
  if (!e) throw new Error(`no source for ${kind}`);
  return e;
};

let gy: string;
let cz: string;
const ids: Record<string, string> = {};

async function caseId(titlePart: string): Promise<string> {
  const row = await prisma.case.findFirstOrThrow({ where: { procuratorateId: gy, title: { contains: titlePart } }, select: { id: true } });
  return row.id;
}

async function refusal(kind: DocumentKind, subjectId: string): Promise<{ status: number; key: string }> {
  try {
    await entry(kind).load(gy, subjectId);
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, key: e.messageKey };
    throw e;
  }
  throw new Error(`${kind} loaded from ${subjectId}`);
}

function filled(v: DocumentValue | undefined): boolean {
  if (v === undefined) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.length > 0;
  return v.rows.length > 0;
}

beforeAll(async () => {
  gy = (await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } })).id;
  cz = (await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } })).id;
  ids.suspended = await caseId("舂陵江河道非法采砂");
  ids.presuit = await caseId("乡镇污水处理设施");
  ids.bridge = await caseId("农村公路桥梁超限运输");
  ids.school = await caseId("校园周边食品安全");
  ids.evaluation = await caseId("阳山村古建筑群");
  ids.seriesClosed = (
    await prisma.case.findFirstOrThrow({ where: { procuratorateId: gy, seriesId: { not: null }, state: "closed" }, select: { id: true } })
  ).id;
  ids.notFiledClue = (await prisma.clue.findFirstOrThrow({ where: { procuratorateId: gy, status: "not_filed" } })).id;
  ids.registeredClue = (await prisma.clue.findFirstOrThrow({ where: { procuratorateId: gy, status: "registered" } })).id;
  ids.factConfirmation = (
    await prisma.consultation.findFirstOrThrow({ where: { method: "fact_confirmation", case: { procuratorateId: gy } } })
  ).id;
  ids.meeting = (await prisma.consultation.findFirstOrThrow({ where: { method: "meeting", case: { procuratorateId: gy } } })).id;
});

/** Every kind with a demo subject it is made from. */
const DEMO: [DocumentKind, string][] = [
  ["filing_decision", "suspended"],
  ["not_filing_decision", "notFiledClue"],
  ["fact_confirmation", "factConfirmation"],
  ["consultation_minutes", "meeting"],
  ["evidence_request", "suspended"],
  ["evidence_list", "suspended"],
  ["suspension_decision", "suspended"],
  ["resumption_decision", "bridge"],
  ["closure_decision", "bridge"],
  ["complaint", "school"],
  ["court_appearance_notice", "school"],
];

describe("the case document sources", () => {
  it("cover the 11 kinds", () => {
    expect(CASE_KIND_SOURCES).toHaveLength(11);
    expect(DEMO.map(([k]) => k).sort()).toEqual(CASE_KIND_SOURCES.map((e) => e.definition.kind).sort());
  });

  it.each(DEMO)("%s: generable from the demo data, every required field filled; null for another procuratorate", async (kind, key) => {
    const e = entry(kind);
    const source = await e.load(gy, ids[key]!);
    expect(source).not.toBeNull();
    const values = e.definition.map(source, ctx);
    for (const f of e.definition.fields) if (f.required) expect(filled(values[f.name]), `${kind}.${f.name}`).toBe(true);
    // Not in scope: the caller answers 404.
    expect(await e.load(cz, ids[key]!)).toBeNull();
    // A source is plain data (it goes into the snapshot).
    expect(() => JSON.stringify(source)).not.toThrow();
  });

  it("refuses with 409 what cannot be made yet", async () => {
    expect(await refusal("filing_decision", ids.evaluation!)).toEqual({ status: 409, key: "documentsCase.error.notFiled" });
    expect(await refusal("not_filing_decision", ids.registeredClue!)).toEqual({ status: 409, key: "documentsCase.error.clueNotDecided" });
    expect(await refusal("fact_confirmation", ids.meeting!)).toEqual({ status: 409, key: "documentsCase.error.notFactConfirmation" });
    expect(await refusal("evidence_request", ids.evaluation!)).toEqual({ status: 409, key: "documentsCase.error.noRequestedItems" });
    expect(await refusal("suspension_decision", ids.presuit!)).toEqual({ status: 409, key: "documentsCase.error.notSuspended" });
    expect(await refusal("resumption_decision", ids.suspended!)).toEqual({ status: 409, key: "documentsCase.error.notResumed" });
    expect(await refusal("closure_decision", ids.presuit!)).toEqual({ status: 409, key: "documentsCase.error.notClosed" });
    expect(await refusal("complaint", ids.suspended!)).toEqual({ status: 409, key: "documentsCase.error.notPreSuit" });
    expect(await refusal("court_appearance_notice", ids.presuit!)).toEqual({ status: 409, key: "documentsCase.error.notInLitigation" });
  });

  it("refuses minutes of a consultation with none, an evidence list of a case without evidence, a closure without an Art 74 ground", async () => {
    const lead = await prisma.user.findFirstOrThrow({ where: { procuratorateId: gy, username: "prosecutor" } });
    const agency = await prisma.agency.findFirstOrThrow({ where: { procuratorateId: gy } });
    const bare = await createCase({ procuratorateId: gy, leadProsecutorId: lead.id, respondentAgencyId: agency.id, state: "investigating" });
    const noMinutes = await prisma.consultation.create({
      data: { caseId: bare.id, heldOn: "2026-11-20", method: "fact_confirmation", attendees: "本院：甲；行政机关：乙", facts: "事实", agencyPosition: "无异议", createdById: lead.id },
    });
    expect(await refusal("consultation_minutes", noMinutes.id)).toEqual({ status: 409, key: "documentsCase.error.noMinutes" });
    expect(await refusal("evidence_list", bare.id)).toEqual({ status: 409, key: "documentsCase.error.noEvidence" });

    // A closure approved before payloads were typed (no ground): the document cannot name its ground.
    const closed = await createCase({ procuratorateId: gy, leadProsecutorId: lead.id, respondentAgencyId: agency.id, state: "closed" });
    const approval = await prisma.approval.create({
      data: { procuratorateId: gy, caseId: closed.id, kind: "closure", subject: "提请终结案件", payload: JSON.stringify({ to: "closed" }), requestedById: lead.id, decision: "approved" },
    });
    await prisma.caseTransition.create({ data: { caseId: closed.id, fromState: "investigating", toState: "closed", actorId: lead.id, approvalId: approval.id } });
    expect(await refusal("closure_decision", closed.id)).toEqual({ status: 409, key: "documentsCase.error.noClosureGround" });
  });

  it("reads the typed closure ground: the 2022 series' closed cases and the resumed case", async () => {
    const series = await entry("closure_decision").load(gy, ids.seriesClosed!);
    expect(series).toMatchObject({ ground: "fully_rectified", recommendationNumber: expect.stringMatching(/^桂检行公建〔2022〕\d号$/) });
    const bridge = await entry("closure_decision").load(gy, ids.bridge!);
    expect(bridge).toMatchObject({ ground: "fully_rectified", agencyName: "桂阳县交通运输局" });
  });

  it("suspension and resumption of the same case: the cause, the dates, filed with 郴州市人民检察院", async () => {
    const s = (await entry("suspension_decision").load(gy, ids.bridge!)) as { reason: string; filedWith: string; suspendedOn: string };
    const r = (await entry("resumption_decision").load(gy, ids.bridge!)) as { reason: string; suspendedOn: string; resumedOn: string };
    expect(s.reason).toContain("汛期特大洪水");
    expect(s.filedWith).toBe("郴州市人民检察院");
    expect(r.suspendedOn).toBe(s.suspendedOn);
    expect(r.resumedOn > r.suspendedOn).toBe(true);
    expect(r.reason).toContain("中止审查的原因已经消除");
  });

  it("the complaint is also drawn up in pre-suit review, with the recommendation's points and the court of the place", async () => {
    const c = (await entry("complaint").load(gy, ids.presuit!)) as { court: string; recommendation: { number: string; points: string[] } };
    expect(c.court).toBe("桂阳县人民法院");
    expect(c.recommendation.number).toMatch(/^桂检行公建〔\d{4}〕2号$/);
    expect(c.recommendation.points).toHaveLength(3);
    const notice = (await entry("court_appearance_notice").load(gy, ids.school!)) as { members: { role: string }[] };
    expect(notice.members.map((m) => m.role).sort()).toEqual(["assistant", "clerk", "lead", "prosecutor"]);
  });

  it("the evidence list carries each file's SHA-256 as stored", async () => {
    const source = (await entry("evidence_list").load(gy, ids.suspended!)) as { lines: { files: { sha256: string }[] }[] };
    const stored = await prisma.evidenceFile.findMany({ where: { evidence: { caseId: ids.suspended! } }, select: { sha256: true } });
    expect(stored.length).toBeGreaterThan(0);
    expect(source.lines.flatMap((l) => l.files.map((f) => f.sha256)).sort()).toEqual(stored.map((f) => f.sha256).sort());
  });

  it("no agency- or court-facing source reads the clue's informant", async () => {
    // A filed case opened from a clue with an informant: the informant is on the clue, not in the source.
    const withInformant = await prisma.case.findFirstOrThrow({
      where: { procuratorateId: gy, filedOn: { not: null }, number: { not: null }, clue: { informantName: { not: null } } },
      select: { id: true, clue: { select: { informantName: true, informantPhone: true, informantIdNumber: true } } },
    });
    const secrets = Object.values(withInformant.clue!).filter((v): v is string => Boolean(v));
    expect(secrets.length).toBeGreaterThan(0);
    for (const e of CASE_KIND_SOURCES.filter((x) => x.definition.audience === "agency" || x.definition.audience === "court")) {
      if (e.definition.subject !== "case") continue;
      const source = await e.load(gy, withInformant.id).catch(() => null);
      if (!source) continue;
      const text = JSON.stringify(source) + JSON.stringify(e.definition.map(source, ctx));
      for (const s of secrets) expect(text, e.definition.kind).not.toContain(s);
    }
    // The filing decision is made from that case and names the kind of source only.
    const filing = await entry("filing_decision").load(gy, withInformant.id);
    expect(filing).not.toBeNull();
  });
});
