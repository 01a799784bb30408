import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieForUserId, createCase, createProcuratorate, createUser, request } from "#tests/factories";
import { toShanghaiLocal } from "~/domain/hearing/setup-schemas";
import { getPublicHearing } from "~/models/public-hearing.server";
import { action as editAction, loader as editLoader } from "~/routes/_staff.hearings.$hearingId_.edit";
import { action as participantsAction } from "~/routes/_staff.hearings.$hearingId.participants";
import { action as noticesAction, loader as noticesLoader } from "~/routes/_staff.hearings.$hearingId.notices";
import { action as newAction, loader as newLoader } from "~/routes/_staff.hearings.new";
import { loader as publicLoader } from "~/routes/public.hearings.$hearingId";
import { prisma } from "~/utils/db.server";

// Setting up a hearing (issue 9 items 1, 3, 4) through the route modules on a real database: scope
// (another procuratorate's hearing or case answers 404), edits refused once the hearing is in
// progress, the notice rule (听证规定 Art 10) with the late_notice approval, marking notified, and
// the public announcement with personal data masked.

const DAY = 86_400_000;
let P: string;
let Q: string;
let cookie: string;
let hostId: string;
let clerkId: string;
let agencyId: string;
const caseIds: string[] = [];
let foreignCaseId: string;
let foreignHearingId: string;

const errorsOf = (r: RouteResult) => {
  const d = r.kind === "data" ? (r.data as { result?: { error?: Record<string, string[] | null> } }) : null;
  return Object.values(d?.result?.error ?? {}).flatMap((v) => v ?? []);
};
const dataOf = <T>(r: RouteResult) => (r.kind === "data" ? (r.data as T) : (null as T));

function hearingForm(over: Record<string, string> = {}, cases: string[] = caseIds.slice(0, 3)) {
  const form: Record<string, string> = {
    title: "口罩价格系列案公开听证",
    purpose: "行政机关是否依法履职",
    venue: "桂阳县人民检察院检察听证室",
    startsAt: toShanghaiLocal(new Date(Date.now() + 20 * DAY)),
    hostId,
    clerkId,
    form: "public",
    contactPhone: "0735-4421234",
    observerSeats: "20",
    ...over,
  };
  cases.forEach((id, i) => {
    form[`cases[${i}].caseId`] = id;
    form[`cases[${i}].proposedHandling`] = i === 1 ? "close" : "recommend";
    form[`cases[${i}].proposal`] = `要点 ${i + 1}`;
    form[`cases[${i}].issues`] = `争议焦点 ${i + 1}`;
  });
  return form;
}

async function createVia(form: Record<string, string>) {
  const r = await callAction(newAction, request("/hearings/new", { cookie, form }));
  expect(r.status, JSON.stringify(errorsOf(r))).toBe(302);
  if (r.kind === "error") throw r.error;
  return r.location!.split("/")[2]!.split("?")[0]!;
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "听证设置测试院", shortName: "设" })).id;
  Q = (await createProcuratorate({ name: "听证设置他院", shortName: "他" })).id;
  const host = await createUser({ role: "prosecutor", procuratorateId: P, displayName: "主持检察官" });
  hostId = host.id;
  clerkId = (await createUser({ role: "prosecutor", procuratorateId: P, displayName: "书记员甲" })).id;
  cookie = await cookieForUserId(host.id);
  agencyId = (await prisma.agency.create({ data: { procuratorateId: P, name: "测试县市场监督管理局" } })).id;
  for (let i = 0; i < 4; i++) caseIds.push((await createCase({ procuratorateId: P, leadProsecutorId: hostId })).id);
  const qHost = await createUser({ role: "prosecutor", procuratorateId: Q });
  foreignCaseId = (await createCase({ procuratorateId: Q, leadProsecutorId: qHost.id })).id;
  foreignHearingId = (
    await prisma.hearing.create({
      data: { procuratorateId: Q, title: "他院听证", venue: "他院", startsAt: new Date(Date.now() + 10 * DAY), hostId: qHost.id },
    })
  ).id;
});

