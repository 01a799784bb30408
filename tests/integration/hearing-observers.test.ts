import { beforeAll, describe, expect, test } from "vitest";
import { callAction, callLoader, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { OBSERVER_SIGNUP_LIMIT } from "~/domain/hearing/observer-schema";
import { action as decideAction, loader as observersLoader } from "~/routes/_staff.hearings.$hearingId.observers";
import { action as signUpAction } from "~/routes/public.hearings.$hearingId";
import { prisma } from "~/utils/db.server";

// Observer requests (旁听申请) to a public hearing: the per-address sign-up limit, kept in the
// database, and staff accepting or declining each request on the hearing page.

const DAY = 86_400_000;
let P: string;
let Q: string;
let host: { id: string };
let approver: { id: string };
let qHostId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  P = (await createProcuratorate({ name: "旁听测试县人民检察院", shortName: "旁" })).id;
  Q = (await createProcuratorate({ name: "旁听他院", shortName: "他" })).id;
  host = await createUser({ role: "prosecutor", procuratorateId: P });
  const qHost = await createUser({ role: "prosecutor", procuratorateId: Q });
  qHostId = qHost.id;
  approver = await createUser({ role: "approver", procuratorateId: P });
  const hearing = (procuratorateId: string, hostId: string, title: string) =>
    prisma.hearing.create({
      data: {
        procuratorateId,
        title,
        venue: "检察听证室",
        startsAt: new Date(Date.now() + 10 * DAY),
        status: "notified",
        isPublic: true,
        announcedAt: new Date(),
        observerSeats: 50,
        hostId,
      },
      select: { id: true },
    });
  ids.limited = (await hearing(P, host.id, "限流测试听证")).id;
  ids.other = (await hearing(P, host.id, "另一场听证")).id;
  ids.decide = (await hearing(P, host.id, "决定测试听证")).id;
  ids.foreign = (await hearing(Q, qHost.id, "他院听证")).id;
});

const signUp = (hearingId: string, phone: string, clientIp: string | null) =>
  callAction(
    signUpAction,
    request(`/public/hearings/${hearingId}`, { form: { name: "市民", phone } }),
    { hearingId },
    { clientIp }
  );

describe("sign-up limit per address (kept in the database)", () => {
  test(`the ${OBSERVER_SIGNUP_LIMIT.perAddress + 1}th request from one address is refused with 429 and writes nothing`, async () => {
    const ip = "203.0.113.7";
    const N = OBSERVER_SIGNUP_LIMIT.perAddress;
    // Spread over two hearings: the limit is per address, not per hearing.
    for (let i = 0; i < N; i++) {
      const res = await signUp(i % 2 ? ids.other! : ids.limited!, `1380000${String(1000 + i)}`, ip);
      expect(res.status).toBe(200);
    }
    expect(await prisma.hearingObserverRequest.count({ where: { ip } })).toBe(N);
    const requests = await prisma.hearingObserverRequest.count();
    const audits = await prisma.auditEvent.count();

    const refused = await signUp(ids.limited!, "13800009999", ip);
    expect(refused.status).toBe(429);
    expect(JSON.stringify((refused as { data: unknown }).data)).toContain("portal.public.refusal.rateLimited");
    expect(await prisma.hearingObserverRequest.count()).toBe(requests);
    expect(await prisma.auditEvent.count()).toBe(audits);

    // Another address still gets through.
    const other = await signUp(ids.limited!, "13800009999", "198.51.100.20");
    expect(other.status).toBe(200);
    expect(await prisma.hearingObserverRequest.count()).toBe(requests + 1);
  });

  test("requests older than the window no longer count", async () => {
    const ip = "203.0.113.8";
    const old = new Date(Date.now() - (OBSERVER_SIGNUP_LIMIT.windowMinutes + 1) * 60_000);
    await prisma.hearingObserverRequest.createMany({
      data: Array.from({ length: OBSERVER_SIGNUP_LIMIT.perAddress }, (_, i) => ({
        hearingId: ids.other!,
        name: "早先的申请",
        phone: `1390000${String(1000 + i)}`,
        ip,
        createdAt: old,
      })),
    });
    expect((await signUp(ids.other!, "13900008888", ip)).status).toBe(200);
  });
});

