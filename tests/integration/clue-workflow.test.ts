import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { clueFollowsCase } from "~/models/clue-state.server";
import { allocateClueNumber, registerClue } from "~/models/clue-workflow.server";
import { transitionCase } from "~/models/case-state.server";
import { action as clueAction, loader as clueLoader } from "~/routes/_staff.clues.$clueId";
import { action as newClueAction, loader as newClueLoader } from "~/routes/_staff.clues.new";
import { prisma } from "~/utils/db.server";

// Clue intake end to end through the route modules (规则 Arts 24–30): registering, evaluating,
// proposing a case (the case in `evaluation` and its pending approval in one transaction),
// transferring, the refusals (wrong role, other procuratorate, bad input, illegal transition), and
// the audited "show identity" action.

let P: string;
let Q: string;
let prosecutorId: string;
let otherProsecutorId: string;
let approverId: string;
let adminId: string;
let agencyId: string;
let seriesId: string;
let foreignAgencyId: string;
let foreignClueId: string;

// A resident ID with a correct check character (GB 11643-1999).
function idNumber(body: string) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + "10X98765432"[[...body].reduce((a, c, i) => a + Number(c) * w[i]!, 0) % 11]!;
}
const GOOD_ID = idNumber("43102119880315021");
const BAD_ID = GOOD_ID.slice(0, 17) + (GOOD_ID[17] === "1" ? "2" : "1");

const form = (values: Record<string, string>) => values;
const clueForm = (extra: Record<string, string> = {}) =>
  form({
    source: "report",
    receivedOn: "2026-11-20",
    summary: "群众举报：水库库区夜间有人电鱼。",
    field: "ecology",
    location: "测试水库",
    informantName: "欧阳明远",
    informantPhone: "+86 139 7553 9217",
    informantIdNumber: GOOD_ID,
    ...extra,
  });

async function postNew(userId: string, values: Record<string, string>) {
  return callAction(newClueAction, request("/clues/new", { cookie: await cookieForUserId(userId), form: values }));
}
async function postClue(userId: string, clueId: string, values: Record<string, string>) {
  return callAction(clueAction, request(`/clues/${clueId}`, { cookie: await cookieForUserId(userId), form: values }), { clueId });
}
async function getClue(userId: string, clueId: string, query = "") {
  return callLoader(clueLoader, request(`/clues/${clueId}${query}`, { cookie: await cookieForUserId(userId) }), { clueId });
}
const formErrorsOf = (r: RouteResult) => JSON.stringify(r.kind === "data" ? r.data : null);
const locationOf = (r: RouteResult) => (r.kind === "error" ? null : r.location);

/** Registers a clue through the route and returns its id. */
async function registered(extra: Record<string, string> = {}) {
  const r = await postNew(prosecutorId, clueForm(extra));
  expect(r.status).toBe(302);
  return locationOf(r)!.match(/^\/clues\/([^?]+)\?registered=1$/)![1]!;
}
/** A clue under evaluation with its evaluation written. */
async function evaluated() {
  const id = await registered();
  expect((await postClue(prosecutorId, id, { intent: "start" })).status).toBe(302);
  expect((await postClue(prosecutorId, id, { intent: "evaluate", evaluation: "经现场查看，电鱼属实，县农业农村局负有渔政监管职责。" })).status).toBe(302);
  return id;
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "线索测试县人民检察院", shortName: "线" })).id;
  Q = (await createProcuratorate({ name: "线索测试邻县人民检察院", shortName: "邻" })).id;
  prosecutorId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  otherProsecutorId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  approverId = (await createUser({ role: "approver", procuratorateId: P })).id;
  adminId = (await createUser({ role: "admin", procuratorateId: P })).id;
  agencyId = (await prisma.agency.create({ data: { procuratorateId: P, name: "测试县农业农村局" } })).id;
  seriesId = (await prisma.caseSeries.create({ data: { procuratorateId: P, name: "电鱼系列案" } })).id;
  foreignAgencyId = (await prisma.agency.create({ data: { procuratorateId: Q, name: "邻县农业农村局" } })).id;
  const qProsecutor = await createUser({ role: "prosecutor", procuratorateId: Q });
  foreignClueId = (
    await registerClue(Q, qProsecutor.id, {
      source: "media",
      receivedOn: "2026-11-01",
      summary: "邻县线索",
      field: "ecology",
      location: undefined,
      informantName: undefined,
      informantPhone: undefined,
      informantIdNumber: undefined,
    })
  ).id;
});