describe("creating and editing a hearing", () => {
  test("a hearing over three cases keeps their order, session, issues and proposed handling, with audit events", async () => {
    const id = await createVia(hearingForm());
    const h = await prisma.hearing.findUniqueOrThrow({
      where: { id },
      select: { status: true, isPublic: true, hostId: true, clerkId: true, observerSeats: true, cases: { orderBy: { ordinal: "asc" } } },
    });
    expect(h.status).toBe("planned");
    expect(h.observerSeats).toBe(20);
    expect(h.cases.map((c) => [c.caseId, c.ordinal, c.proposedHandling, c.proposal])).toEqual([
      [caseIds[0], 1, "recommend", "要点 1"],
      [caseIds[1], 2, "close", "要点 2"],
      [caseIds[2], 3, "recommend", "要点 3"],
    ]);
    const events = await prisma.auditEvent.findMany({ where: { entityId: id }, select: { action: true, caseId: true } });
    expect(events.filter((e) => e.action === "hearing.create")).toHaveLength(1);
    expect(events.filter((e) => e.action === "hearing.case_added").map((e) => e.caseId).sort()).toEqual(caseIds.slice(0, 3).sort());
  });

  test("a closed hearing without its reason is refused with 400 and nothing is written", async () => {
    const before = await prisma.hearing.count({ where: { procuratorateId: P } });
    const r = await callAction(newAction, request("/hearings/new", { cookie, form: hearingForm({ form: "closed" }) }));
    expect(r.status).toBe(400);
    expect(errorsOf(r)).toContain("hearingSetup.validation.closedReasonRequired");
    expect(await prisma.hearing.count({ where: { procuratorateId: P } })).toBe(before);
  });

  test("a case of another procuratorate answers 404 and nothing is written", async () => {
    const before = await prisma.hearing.count({ where: { procuratorateId: P } });
    const r = await callAction(newAction, request("/hearings/new", { cookie, form: hearingForm({}, [caseIds[0]!, foreignCaseId]) }));
    expect(r.status).toBe(404);
    expect(await prisma.hearing.count({ where: { procuratorateId: P } })).toBe(before);
    const pre = await callLoader(newLoader, request(`/hearings/new?caseId=${foreignCaseId}`, { cookie }));
    expect(pre.status).toBe(404);
  });

  test("a host who is not staff of the procuratorate is refused with 400", async () => {
    const panelist = await createUser({ role: "panelist", procuratorateId: P });
    const r = await callAction(newAction, request("/hearings/new", { cookie, form: hearingForm({ hostId: panelist.id }) }));
    expect(r.status).toBe(400);
    expect(errorsOf(r)).toContain("hearingSetup.validation.staffOnly");
  });

  test("/hearings/new?caseId= preselects the case", async () => {
    const r = await callLoader(newLoader, request(`/hearings/new?caseId=${caseIds[3]}`, { cookie }));
    expect(dataOf<{ defaultValue: { cases: { caseId: string }[] } }>(r).defaultValue.cases.map((c) => c.caseId)).toEqual([caseIds[3]]);
  });

  test("editing removes, adds and reorders cases and records the changed fields", async () => {
    const id = await createVia(hearingForm());
    const r = await callAction(
      editAction,
      request(`/hearings/${id}/edit`, { cookie, form: hearingForm({ venue: "听证室二" }, [caseIds[2]!, caseIds[3]!, caseIds[0]!]) }),
      { hearingId: id },
    );
    expect(r.status, JSON.stringify(errorsOf(r))).toBe(302);
    const rows = await prisma.hearingCase.findMany({ where: { hearingId: id }, orderBy: { ordinal: "asc" } });
    expect(rows.map((c) => c.caseId)).toEqual([caseIds[2], caseIds[3], caseIds[0]]);
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "hearing.update" } });
    const data = JSON.parse(ev.data!) as { changed: Record<string, { before: unknown; after: unknown }>; removedCases: string[] };
    expect(data.changed.venue).toEqual({ before: "桂阳县人民检察院检察听证室", after: "听证室二" });
    expect(data.removedCases).toEqual([caseIds[1]]);
  });

  test("another procuratorate's hearing answers 404 to the edit page and its form", async () => {
    expect((await callLoader(editLoader, request(`/hearings/${foreignHearingId}/edit`, { cookie }), { hearingId: foreignHearingId })).status).toBe(404);
    const r = await callAction(editAction, request(`/hearings/${foreignHearingId}/edit`, { cookie, form: hearingForm() }), {
      hearingId: foreignHearingId,
    });
    expect(r.status).toBe(404);
    const n = await callLoader(noticesLoader, request(`/hearings/${foreignHearingId}/notices`, { cookie }), { hearingId: foreignHearingId });
    expect(n.status).toBe(404);
  });

  test("once in progress, the setup, participants and notices can no longer be changed (409)", async () => {
    const id = await createVia(hearingForm());
    const p = await prisma.hearingParticipant.create({ data: { hearingId: id, kind: "other", organisation: "指挥部", name: "赵参加" } });
    await prisma.hearing.update({ where: { id }, data: { status: "in_progress" } });
    const edit = await callAction(editAction, request(`/hearings/${id}/edit`, { cookie, form: hearingForm({ title: "改名" }) }), { hearingId: id });
    expect(edit.status).toBe(409);
    expect(errorsOf(edit)).toContain("hearings.error.notEditable");
    const add = await callAction(
      participantsAction,
      request(`/hearings/${id}/participants`, { cookie, form: { intent: "add", kind: "other", organisation: "某单位", name: "钱某" } }),
      { hearingId: id },
    );
    expect(add.status).toBe(409);
    const notice = await callAction(
      noticesAction,
      request(`/hearings/${id}/notices`, {
        cookie,
        form: { intent: "notice", target: `participant:${p.id}`, notifiedAt: toShanghaiLocal(new Date()), method: "phone" },
      }),
      { hearingId: id },
    );
    expect(notice.status).toBe(409);
    expect((await prisma.hearing.findUniqueOrThrow({ where: { id } })).title).toBe("口罩价格系列案公开听证");
    expect((await prisma.hearingParticipant.findUniqueOrThrow({ where: { id: p.id } })).notifiedAt).toBeNull();
  });

  test("cancelling needs a reason and moves the hearing to cancelled", async () => {
    const id = await createVia(hearingForm());
    const none = await callAction(editAction, request(`/hearings/${id}/edit`, { cookie, form: { intent: "cancel", reason: "" } }), { hearingId: id });
    expect(none.status).toBe(400);
    const ok = await callAction(editAction, request(`/hearings/${id}/edit`, { cookie, form: { intent: "cancel", reason: "案件已整改完毕" } }), {
      hearingId: id,
    });
    expect(ok.status).toBe(302);
    const h = await prisma.hearing.findUniqueOrThrow({ where: { id } });
    expect([h.status, h.cancelledReason]).toEqual(["cancelled", "案件已整改完毕"]);
  });
});

