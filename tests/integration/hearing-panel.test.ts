import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieForUserId, createCase, createProcuratorate, createUser, request } from "#tests/factories";
import { decideApproval } from "~/models/approval.server";
import { getCaseHearingTallies } from "~/models/hearing-decision.server";
import { action as dayAction } from "~/routes/_staff.hearings.$hearingId.day";
import { seatedConflicts } from "~/models/hearing-panel.server";
import { opinionLockError } from "~/models/panel-portal.server";
import { action as opinionsAction, loader as opinionsLoader } from "~/routes/_staff.hearings.$hearingId.opinions";
import { action as panelAction, loader as panelLoader } from "~/routes/_staff.hearings.$hearingId.panel";
import { action as portalAction, loader as portalLoader } from "~/routes/panel.hearings.$hearingId";
import { prisma } from "~/utils/db.server";

// The panel (issue 9): seating refused for a conflict or ineligibility, another procuratorate's
// hearing 404, the portal's declaration gate and opinions, the lock once deliberation closes (model
// and trigger), sealing from staff, and a departing decision that needs an approved departure.

const DAY = 86_400_000;
let P: string;
let Q: string;
let prosecutor: { id: string };
let staffCookie: string;
let agencyId: string;
let participantAgencyId: string;
let caseId: string;
type Who = { id: string; name: string; cookie: string };
const hearings = { seat: "", foreign: "", portal: "" };
const panelists: { a: Who; b: Who; outsider: Who } = {} as { a: Who; b: Who; outsider: Who };
// What an action or loader answered as data (null for a thrown Response).
const dataOf = (r: RouteResult) => (r.kind === "data" ? r.data : null) as never;

async function newHearing(procuratorateId: string, hostId: string, status = "planned") {
  const h = await prisma.hearing.create({
    data: { procuratorateId, title: `专家组测试听证 ${status}`, venue: "检察听证室", startsAt: new Date(Date.now() + 10 * DAY), hostId, status },
    select: { id: true },
  });
  await prisma.hearingCase.create({ data: { hearingId: h.id, caseId, ordinal: 1, issues: `听证事项 ${h.id}`, proposedHandling: "close", proposal: `拟处理要点 ${h.id}` } });
  return h.id;
}

async function panelistUser(name: string) {
  const user = await createUser({ role: "panelist", procuratorateId: P });
  await prisma.panelist.update({ where: { id: user.panelistId! }, data: { name, birthOn: "1970-03-03" } });
  return { id: user.panelistId!, name, cookie: await cookieForUserId(user.id) };
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "听证员测试县人民检察院", shortName: "员" })).id;
  Q = (await createProcuratorate({ name: "听证员他院", shortName: "他" })).id;
  prosecutor = await createUser({ role: "prosecutor", procuratorateId: P });
  staffCookie = await cookieForUserId(prosecutor.id);
  agencyId = (await prisma.agency.create({ data: { procuratorateId: P, name: "测试县生态环境分局" } })).id;
  participantAgencyId = (await prisma.agency.create({ data: { procuratorateId: P, name: "测试县水利局" } })).id;
  caseId = (await createCase({ procuratorateId: P, leadProsecutorId: prosecutor.id, respondentAgencyId: agencyId })).id;
  hearings.seat = await newHearing(P, prosecutor.id);
  await prisma.hearingParticipant.create({
    data: { hearingId: hearings.seat, kind: "agency_representative", agencyId: participantAgencyId, organisation: "测试县水利局", name: "王代表" },
  });
  const qHost = await createUser({ role: "prosecutor", procuratorateId: Q });
  hearings.foreign = await prisma.hearing
    .create({ data: { procuratorateId: Q, title: "他院听证", venue: "他院", startsAt: new Date(Date.now() + 10 * DAY), hostId: qHost.id }, select: { id: true } })
    .then((h) => h.id);
  hearings.portal = await newHearing(P, prosecutor.id, "notified");
  panelists.a = await panelistUser("赵一");
  panelists.b = await panelistUser("钱二");
  panelists.outsider = await panelistUser("孙三");
  for (const p of [panelists.a, panelists.b]) {
    await prisma.hearingPanelist.create({ data: { hearingId: hearings.portal, panelistId: p.id } });
  }
});

const postPanel = (hearingId: string, form: Record<string, string>, cookie = staffCookie) =>
  callAction(panelAction, request(`/hearings/${hearingId}/panel`, { cookie, form }), { hearingId });