describe("registering a clue (/clues/new)", () => {
  test("a prosecutor registers: numbered within the procuratorate, phone canonical, informant masked in the audit log", async () => {
    const id = await registered();
    const clue = await prisma.clue.findUniqueOrThrow({ where: { id } });
    expect(clue).toMatchObject({ procuratorateId: P, status: "registered", registeredById: prosecutorId, informantPhone: "13975539217", informantIdNumber: GOOD_ID });
    expect(clue.number).toMatch(/^\d{4}-线索-\d{3}$/);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "clue.register", entityId: id } });
    expect(event.actorId).toBe(prosecutorId);
    expect(event.data).toContain(clue.number);
    expect(event.data).not.toContain("欧阳明远");
    expect(event.data).not.toContain(GOOD_ID);
    expect(event.data).not.toContain("13975539217");
  });

  test("a bad ID number is refused with its message and nothing is written", async () => {
    const before = await prisma.clue.count({ where: { procuratorateId: P } });
    const r = await postNew(prosecutorId, clueForm({ informantIdNumber: BAD_ID }));
    expect(r.status).toBe(400);
    expect(formErrorsOf(r)).toContain("clues.validation.idNumber");
    const badPhone = await postNew(prosecutorId, clueForm({ informantPhone: "12345" }));
    expect(badPhone.status).toBe(400);
    expect(formErrorsOf(badPhone)).toContain("validation.phone");
    expect(await prisma.clue.count({ where: { procuratorateId: P } })).toBe(before);
  });

  test("only a prosecutor may open the form or register", async () => {
    for (const userId of [approverId, adminId]) {
      expect((await callLoader(newClueLoader, request("/clues/new", { cookie: await cookieForUserId(userId) }))).status).toBe(403);
      expect((await postNew(userId, clueForm())).status).toBe(403);
    }
    expect((await callLoader(newClueLoader, request("/clues/new", { cookie: await cookieForUserId(prosecutorId) }))).status).toBe(200);
  });

  test("numbers continue after the seeded clues of the year and never repeat under concurrency", async () => {
    const gy = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } });
    const seeded = await prisma.clue.count({ where: { procuratorateId: gy.id, number: { startsWith: "2026-线索-" } } });
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () => prisma.$transaction((tx) => allocateClueNumber(tx, gy.id, 2026))),
    );
    const seqs = numbers.map((n) => Number(n.slice("2026-线索-".length))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => seeded + 1 + i));
    // A new year starts at 1.
    expect(await prisma.$transaction((tx) => allocateClueNumber(tx, gy.id, 2027))).toBe("2027-线索-001");
  });
});

describe("evaluating (registered → evaluating → filed | not_filed | transferred)", () => {
  test("starting makes the prosecutor the assignee and records before/after", async () => {
    const id = await registered();
    expect(locationOf(await postClue(prosecutorId, id, { intent: "start" }))).toBe(`/clues/${id}?done=start`);
    expect(await prisma.clue.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "evaluating", assigneeId: prosecutorId });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "clue.transition", entityId: id } });
    expect(JSON.parse(event.data!)).toMatchObject({
      before: { status: "registered", assigneeId: null },
      after: { status: "evaluating", assigneeId: prosecutorId },
      basis: "规则 Art 27",
    });
  });

  test("an illegal transition answers 409 with the clue message, and writes nothing", async () => {
    const id = await registered();
    await postClue(prosecutorId, id, { intent: "start" });
    const events = await prisma.auditEvent.count({ where: { entityId: id } });
    const again = await postClue(prosecutorId, id, { intent: "start" });
    expect(again.status).toBe(409);
    expect(formErrorsOf(again)).toContain("clues.error.transition");
    const fresh = await registered();
    const early = await postClue(prosecutorId, fresh, { intent: "transfer", transferredTo: "县公安局" });
    expect(early.status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entityId: id } })).toBe(events);
  });

  test("the evaluation text is saved with its before/after", async () => {
    const id = await evaluated();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "clue.evaluate", entityId: id } });
    expect(JSON.parse(event.data!)).toMatchObject({ before: { evaluation: null }, after: { evaluation: expect.stringContaining("电鱼属实") } });
  });

  test("transfer records where to, and the clue is then settled", async () => {
    const id = await evaluated();
    expect((await postClue(prosecutorId, id, { intent: "transfer", transferredTo: "测试县公安局", reason: "涉嫌犯罪" })).status).toBe(302);
    const clue = await prisma.clue.findUniqueOrThrow({ where: { id } });
    expect(clue).toMatchObject({ status: "transferred", transferredTo: "测试县公安局" });
    expect(clue.transferredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const r = await postClue(prosecutorId, id, { intent: "propose", kind: "filing", title: "不应创建", field: "ecology", respondentAgencyId: agencyId });
    expect(r.status).toBe(409);
    expect(await prisma.case.count({ where: { clueId: id } })).toBe(0);
  });
});