describe("participants", () => {
  test("an agency representative takes the agency's name as unit; another procuratorate's agency answers 404", async () => {
    const id = await createVia(hearingForm());
    const post = (form: Record<string, string>) =>
      callAction(participantsAction, request(`/hearings/${id}/participants`, { cookie, form }), { hearingId: id });
    const ok = await post({ intent: "add", kind: "agency_representative", agencyId, name: "孙代表", post: "副局长", phone: "13812345678" });
    expect(ok.status).toBe(200);
    const row = await prisma.hearingParticipant.findFirstOrThrow({ where: { hearingId: id, name: "孙代表" } });
    expect([row.organisation, row.agencyId, row.phone]).toEqual(["测试县市场监督管理局", agencyId, "13812345678"]);
    const foreignAgency = await prisma.agency.create({ data: { procuratorateId: Q, name: "他院机关" } });
    expect((await post({ intent: "add", kind: "agency_representative", agencyId: foreignAgency.id, name: "周某" })).status).toBe(404);
    const upd = await post({ intent: "update", participantId: row.id, kind: "agency_representative", agencyId, name: "孙代表", post: "局长" });
    expect(upd.status).toBe(200);
    expect((await prisma.hearingParticipant.findUniqueOrThrow({ where: { id: row.id } })).post).toBe("局长");
    expect((await post({ intent: "remove", participantId: row.id })).status).toBe(200);
    expect(await prisma.hearingParticipant.count({ where: { id: row.id } })).toBe(0);
  });
});