const postPortal = (who: { cookie: string }, hearingId: string, form: Record<string, string>) =>
  callAction(portalAction, request(`/panel/hearings/${hearingId}`, { cookie: who.cookie, form }), { hearingId });
const getPortal = (who: { cookie: string }, hearingId: string) =>
  callLoader(portalLoader, request(`/panel/hearings/${hearingId}`, { cookie: who.cookie }), { hearingId });
const seatCount = (hearingId: string) => prisma.hearingPanelist.count({ where: { hearingId } });

describe("seating", () => {
  test("a panelist affiliated with the respondent agency or a participating agency is refused, naming each conflict", async () => {
    const p = await prisma.panelist.create({
      data: {
        procuratorateId: P,
        name: "李关联",
        category: "expert",
        birthOn: "1970-01-01",
        affiliations: {
          create: [
            { agencyId, organisation: "生态环境分局", relation: "配偶在该单位工作" },
            { agencyId: participantAgencyId, organisation: "水利局", relation: "前雇员" },
            { agencyId: null, organisation: "某律师事务所", relation: "合伙人" },
          ],
        },
      },
    });
    const before = await seatCount(hearings.seat);
    const res = await postPanel(hearings.seat, { intent: "seat", panelistId: p.id });
    expect(res.status).toBe(409);
    const refused = (dataOf(res) as { refused: { block: { conflicts: { agencyName: string; role: string }[] } } }).refused;
    expect(refused.block.conflicts.map((c) => [c.agencyName, c.role]).sort()).toEqual([
      ["测试县水利局", "participant"],
      ["测试县生态环境分局", "respondent"],
    ].sort());
    expect(await seatCount(hearings.seat)).toBe(before);
    // The tab lists the candidate as blocked, with the same reasons.
    const page = await callLoader(panelLoader, request(`/hearings/${hearings.seat}/panel`, { cookie: staffCookie }), { hearingId: hearings.seat });
    const row = (dataOf(page) as { pool: { id: string; block: { conflicts: unknown[] } | null }[] }).pool.find((c) => c.id === p.id);
    expect(row?.block?.conflicts).toHaveLength(2);
  });

  test("an ineligible panelist (under 23 on the hearing date, barred) is refused; an eligible one is seated", async () => {
    const young = await prisma.panelist.create({
      data: { procuratorateId: P, name: "周年轻", category: "volunteer", birthOn: new Date(Date.now() - 20 * 365 * DAY).toISOString().slice(0, 10) },
    });
    const barred = await prisma.panelist.create({ data: { procuratorateId: P, name: "吴失信", category: "other", birthOn: "1960-01-01", barred: true } });
    const fine = await prisma.panelist.create({ data: { procuratorateId: P, name: "郑合格", category: "npc_deputy", birthOn: "1960-01-01" } });
    const r1 = await postPanel(hearings.seat, { intent: "seat", panelistId: young.id });
    expect(r1.status).toBe(409);
    expect((dataOf(r1) as { refused: { block: { reasons: string[] } } }).refused.block.reasons).toEqual(["under_age"]);
    const r2 = await postPanel(hearings.seat, { intent: "seat", panelistId: barred.id });
    expect((dataOf(r2) as { refused: { block: { reasons: string[] } } }).refused.block.reasons).toEqual(["barred"]);
    const ok = await postPanel(hearings.seat, { intent: "seat", panelistId: fine.id });
    expect(ok.status).toBe(200);
    expect(await prisma.hearingPanelist.count({ where: { hearingId: hearings.seat, panelistId: fine.id } })).toBe(1);
    const audit = await prisma.auditEvent.count({ where: { action: "hearing.panel_seat", entityId: `${hearings.seat}:${fine.id}` } });
    expect(audit).toBe(1);
    // Unseat while editable.
    const un = await postPanel(hearings.seat, { intent: "unseat", panelistId: fine.id });
    expect(un.status).toBe(200);
    expect(await prisma.hearingPanelist.count({ where: { hearingId: hearings.seat, panelistId: fine.id } })).toBe(0);
  });

  test("another procuratorate's hearing answers 404 and nothing is seated", async () => {
    const fine = await prisma.panelist.create({ data: { procuratorateId: P, name: "冯外院", category: "expert", birthOn: "1960-01-01" } });
    const res = await postPanel(hearings.foreign, { intent: "seat", panelistId: fine.id });
    expect(res.status).toBe(404);
    expect(await seatCount(hearings.foreign)).toBe(0);
  });

  test("a recusal request is recorded with who and when, shows its 3-day due date, and granting recuses", async () => {
    const p = await prisma.panelist.create({ data: { procuratorateId: P, name: "陈回避", category: "expert", birthOn: "1960-01-01" } });
    await prisma.hearingPanelist.create({ data: { hearingId: hearings.seat, panelistId: p.id } });
    const asked = await postPanel(hearings.seat, { intent: "requestRecusal", panelistId: p.id, requestedBy: "测试县生态环境分局", reason: "曾为该局提供咨询" });
    expect(asked.status).toBe(200);
    const again = await postPanel(hearings.seat, { intent: "requestRecusal", panelistId: p.id, requestedBy: "x", reason: "y" });
    expect(again.status).toBe(409);
    const page = await callLoader(panelLoader, request(`/hearings/${hearings.seat}/panel`, { cookie: staffCookie }), { hearingId: hearings.seat });
    const seat = (dataOf(page) as { seats: { panelistId: string; recusal: { state: string; dueOn: string | null; overdue: boolean } }[] }).seats.find(
      (s) => s.panelistId === p.id
    );
    expect(seat?.recusal.state).toBe("pending");
    expect(seat?.recusal.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seat?.recusal.overdue).toBe(false);
    const decided = await postPanel(hearings.seat, { intent: "decideRecusal", panelistId: p.id, decision: "granted" });
    expect(decided.status).toBe(200);
    const row = await prisma.hearingPanelist.findUniqueOrThrow({ where: { hearingId_panelistId: { hearingId: hearings.seat, panelistId: p.id } } });
    expect(row).toMatchObject({ recused: true, recusalReason: "曾为该局提供咨询", recusalDecision: "granted", recusalDecidedById: prosecutor.id, recusalRequestedBy: "测试县生态环境分局" });
    expect(row.recusalDecidedAt).toBeInstanceOf(Date);
  });

  test("after deliberation is closed a recusal can be neither requested nor decided (the tally is frozen)", async () => {
    const h = await newHearing(P, prosecutor.id, "deliberating");
    const asked = await prisma.panelist.create({ data: { procuratorateId: P, name: "褚冻结", category: "expert", birthOn: "1960-01-01" } });
    const fresh = await prisma.panelist.create({ data: { procuratorateId: P, name: "卫冻结", category: "expert", birthOn: "1960-01-01" } });
    await prisma.hearingPanelist.create({ data: { hearingId: h, panelistId: fresh.id } });
    await prisma.hearingPanelist.create({
      data: { hearingId: h, panelistId: asked.id, recusalRequestedAt: new Date(), recusalRequestedBy: "测试县水利局", recusalReason: "亲属任职" },
    });
    await prisma.hearing.update({ where: { id: h }, data: { deliberationClosedAt: new Date(), deliberationClosedById: prosecutor.id } });
    const request_ = await postPanel(h, { intent: "requestRecusal", panelistId: fresh.id, requestedBy: "测试县水利局", reason: "迟到的申请" });
    expect(request_.status).toBe(409);
    expect(JSON.stringify(dataOf(request_))).toContain("hearingPanel.error.recusalAfterDeliberation");
    const decided = await postPanel(h, { intent: "decideRecusal", panelistId: asked.id, decision: "granted" });
    expect(decided.status).toBe(409);
    expect(JSON.stringify(dataOf(decided))).toContain("hearingPanel.error.recusalAfterDeliberation");
    const rows = await prisma.hearingPanelist.findMany({ where: { hearingId: h }, orderBy: { panelistId: "asc" } });
    expect(rows.every((r) => !r.recused && r.recusalDecision === null)).toBe(true);
    expect(rows.find((r) => r.panelistId === fresh.id)?.recusalRequestedAt).toBeNull();
  });
});