describe("proposing a case", () => {
  test("propose filing creates the case in evaluation and a pending filing approval bound to its version", async () => {
    const id = await evaluated();
    const r = await postClue(prosecutorId, id, {
      intent: "propose",
      kind: "filing",
      title: "测试县农业农村局怠于履行渔政监管职责案",
      field: "ecology",
      respondentAgencyId: agencyId,
      seriesId,
      reason: "电鱼属实",
    });
    expect(locationOf(r)).toBe(`/clues/${id}?done=proposed_filing`);
    const kase = await prisma.case.findFirstOrThrow({ where: { clueId: id }, include: { members: true } });
    expect(kase).toMatchObject({
      procuratorateId: P,
      state: "evaluation",
      number: null,
      respondentAgencyId: agencyId,
      respondentUnknown: false,
      seriesId,
      leadProsecutorId: prosecutorId,
    });
    expect(kase.members).toEqual([expect.objectContaining({ userId: prosecutorId, role: "lead" })]);
    const approval = await prisma.approval.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(approval).toMatchObject({ kind: "filing", decision: "pending", requestedById: prosecutorId, caseVersion: kase.version });
    expect(JSON.parse(approval.payload!)).toEqual({ reason: "电鱼属实" });
    const actions = (await prisma.auditEvent.findMany({ where: { caseId: kase.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["case.create", "approval.request"]);
    // Until the chief decides, the clue stays under evaluation; its page shows the case awaiting approval.
    expect((await prisma.clue.findUniqueOrThrow({ where: { id } })).status).toBe("evaluating");
    const page = await getClue(prosecutorId, id);
    expect(page.kind === "data" && JSON.stringify(page.data)).toContain(approval.id);
  });

  test("propose not filing with the agency unknown (规则 Art 29) asks for a not_filing approval with its reason", async () => {
    const id = await evaluated();
    const r = await postClue(prosecutorId, id, {
      intent: "propose",
      kind: "not_filing",
      title: "电鱼线索不立案",
      field: "ecology",
      respondentUnknown: "on",
      reason: "行政机关已依法履职",
    });
    expect(r.status).toBe(302);
    const kase = await prisma.case.findFirstOrThrow({ where: { clueId: id } });
    expect(kase).toMatchObject({ state: "evaluation", respondentUnknown: true, respondentAgencyId: null });
    const approval = await prisma.approval.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(approval).toMatchObject({ kind: "not_filing", decision: "pending", caseVersion: 0 });
  });

  test("refusals: no evaluation text, no agency, another procuratorate's agency, wrong role", async () => {
    const started = await registered();
    await postClue(prosecutorId, started, { intent: "start" });
    const proposal = { intent: "propose", kind: "filing", title: "案由", field: "ecology", respondentAgencyId: agencyId };
    const noText = await postClue(prosecutorId, started, proposal);
    expect(noText.status).toBe(409);
    expect(formErrorsOf(noText)).toContain("clues.error.evaluationRequired");

    const id = await evaluated();
    const noAgency = await postClue(prosecutorId, id, { ...proposal, respondentAgencyId: "" });
    expect(noAgency.status).toBe(400);
    expect(formErrorsOf(noAgency)).toContain("clues.validation.agencyRequired");
    const foreign = await postClue(prosecutorId, id, { ...proposal, respondentAgencyId: foreignAgencyId });
    expect(foreign.status).toBe(400);
    expect(formErrorsOf(foreign)).toContain("clues.error.agencyNotFound");
    expect((await postClue(approverId, id, proposal)).status).toBe(403);
    expect(await prisma.case.count({ where: { clueId: { in: [started, id] } } })).toBe(0);
  });

  test("a clue of another procuratorate answers 404 to GET and to every POST", async () => {
    expect((await getClue(prosecutorId, foreignClueId)).status).toBe(404);
    expect((await postClue(prosecutorId, foreignClueId, { intent: "start" })).status).toBe(404);
    expect((await postClue(prosecutorId, foreignClueId, {})).status).toBe(404);
    expect((await prisma.clue.findUniqueOrThrow({ where: { id: foreignClueId } })).status).toBe("registered");
  });

  test("the chief's decision on the case settles the clue: filed", async () => {
    const id = await evaluated();
    await postClue(prosecutorId, id, { intent: "propose", kind: "filing", title: "待立案", field: "ecology", respondentAgencyId: agencyId });
    const kase = await prisma.case.findFirstOrThrow({ where: { clueId: id } });
    const approval = await prisma.approval.update({
      where: { id: (await prisma.approval.findFirstOrThrow({ where: { caseId: kase.id } })).id },
      data: { decision: "approved", decidedById: approverId, decidedAt: new Date() },
    });
    await prisma.$transaction((tx) =>
      transitionCase(tx, { procuratorateId: P, caseId: kase.id, to: "filed", actorId: approverId, approvalId: approval.id, on: "2026-12-01" }),
    );
    expect((await prisma.clue.findUniqueOrThrow({ where: { id } })).status).toBe("filed");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "clue.transition", entityId: id, actorId: approverId } });
    expect(JSON.parse(event.data!)).toMatchObject({ before: { status: "evaluating" }, after: { status: "filed" }, caseId: kase.id });
  });

  test("not filed only when every case of the clue was refused filing", async () => {
    const id = await evaluated();
    for (const title of ["甲案", "乙案"]) {
      await postClue(prosecutorId, id, { intent: "propose", kind: "not_filing", title, field: "ecology", respondentUnknown: "on", reason: "不属实" });
    }
    const [first, second] = await prisma.case.findMany({ where: { clueId: id }, orderBy: { title: "asc" } });
    await prisma.case.update({ where: { id: second!.id }, data: { state: "not_filed" } });
    await prisma.$transaction((tx) => clueFollowsCase(tx, { procuratorateId: P, caseId: second!.id, actorId: approverId }));
    expect((await prisma.clue.findUniqueOrThrow({ where: { id } })).status).toBe("evaluating");
    await prisma.case.update({ where: { id: first!.id }, data: { state: "not_filed" } });
    await prisma.$transaction((tx) => clueFollowsCase(tx, { procuratorateId: P, caseId: first!.id, actorId: approverId }));
    expect((await prisma.clue.findUniqueOrThrow({ where: { id } })).status).toBe("not_filed");
  });
});