describe("notices (听证规定 Art 10) and marking notified", () => {
  test("a late notice is refused without an approved late_notice and accepted with one; notified needs everyone", async () => {
    // The hearing is in two days: any notice now is later than 3 days before it.
    const id = await createVia(hearingForm({ startsAt: toShanghaiLocal(new Date(Date.now() + 2 * DAY)) }));
    const panelist = await prisma.panelist.create({ data: { procuratorateId: P, name: "吴听证员", category: "expert" } });
    await prisma.hearingPanelist.create({ data: { hearingId: id, panelistId: panelist.id } });
    const rep = await prisma.hearingParticipant.create({ data: { hearingId: id, kind: "other", organisation: "县疫情防控指挥部", name: "郑参加人" } });
    const post = (form: Record<string, string>) => callAction(noticesAction, request(`/hearings/${id}/notices`, { cookie, form }), { hearingId: id });
    const notice = (target: string) =>
      post({ intent: "notice", target, notifiedAt: toShanghaiLocal(new Date(Date.now() - 60_000)), method: "phone" });

    const late = await notice(`participant:${rep.id}`);
    expect(late.status).toBe(409);
    expect(errorsOf(late)).toContain("hearingSetup.error.lateNotice");
    expect((await prisma.hearingParticipant.findUniqueOrThrow({ where: { id: rep.id } })).notifiedAt).toBeNull();

    // Marking notified: refused without the approved hearing, then with the list of who is missing.
    expect(errorsOf(await post({ intent: "markNotified" }))).toContain("hearingSetup.error.hearingNotApproved");
    expect((await post({ intent: "requestHearing" })).status).toBe(200);
    expect((await post({ intent: "requestLateNotice", reason: "听证日期因场地调整提前" })).status).toBe(200);
    const approvals = await prisma.approval.findMany({ where: { hearingId: id }, select: { id: true, kind: true, decision: true } });
    expect(approvals.map((a) => [a.kind, a.decision]).sort()).toEqual([
      ["hearing", "pending"],
      ["late_notice", "pending"],
    ]);
    // A second pending request of the same kind is refused.
    expect((await post({ intent: "requestLateNotice", reason: "再次" })).status).toBe(409);
    // The chief approves the hearing (the /approvals page; its decision is tested there).
    await prisma.approval.updateMany({ where: { hearingId: id, kind: "hearing" }, data: { decision: "approved", decidedAt: new Date() } });
    const missing = await post({ intent: "markNotified" });
    expect(missing.status).toBe(409);
    expect(dataOf<{ missing: string[] }>(missing).missing).toEqual(["吴听证员", "郑参加人"]);

    // Still pending late_notice: still refused. Approved: accepted, and the audit marks it late.
    expect((await notice(`participant:${rep.id}`)).status).toBe(409);
    await prisma.approval.updateMany({ where: { hearingId: id, kind: "late_notice" }, data: { decision: "approved", decidedAt: new Date() } });
    expect((await notice(`participant:${rep.id}`)).status).toBe(200);
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: rep.id, action: "hearing.notice" } });
    expect(JSON.parse(ev.data!)).toMatchObject({ hearingId: id, late: true, after: { noticeMethod: "phone" } });

    const stillMissing = await post({ intent: "markNotified" });
    expect(dataOf<{ missing: string[] }>(stillMissing).missing).toEqual(["吴听证员"]);
    expect((await notice(`panelist:${panelist.id}`)).status).toBe(200);
    expect((await post({ intent: "markNotified" })).status).toBe(200);
    expect((await prisma.hearing.findUniqueOrThrow({ where: { id } })).status).toBe("notified");
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: "hearing.status" } })).toBe(1);
  });

  test("a new time while planned clears the notices and uses up the late_notice; once notified the time is fixed (409)", async () => {
    // Two calendar days ahead in Shanghai, at fixed hours: "now + 2 days + 1 hour" crosses midnight
    // after 23:00 Shanghai time, and a notice 3 days ahead is then on time (the test failed nightly).
    const inTwoDays = toShanghaiLocal(new Date(Date.now() + 2 * DAY)).slice(0, 10);
    const soon = `${inTwoDays}T10:00`;
    const id = await createVia(hearingForm({ startsAt: soon }));
    const panelist = await prisma.panelist.create({ data: { procuratorateId: P, name: "冯听证员", category: "expert" } });
    await prisma.hearingPanelist.create({ data: { hearingId: id, panelistId: panelist.id } });
    const post = (form: Record<string, string>) => callAction(noticesAction, request(`/hearings/${id}/notices`, { cookie, form }), { hearingId: id });
    const edit = (startsAt: string) =>
      callAction(editAction, request(`/hearings/${id}/edit`, { cookie, form: hearingForm({ startsAt }) }), { hearingId: id });
    const notice = () => post({ intent: "notice", target: `panelist:${panelist.id}`, notifiedAt: toShanghaiLocal(new Date(Date.now() - 60_000)), method: "phone" });
    const seat = () => prisma.hearingPanelist.findUniqueOrThrow({ where: { hearingId_panelistId: { hearingId: id, panelistId: panelist.id } } });
    await prisma.approval.create({
      data: { procuratorateId: P, kind: "late_notice", subject: "迟延通知", requestedById: hostId, hearingId: id, decision: "approved", decidedAt: new Date() },
    });
    expect((await notice()).status).toBe(200);
    expect((await seat()).notifiedAt).not.toBeNull();

    // A new time (still planned): the notice is void and the late_notice no longer counts.
    const later = `${inTwoDays}T11:00`;
    expect((await edit(later)).status).toBe(302);
    expect(await seat()).toMatchObject({ notifiedAt: null, noticeMethod: null });
    expect((await prisma.approval.findFirstOrThrow({ where: { hearingId: id, kind: "late_notice" } })).usedAt).toBeInstanceOf(Date);
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "hearing.notices_cleared" } });
    expect(JSON.parse(ev.data!)).toMatchObject({ panelists: 1, participants: 0 });
    const late = await notice();
    expect(late.status).toBe(409);
    expect(errorsOf(late)).toContain("hearingSetup.error.lateNotice");

    // A fresh approved late_notice, the notice, the hearing approved and marked notified: the time is fixed.
    await prisma.approval.create({
      data: { procuratorateId: P, kind: "late_notice", subject: "迟延通知", requestedById: hostId, hearingId: id, decision: "approved", decidedAt: new Date() },
    });
    await prisma.approval.create({
      data: { procuratorateId: P, kind: "hearing", subject: "听证", requestedById: hostId, hearingId: id, decision: "approved", decidedAt: new Date() },
    });
    expect((await notice()).status).toBe(200);
    expect((await post({ intent: "markNotified" })).status).toBe(200);
    const before = await prisma.hearing.findUniqueOrThrow({ where: { id }, select: { startsAt: true } });
    const moved = await edit(toShanghaiLocal(new Date(Date.now() + DAY)));
    expect(moved.status).toBe(409);
    expect(errorsOf(moved)).toContain("hearingSetup.error.startsAtNotified");
    expect((await prisma.hearing.findUniqueOrThrow({ where: { id }, select: { startsAt: true } })).startsAt).toEqual(before.startsAt);
    expect((await seat()).notifiedAt).not.toBeNull();
    // Other particulars stay editable while notified.
    expect((await edit(later)).status).toBe(302);
  });

  test("a new hearing stores its hearing_notice deadline; marking it notified removes it", async () => {
    const id = await createVia(hearingForm());
    const rows = await prisma.deadline.findMany({ where: { hearingId: id }, select: { ruleId: true } });
    expect(rows.map((r) => r.ruleId)).toContain("hearing_notice");
    const panelist = await prisma.panelist.create({ data: { procuratorateId: P, name: "褚听证员", category: "expert" } });
    await prisma.hearingPanelist.create({ data: { hearingId: id, panelistId: panelist.id } });
    await prisma.approval.create({
      data: { procuratorateId: P, kind: "hearing", subject: "听证", requestedById: hostId, hearingId: id, decision: "approved", decidedAt: new Date() },
    });
    const post = (form: Record<string, string>) => callAction(noticesAction, request(`/hearings/${id}/notices`, { cookie, form }), { hearingId: id });
    expect(
      (await post({ intent: "notice", target: `panelist:${panelist.id}`, notifiedAt: toShanghaiLocal(new Date(Date.now() - 60_000)), method: "phone" })).status,
    ).toBe(200);
    expect((await post({ intent: "markNotified" })).status).toBe(200);
    expect(await prisma.deadline.count({ where: { hearingId: id, ruleId: "hearing_notice" } })).toBe(0);
  });

  test("an on-time notice needs no approval; a notice in the future is refused", async () => {
    const id = await createVia(hearingForm({ startsAt: toShanghaiLocal(new Date(Date.now() + 20 * DAY)) }));
    const rep = await prisma.hearingParticipant.create({ data: { hearingId: id, kind: "observer", organisation: "", name: "王旁听" } });
    const post = (notifiedAt: string) =>
      callAction(
        noticesAction,
        request(`/hearings/${id}/notices`, { cookie, form: { intent: "notice", target: `participant:${rep.id}`, notifiedAt, method: "sms" } }),
        { hearingId: id },
      );
    const future = await post(toShanghaiLocal(new Date(Date.now() + DAY)));
    expect(future.status).toBe(400);
    expect(errorsOf(future)).toContain("hearingSetup.error.noticeInFuture");
    expect((await post(toShanghaiLocal(new Date(Date.now() - 60_000)))).status).toBe(200);
    const loaded = dataOf<{ participants: { notifiedAt: Date | null; noticeMethod: string | null }[]; missing: string[] }>(
      await callLoader(noticesLoader, request(`/hearings/${id}/notices`, { cookie }), { hearingId: id }),
    );
    expect(loaded.participants[0]!.noticeMethod).toBe("sms");
    expect(loaded.missing).toEqual([]);
  });

  test("a notice to a participant of another hearing answers 404", async () => {
    const a = await createVia(hearingForm());
    const b = await createVia(hearingForm());
    const rep = await prisma.hearingParticipant.create({ data: { hearingId: b, kind: "other", organisation: "某单位", name: "冯某" } });
    const r = await callAction(
      noticesAction,
      request(`/hearings/${a}/notices`, {
        cookie,
        form: { intent: "notice", target: `participant:${rep.id}`, notifiedAt: toShanghaiLocal(new Date()), method: "phone" },
      }),
      { hearingId: a },
    );
    expect(r.status).toBe(404);
  });
});