describe("conflicts of panelists already seated", () => {
  test("an agency added after seating shows the conflict on the panel tab and the hearing day cannot open", async () => {
    const h = await newHearing(P, prosecutor.id, "notified");
    const later = (await prisma.agency.create({ data: { procuratorateId: P, name: "测试县交通运输局" } })).id;
    const p = await prisma.panelist.create({
      data: {
        procuratorateId: P,
        name: "蒋后冲突",
        category: "expert",
        birthOn: "1960-01-01",
        affiliations: { create: [{ agencyId: later, organisation: "测试县交通运输局", relation: "法律顾问" }] },
      },
    });
    // Everyone notified (听证规定 Art 10), so that only the conflict stands in the way of opening.
    const notified = { notifiedAt: new Date(), noticeMethod: "phone" };
    await prisma.hearingPanelist.create({ data: { hearingId: h, panelistId: p.id, ...notified } });
    expect(await seatedConflicts(prisma, P, h)).toEqual([]);
    await prisma.hearingParticipant.create({
      data: { hearingId: h, kind: "agency_representative", agencyId: later, organisation: "测试县交通运输局", name: "沈代表", ...notified },
    });
    const found = await seatedConflicts(prisma, P, h);
    expect(found).toMatchObject([{ panelistId: p.id, name: "蒋后冲突", conflicts: [{ agencyId: later, role: "participant" }] }]);
    await expect(seatedConflicts(prisma, Q, h)).rejects.toMatchObject({ status: 404 });

    const page = await callLoader(panelLoader, request(`/hearings/${h}/panel`, { cookie: staffCookie }), { hearingId: h });
    expect((dataOf(page) as { seatConflicts: { name: string }[] }).seatConflicts.map((c) => c.name)).toEqual(["蒋后冲突"]);

    const open = await callAction(dayAction, request(`/hearings/${h}/day`, { cookie: staffCookie, form: { intent: "open" } }), { hearingId: h });
    expect(open.status).toBe(409);
    expect(JSON.stringify(dataOf(open))).toContain("hearingPanel.error.seatedConflicts");
    expect((await prisma.hearing.findUniqueOrThrow({ where: { id: h } })).status).toBe("notified");

    // Once the panelist is recused the conflict no longer blocks the opening.
    await prisma.hearingPanelist.update({ where: { hearingId_panelistId: { hearingId: h, panelistId: p.id } }, data: { recused: true, recusalReason: "关联" } });
    expect(await seatedConflicts(prisma, P, h)).toEqual([]);
    const opened = await callAction(dayAction, request(`/hearings/${h}/day`, { cookie: staffCookie, form: { intent: "open" } }), { hearingId: h });
    expect(opened.status).toBe(200);
  });
});

