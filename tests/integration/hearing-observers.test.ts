import { beforeAll, describe, expect, test } from "vitest";
import { callAction, createProcuratorate, createUser, request } from "#tests/factories";
import { OBSERVER_SIGNUP_LIMIT } from "~/domain/hearing/observer-schema";
import { action as signUpAction } from "~/routes/public.hearings.$hearingId";
import { prisma } from "~/utils/db.server";

// Observer requests (旁听申请) to a public hearing: the per-address sign-up limit, kept in the
// database, and staff accepting or declining each request on the hearing page.

const DAY = 86_400_000;
let P: string;
let Q: string;
let host: { id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  P = (await createProcuratorate({ name: "旁听测试县人民检察院", shortName: "旁" })).id;
  Q = (await createProcuratorate({ name: "旁听他院", shortName: "他" })).id;
  host = await createUser({ role: "prosecutor", procuratorateId: P });
  const qHost = await createUser({ role: "prosecutor", procuratorateId: Q });
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