describe("the announcement on /public", () => {
  test("needs the approved hearing; once published the public page masks participants' names and phones", async () => {
    const id = await createVia(hearingForm({ title: "关于蒋某某举报口罩价格案的公开听证" }));
    await prisma.hearingParticipant.create({
      data: { hearingId: id, kind: "agency_representative", agencyId, organisation: "测试县市场监督管理局", name: "陈建华", phone: "13911112222" },
    });
    const informantCase = await prisma.case.findUniqueOrThrow({ where: { id: caseIds[0] }, select: { id: true } });
    const clue = await prisma.clue.create({
      data: {
        procuratorateId: P,
        number: "设线-1",
        source: "report",
        receivedOn: "2026-11-01",
        summary: "口罩哄抬价格",
        field: "food_drug",
        informantName: "蒋某某",
        informantPhone: "13700001111",
        registeredById: hostId,
      },
    });
    await prisma.case.update({ where: { id: informantCase.id }, data: { clueId: clue.id } });
    const text = "本院定于近日公开听证。参加人：测试县市场监督管理局陈建华（电话13911112222）。咨询电话：0735-4421234。";
    const post = () =>
      callAction(noticesAction, request(`/hearings/${id}/notices`, { cookie, form: { intent: "announce", announcement: text } }), {
        hearingId: id,
      });
    const refused = await post();
    expect(refused.status).toBe(409);
    expect(errorsOf(refused)).toContain("hearingSetup.error.hearingNotApproved");
    await callAction(noticesAction, request(`/hearings/${id}/notices`, { cookie, form: { intent: "requestHearing" } }), { hearingId: id });
    await prisma.approval.updateMany({ where: { hearingId: id, kind: "hearing" }, data: { decision: "approved", decidedAt: new Date() } });
    expect((await post()).status).toBe(200);

    const pub = await getPublicHearing(id, new Date());
    const body = pub.paragraphs.join("\n");
    expect(body).toContain("陈**");
    expect(body).toContain("139****2222");
    expect(body).toContain("0735-4421234");
    expect(body).not.toContain("陈建华");
    expect(body).not.toContain("13911112222");
    expect(pub.title).toBe("关于蒋**举报口罩价格案的公开听证");
    const page = await callLoader(publicLoader, request(`/public/hearings/${id}`), { hearingId: id });
    expect(JSON.stringify(dataOf(page))).not.toContain("陈建华");
  });

  test("a closed hearing has no announcement", async () => {
    const id = await createVia(hearingForm({ form: "closed", closedReason: "涉及个人隐私" }));
    const r = await callAction(noticesAction, request(`/hearings/${id}/notices`, { cookie, form: { intent: "announce", announcement: "公告" } }), {
      hearingId: id,
    });
    expect(r.status).toBe(409);
    expect(errorsOf(r)).toContain("hearingSetup.error.notPublic");
  });
});