describe("the opinion lock", () => {
  test("the DB trigger's refusal after deliberation closed maps to 409 opinionsClosed, other errors pass through", async () => {
    const h = await newHearing(P, prosecutor.id, "deliberating");
    const p = await prisma.panelist.create({ data: { procuratorateId: P, name: "杨锁定", category: "expert", birthOn: "1960-01-01" } });
    await prisma.hearingPanelist.create({ data: { hearingId: h, panelistId: p.id, declaredAt: new Date() } });
    await prisma.hearing.update({ where: { id: h }, data: { deliberationClosedAt: new Date(), deliberationClosedById: prosecutor.id } });
    // The race: the model's own check passed, then the host closed deliberation before the write.
    const raw = await prisma.panelOpinion
      .create({ data: { hearingId: h, caseId, panelistId: p.id, stance: "agree", reasons: "理由", signedName: "杨锁定", submittedAt: new Date() } })
      .then(() => null, (e: unknown) => e);
    expect(raw).not.toBeNull();
    expect(opinionLockError(raw)).toMatchObject({ messageKey: "hearings.error.opinionsClosed", status: 409 });
    const other = new Error("disk I/O error");
    expect(opinionLockError(other)).toBe(other);
    expect(await prisma.panelOpinion.count({ where: { hearingId: h } })).toBe(0);
  });
});