describe("showing the informant's identity (§7: the only write a GET may make)", () => {
  test("the page shows the informant masked and writes nothing", async () => {
    const id = await registered();
    const events = await prisma.auditEvent.count();
    const r = await getClue(prosecutorId, id);
    expect(r.status).toBe(200);
    const text = JSON.stringify(r.kind === "data" ? r.data : null);
    expect(text).not.toContain("欧阳明远");
    expect(text).not.toContain(GOOD_ID);
    expect(text).toContain('"mayShowInformant":true');
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  test("the registrar shows it in full, and the view is recorded in the audit chain", async () => {
    const id = await registered();
    const r = await getClue(prosecutorId, id, "?informant=show");
    expect(r.status).toBe(200);
    const text = JSON.stringify(r.kind === "data" ? r.data : null);
    expect(text).toContain("欧阳明远");
    expect(text).toContain(GOOD_ID);
    const view = await prisma.auditEvent.findFirstOrThrow({ where: { action: "clue.informant.view", entityId: id } });
    expect(view).toMatchObject({ actorId: prosecutorId, procuratorateId: P, entityType: "Clue" });
    expect(JSON.parse(view.data!)).toEqual({ fields: ["name", "phone", "idNumber"] });
    expect(view.data).not.toContain("欧阳明远");
  });

  test("a prosecutor who neither registered nor handles the clue, and the chief, are refused (403) and nothing is recorded", async () => {
    const id = await registered();
    for (const userId of [otherProsecutorId, approverId]) {
      expect((await getClue(userId, id, "?informant=show")).status).toBe(403);
    }
    expect(await prisma.auditEvent.count({ where: { action: "clue.informant.view", entityId: id } })).toBe(0);
  });
});