describe("staff accept or decline each request on the hearing page", () => {
  const requestIn = (hearingId: string, name: string, phone: string) =>
    prisma.hearingObserverRequest.create({ data: { hearingId, name, phone }, select: { id: true } });
  const decide = async (userId: string, hearingId: string, form: Record<string, string>) =>
    callAction(decideAction, request(`/hearings/${hearingId}/observers`, { cookie: await cookieForUserId(userId), form }), {
      hearingId,
    });
  const statusOf = async (id: string) =>
    (await prisma.hearingObserverRequest.findUniqueOrThrow({ where: { id } })).status;

  test("the tab lists name, canonical phone and status; seats count accepted and pending only", async () => {
    const a = await requestIn(ids.decide!, "申请人甲", "13811110001");
    const b = await requestIn(ids.decide!, "申请人乙", "13811110002");
    await prisma.hearingObserverRequest.update({ where: { id: b.id }, data: { status: "declined" } });
    const res = await callLoader(observersLoader, request(`/hearings/${ids.decide}/observers`, { cookie: await cookieForUserId(host.id) }), {
      hearingId: ids.decide!,
    });
    expect(res.status).toBe(200);
    const d = (res as { data: { requests: { id: string; phone: string; status: string }[]; seatsTaken: number; mayDecide: boolean } }).data;
    expect(d.requests.find((r) => r.id === a.id)).toMatchObject({ phone: "13811110001", status: "pending" });
    expect(d.seatsTaken).toBe(d.requests.filter((r) => r.status !== "declined").length);
    expect(d.mayDecide).toBe(true);
    const asApprover = await callLoader(observersLoader, request(`/hearings/${ids.decide}/observers`, { cookie: await cookieForUserId(approver.id) }), {
      hearingId: ids.decide!,
    });
    expect((asApprover as { data: { mayDecide: boolean } }).data.mayDecide).toBe(false);
  });

  test("accept, then decline with a reason: each decision audited with before and after", async () => {
    const r = await requestIn(ids.decide!, "申请人丙", "13811110003");
    const accepted = await decide(host.id, ids.decide!, { requestId: r.id, decision: "accepted" });
    expect(accepted.status).toBe(200);
    expect(await prisma.hearingObserverRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "accepted",
      decidedById: host.id,
      decisionReason: null,
    });
    const acceptEvent = await prisma.auditEvent.findFirst({ where: { entityId: r.id }, orderBy: { seq: "desc" } });
    expect(acceptEvent).toMatchObject({ action: "hearing.observer_accept", actorId: host.id, procuratorateId: P });
    expect(JSON.parse(acceptEvent!.data!)).toMatchObject({ before: { status: "pending" }, after: { status: "accepted" } });

    const declined = await decide(host.id, ids.decide!, { requestId: r.id, decision: "declined", reason: "席位调整" });
    expect(declined.status).toBe(200);
    expect(await prisma.hearingObserverRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "declined",
      decisionReason: "席位调整",
    });
    const declineEvent = await prisma.auditEvent.findFirst({ where: { entityId: r.id }, orderBy: { seq: "desc" } });
    expect(declineEvent).toMatchObject({ action: "hearing.observer_decline", actorId: host.id });
    expect(JSON.parse(declineEvent!.data!)).toMatchObject({ after: { status: "declined", decisionReason: "席位调整" } });
  });

  test("a declined request is final (409), bad input is 400, and neither writes anything", async () => {
    const r = await requestIn(ids.decide!, "申请人丁", "13811110004");
    expect((await decide(host.id, ids.decide!, { requestId: r.id, decision: "declined" })).status).toBe(200);
    const audits = await prisma.auditEvent.count();
    const again = await decide(host.id, ids.decide!, { requestId: r.id, decision: "accepted" });
    expect(again.status).toBe(409);
    expect(JSON.stringify((again as { data: unknown }).data)).toContain("hearings.observers.refusal.alreadyDecided");
    expect((await decide(host.id, ids.decide!, { requestId: r.id, decision: "maybe" })).status).toBe(400);
    expect((await decide(host.id, ids.decide!, { requestId: r.id, decision: "declined", reason: "理".repeat(201) })).status).toBe(400);
    expect(await statusOf(r.id)).toBe("declined");
    expect(await prisma.auditEvent.count()).toBe(audits);
  });

  test("refused once the hearing is over", async () => {
    const over = await prisma.hearing.create({
      data: { procuratorateId: P, title: "已结束的听证", venue: "听证室", startsAt: new Date(Date.now() - 2 * DAY), status: "concluded", isPublic: true, hostId: host.id },
      select: { id: true },
    });
    const r = await requestIn(over.id, "申请人戊", "13811110005");
    const res = await decide(host.id, over.id, { requestId: r.id, decision: "accepted" });
    expect(res.status).toBe(409);
    expect(await statusOf(r.id)).toBe("pending");
  });

  test("wrong role: an approver, a panelist or an agency cannot decide (403), nothing written", async () => {
    const r = await requestIn(ids.decide!, "申请人己", "13811110006");
    const panelist = await createUser({ role: "panelist", procuratorateId: P });
    const agency = await createUser({ role: "agency", procuratorateId: P });
    for (const who of [approver.id, panelist.id, agency.id]) {
      expect((await decide(who, ids.decide!, { requestId: r.id, decision: "accepted" })).status).toBe(403);
    }
    expect(await statusOf(r.id)).toBe("pending");
  });

  test("out of scope: another procuratorate's hearing, or a request of another hearing, is 404 and nothing is written", async () => {
    const foreign = await requestIn(ids.foreign!, "他院申请人", "13811110007");
    const audits = await prisma.auditEvent.count();
    expect((await decide(host.id, ids.foreign!, { requestId: foreign.id, decision: "accepted" })).status).toBe(404);
    // The request id of another procuratorate's hearing through an own hearing's URL.
    expect((await decide(host.id, ids.decide!, { requestId: foreign.id, decision: "accepted" })).status).toBe(404);
    // A request of another own hearing through this hearing's URL.
    const elsewhere = await requestIn(ids.other!, "别场申请人", "13811110008");
    expect((await decide(host.id, ids.decide!, { requestId: elsewhere.id, decision: "declined" })).status).toBe(404);
    expect(await statusOf(foreign.id)).toBe("pending");
    expect(await statusOf(elsewhere.id)).toBe("pending");
    expect(await prisma.auditEvent.count()).toBe(audits);
    // And the other procuratorate's prosecutor cannot decide ours.
    const ours = await requestIn(ids.decide!, "申请人庚", "13811110009");
    expect((await decide(qHostId, ids.decide!, { requestId: ours.id, decision: "accepted" })).status).toBe(404);
    expect(await statusOf(ours.id)).toBe("pending");
  });
});