describe("the panel portal", () => {
  test("a panelist gets 404 for a hearing they don't sit on, reading or writing", async () => {
    expect((await getPortal(panelists.outsider, hearings.portal)).status).toBe(404);
    const res = await postPortal(panelists.outsider, hearings.portal, { intent: "declare", confirm: "on", signedName: "孙三" });
    expect(res.status).toBe(404);
  });

  test("until the declaration is signed the briefing is not shown, and an opinion is refused", async () => {
    const before = await getPortal(panelists.a, hearings.portal);
    expect(before.status).toBe(200);
    const hearing = (dataOf(before) as { hearing: { briefingOpen: boolean; cases: unknown[]; purpose: unknown } }).hearing;
    expect(hearing.briefingOpen).toBe(false);
    expect(hearing.cases).toEqual([]);
    expect(JSON.stringify(dataOf(before))).not.toContain(`听证事项 ${hearings.portal}`);
    expect(JSON.stringify(dataOf(before))).not.toContain(`拟处理要点 ${hearings.portal}`);

    await prisma.hearing.update({ where: { id: hearings.portal }, data: { status: "in_progress" } });
    const unsigned = await postPortal(panelists.a, hearings.portal, { intent: "opinion", caseId, stance: "agree", reasons: "理由", signedName: "赵一" });
    expect(unsigned.status).toBe(409);
    expect(JSON.stringify(dataOf(unsigned))).toContain("hearingPanel.error.declarationRequired");
    await prisma.hearing.update({ where: { id: hearings.portal }, data: { status: "notified" } });

    const wrong = await postPortal(panelists.a, hearings.portal, { intent: "declare", confirm: "on", signedName: "别人" });
    expect(wrong.status).toBe(400);
    const signed = await postPortal(panelists.a, hearings.portal, { intent: "declare", confirm: "on", signedName: "赵一" });
    expect(signed.status).toBe(200);
    const after = await getPortal(panelists.a, hearings.portal);
    expect(JSON.stringify(dataOf(after))).toContain(`听证事项 ${hearings.portal}`);
    // The panel sees the proposed handling it is asked to weigh, once the declaration is signed.
    const briefed = (dataOf(after) as { hearing: { cases: { proposedHandling: string; proposal: string | null }[] } }).hearing;
    expect(briefed.cases[0]).toMatchObject({ proposedHandling: "close", proposal: `拟处理要点 ${hearings.portal}` });
  });

  test("an opinion is refused before the hearing is in progress", async () => {
    const res = await postPortal(panelists.a, hearings.portal, { intent: "opinion", caseId, stance: "agree", reasons: "理由", signedName: "赵一" });
    expect(res.status).toBe(409);
    expect(JSON.stringify(dataOf(res))).toContain("hearingPanel.error.opinionsNotOpen");
    expect(await prisma.panelOpinion.count({ where: { hearingId: hearings.portal } })).toBe(0);
  });

  test("in progress: opinions are given and changed, sealed from the other panelist and from staff", async () => {
    await postPortal(panelists.b, hearings.portal, { intent: "declare", confirm: "on", signedName: "钱二" });
    await prisma.hearing.update({ where: { id: hearings.portal }, data: { status: "in_progress" } });
    const conditionalWithout = await postPortal(panelists.a, hearings.portal, { intent: "opinion", caseId, stance: "conditional", reasons: "理由", signedName: "赵一" });
    expect(conditionalWithout.status).toBe(400);
    expect((await postPortal(panelists.a, hearings.portal, { intent: "opinion", caseId, stance: "agree", reasons: "赵一初稿", signedName: "赵一" })).status).toBe(200);
    expect((await postPortal(panelists.a, hearings.portal, { intent: "opinion", caseId, stance: "disagree", reasons: "赵一改稿", signedName: "赵一" })).status).toBe(200);
    expect((await postPortal(panelists.b, hearings.portal, { intent: "opinion", caseId, stance: "disagree", reasons: "钱二意见", signedName: "钱二" })).status).toBe(200);
    // The other panelist's portal does not carry the first one's reasons, nor does the staff tab.
    expect(JSON.stringify(dataOf(await getPortal(panelists.b, hearings.portal)))).not.toContain("赵一改稿");
    const staff = await callLoader(opinionsLoader, request(`/hearings/${hearings.portal}/opinions`, { cookie: staffCookie }), { hearingId: hearings.portal });
    expect(staff.status).toBe(200);
    expect((dataOf(staff) as { opinionsOpen: boolean }).opinionsOpen).toBe(false);
    expect(JSON.stringify(dataOf(staff))).not.toContain("赵一改稿");
    expect(await getCaseHearingTallies(P, caseId)).toContainEqual({ hearingId: hearings.portal, sealed: true });
    // The audit event says an opinion was given, not what it says.
    const events = await prisma.auditEvent.findMany({ where: { action: { in: ["hearing.opinion_give", "hearing.opinion_change"] } }, select: { data: true } });
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.map((e) => e.data).join("")).not.toContain("赵一改稿");
  });

  test("the decision cannot be recorded before deliberation closes", async () => {
    const res = await callAction(opinionsAction, request(`/hearings/${hearings.portal}/opinions`, { cookie: staffCookie, form: { intent: "decide", caseId, stance: "agree", note: "说明" } }), {
      hearingId: hearings.portal,
    });
    expect(res.status).toBe(409);
  });

  test("after deliberation closes an opinion cannot change: the model refuses and so does the database", async () => {
    await prisma.hearing.update({ where: { id: hearings.portal }, data: { status: "deliberating", deliberationClosedAt: new Date() } });
    const res = await postPortal(panelists.a, hearings.portal, { intent: "opinion", caseId, stance: "agree", reasons: "赵一事后修改", signedName: "赵一" });
    expect(res.status).toBe(409);
    expect(JSON.stringify(dataOf(res))).toContain("hearings.error.opinionsClosed");
    await expect(
      prisma.panelOpinion.updateMany({ where: { hearingId: hearings.portal, panelistId: panelists.a.id }, data: { reasons: "绕过模型" } })
    ).rejects.toThrow();
    const stored = await prisma.panelOpinion.findFirstOrThrow({ where: { hearingId: hearings.portal, panelistId: panelists.a.id } });
    expect(stored.reasons).toBe("赵一改稿");
    // Unsealed now: staff and the case page read them.
    const staff = await callLoader(opinionsLoader, request(`/hearings/${hearings.portal}/opinions`, { cookie: staffCookie }), { hearingId: hearings.portal });
    expect(JSON.stringify(dataOf(staff))).toContain("赵一改稿");
    const tallies = await getCaseHearingTallies(P, caseId);
    const t = tallies.find((x) => x.hearingId === hearings.portal);
    expect(t && !t.sealed ? [t.tally.disagree, t.tally.majority] : null).toEqual([2, "disagree"]);
  });

  test("a decision departing from the majority is refused without an approved departure and accepted with it (听证规定 Art 16)", async () => {
    const decide = (stance = "agree") =>
      callAction(
        opinionsAction,
        request(`/hearings/${hearings.portal}/opinions`, { cookie: staffCookie, form: { intent: "decide", caseId, stance, note: "整改已完成，采纳拟处理意见" } }),
        { hearingId: hearings.portal }
      );
    const refused = await decide();
    expect(refused.status).toBe(409);
    expect(JSON.stringify(dataOf(refused))).toContain("hearingPanel.error.departureNeedsApproval");
    const ask = (stance?: string) =>
      callAction(
        opinionsAction,
        request(`/hearings/${hearings.portal}/opinions`, {
          cookie: staffCookie,
          form: { intent: "requestDeparture", caseId, reason: "现场复查显示已整改到位", ...(stance ? { stance } : {}) },
        }),
        { hearingId: hearings.portal }
      );
    // The request names the decision it will allow: none (400), or the majority's own (409), is refused.
    expect((await ask()).status).toBe(400);
    const majority = await ask("disagree");
    expect(majority.status).toBe(409);
    expect(JSON.stringify(dataOf(majority))).toContain("hearingPanel.error.notADeparture");
    const asked = await ask("agree");
    expect(asked.status).toBe(200);
    const approval = await prisma.approval.findFirstOrThrow({ where: { kind: "departure_from_majority", caseId, hearingId: hearings.portal } });
    expect(approval.decision).toBe("pending");
    expect(JSON.parse(approval.payload!)).toEqual({ reason: "现场复查显示已整改到位", stance: "agree" });
    expect((await decide()).status).toBe(409);
    // The chief approves it in the queue (no effect of its own: the decision uses it).
    const chief = await createUser({ role: "approver", procuratorateId: P });
    await decideApproval(P, approval.id, chief.id, { decision: "approved" });
    // An approval for 'agree' does not allow recording another departing stance.
    const other = await decide("conditional");
    expect(other.status).toBe(409);
    expect(JSON.stringify(dataOf(other))).toContain("hearingPanel.error.departureNeedsApproval");
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: approval.id } })).usedAt).toBeNull();
    const accepted = await decide();
    expect(accepted.status).toBe(200);
    const hc = await prisma.hearingCase.findUniqueOrThrow({ where: { hearingId_caseId: { hearingId: hearings.portal, caseId } } });
    expect(hc).toMatchObject({ decisionStance: "agree", departureApprovalId: approval.id, decidedById: prosecutor.id });
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: approval.id } })).usedAt).toBeInstanceOf(Date);
  });
});
