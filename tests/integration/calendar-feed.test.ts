import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieForUserId, createCase, createProcuratorate, createUser, request } from "#tests/factories";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { action as staffCalendarAction, loader as staffCalendarLoader } from "~/routes/_staff.calendar";
import { loader as feedLoader } from "~/routes/feeds.$file";
import { action as panelCalendarAction, loader as panelCalendarLoader } from "~/routes/panel.calendar";
import { prisma } from "~/utils/db.server";

// The hearing calendar and the private .ics feeds (issue 9 item 8): the staff month/week view of
// the procuratorate's hearings, and per-user feeds behind a secret token that renewing revokes.

const DAY = 86_400_000;
let P: string;
let Q: string;
const users: Record<string, { id: string; cookie: string }> = {};
const titles = {
  mine: "我主持的听证",
  onMyCase: "我承办案件的听证",
  others: "别人的听证",
  foreign: "他院听证",
  panel: "我参加的听证",
  recused: "我已回避的听证",
  cancelled: "已取消的听证",
  old: "半年前的听证",
};
const inThreeDays = new Date(Date.now() + 3 * DAY);

async function hearing(procuratorateId: string, hostId: string, title: string, extra: Record<string, unknown> = {}) {
  return prisma.hearing.create({
    data: { procuratorateId, title, venue: "检察听证室", startsAt: inThreeDays, status: "notified", hostId, ...extra },
    select: { id: true },
  });
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "日历测试院", shortName: "历" })).id;
  Q = (await createProcuratorate({ name: "日历他院", shortName: "他" })).id;
  for (const [name, role, proc] of [
    ["me", "prosecutor", P],
    ["colleague", "prosecutor", P],
    ["panelist", "panelist", P],
    ["foreigner", "prosecutor", Q],
  ] as const) {
    const u = await createUser({ role, procuratorateId: proc });
    users[name] = { id: u.id, cookie: await cookieForUserId(u.id) };
  }
  const me = users.me!.id;
  const colleague = users.colleague!.id;
  const panelistId = (await prisma.user.findUniqueOrThrow({ where: { id: users.panelist!.id } })).panelistId!;
  await hearing(P, me, titles.mine);
  const myCase = await createCase({ procuratorateId: P, leadProsecutorId: colleague, memberIds: [me], title: "我参与的案件" });
  await hearing(P, colleague, titles.onMyCase, { cases: { create: [{ caseId: myCase.id, ordinal: 1 }] } });
  await hearing(P, colleague, titles.others, {
    panelists: { create: [{ panelistId }] },
  });
  await hearing(P, me, titles.cancelled, { status: "cancelled", cancelledReason: "改期" });
  await hearing(P, me, titles.old, { startsAt: new Date(Date.now() - 180 * DAY), status: "concluded" });
  await hearing(Q, users.foreigner!.id, titles.foreign);
  await hearing(P, colleague, titles.panel, { panelists: { create: [{ panelistId }] } });
  await hearing(P, colleague, titles.recused, { panelists: { create: [{ panelistId, recused: true, recusalReason: "亲属" }] } });
  // An open deadline of my case, due in ten days.
  const due = dateInShanghai(new Date(Date.now() + 10 * DAY));
  await prisma.deadline.create({
    data: {
      procuratorateId: P,
      key: `agency_reply:test-${myCase.id}`,
      kind: "agency_reply",
      ruleId: "agency_reply",
      party: "agency",
      triggerOn: dateInShanghai(),
      dueOn: due,
      periodEndOn: due,
      steps: "[]",
      basis: "测试",
      cases: { create: [{ caseId: myCase.id }] },
    },
  });
});

const renewStaff = async (who = "me") => {
  const res = await callAction(staffCalendarAction, request("/calendar", { cookie: users[who]!.cookie, form: { intent: "renewFeed" } }));
  expect(res.status).toBe(200);
  return dataOf<{ url: string }>(res).url;
};
const dataOf = <T,>(res: RouteResult): T => {
  if (res.kind !== "data") throw new Error(`expected data, got ${res.kind} ${res.status}`);
  return res.data as T;
};
const fetchFeed = (url: string) => {
  const file = url.split("/").pop()!;
  return callLoader(feedLoader, request(`/feeds/${file}`), { file });
};
const body = (res: Awaited<ReturnType<typeof fetchFeed>>): Response => {
  if (res.kind !== "response") throw new Error("the feed answers a Response");
  return res.body;
};

describe("the staff calendar", () => {
  test("the week view shows the procuratorate's hearings of the week, not another procuratorate's", async () => {
    const date = dateInShanghai(inThreeDays);
    const res = await callLoader(staffCalendarLoader, request(`/calendar?view=week&date=${date}`, { cookie: users.me!.cookie }));
    expect(res.status).toBe(200);
    const data = dataOf<{ hearings: { title: string; day: string }[]; range: { view: string } }>(res);
    expect(data.range.view).toBe("week");
    const shown = data.hearings.map((h) => h.title);
    expect(shown).toEqual(expect.arrayContaining([titles.mine, titles.others, titles.cancelled]));
    expect(shown).not.toContain(titles.foreign);
    expect(data.hearings.find((h) => h.title === titles.mine)?.day).toBe(date);
  });
  test("a month far away shows nothing", async () => {
    const res = await callLoader(staffCalendarLoader, request(`/calendar?view=month&date=2031-05-01`, { cookie: users.me!.cookie }));
    expect(dataOf<{ hearings: unknown[] }>(res).hearings).toEqual([]);
  });
});

describe("the .ics feed", () => {
  let firstUrl: string;

  test("a new feed answers 200 with text/calendar, private and not stored, holding the user's hearings and deadlines", async () => {
    firstUrl = await renewStaff();
    expect(firstUrl).toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await prisma.calendarFeed.findUniqueOrThrow({ where: { userId: users.me!.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(firstUrl).not.toContain(stored.tokenHash);
    const res = await fetchFeed(firstUrl);
    expect(res.status).toBe(200);
    const response = body(res);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const ics = await response.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(titles.mine);
    expect(ics).toContain(titles.onMyCase);
    expect(ics).toContain("DTSTART;VALUE=DATE:");
    // Another user's hearings, cancelled ones, old ones and another procuratorate's are not in it.
    for (const t of [titles.others, titles.cancelled, titles.old, titles.foreign, titles.panel]) expect(ics).not.toContain(t);
    expect(await prisma.auditEvent.count({ where: { entityType: "CalendarFeed", entityId: users.me!.id, action: "calendar_feed.create" } })).toBe(1);
  });

  test("after renewal the old URL answers 404 and the new one 200", async () => {
    const secondUrl = await renewStaff();
    expect(secondUrl).not.toBe(firstUrl);
    expect((await fetchFeed(firstUrl)).status).toBe(404);
    expect((await fetchFeed(secondUrl)).status).toBe(200);
    expect(await prisma.calendarFeed.count({ where: { userId: users.me!.id } })).toBe(1);
  });

  test("an unknown or malformed token answers 404 alike", async () => {
    const unknown = "Z".repeat(43);
    for (const file of [`${unknown}.ics`, "nothing.ics", unknown, "..%2F.ics"]) {
      const res = await callLoader(feedLoader, request(`/feeds/${file}`), { file });
      expect(res.status).toBe(404);
    }
  });

  test("an inactive user's feed answers 404", async () => {
    const url = await renewStaff("colleague");
    expect((await fetchFeed(url)).status).toBe(200);
    await prisma.user.update({ where: { id: users.colleague!.id }, data: { active: false } });
    expect((await fetchFeed(url)).status).toBe(404);
  });

  test("a panelist's feed holds the hearings they sit on, not those they were recused from", async () => {
    const page = await callLoader(panelCalendarLoader, request("/panel/calendar", { cookie: users.panelist!.cookie }));
    expect(page.status).toBe(200);
    expect(dataOf<{ feed: unknown }>(page).feed).toBeNull();
    const res = await callAction(panelCalendarAction, request("/panel/calendar", { cookie: users.panelist!.cookie, form: { intent: "renewFeed" } }));
    expect(res.status).toBe(200);
    const url = dataOf<{ url: string }>(res).url;
    const ics = await body(await fetchFeed(url)).text();
    expect(ics).toContain(titles.panel);
    expect(ics).toContain(titles.others);
    expect(ics).toContain("/panel/hearings/");
    for (const t of [titles.recused, titles.mine, titles.onMyCase]) expect(ics).not.toContain(t);
    expect(ics).not.toContain("VALUE=DATE");
  });

  test("a panelist's feed names a hearing's cases only once the no-conflict declaration is signed", async () => {
    const panelistId = (await prisma.user.findUniqueOrThrow({ where: { id: users.panelist!.id } })).panelistId!;
    const kase = await createCase({ procuratorateId: P, leadProsecutorId: users.colleague!.id, title: "简报内案件名称" });
    const { id } = await hearing(P, users.colleague!.id, "待签署声明的听证", {
      cases: { create: [{ caseId: kase.id, ordinal: 1 }] },
      panelists: { create: [{ panelistId }] },
    });
    const res = await callAction(panelCalendarAction, request("/panel/calendar", { cookie: users.panelist!.cookie, form: { intent: "renewFeed" } }));
    const url = dataOf<{ url: string }>(res).url;
    const before = await body(await fetchFeed(url)).text();
    expect(before).toContain("待签署声明的听证");
    expect(before).not.toContain("简报内案件名称");
    await prisma.hearingPanelist.update({ where: { hearingId_panelistId: { hearingId: id, panelistId } }, data: { declaredAt: new Date() } });
    expect(await body(await fetchFeed(url)).text()).toContain("简报内案件名称");
  });

  test("the feed form refuses bad input (400) and staff cannot use the panel page (403)", async () => {
    const bad = await callAction(staffCalendarAction, request("/calendar", { cookie: users.me!.cookie, form: { intent: "other" } }));
    expect(bad.status).toBe(400);
    expect((await callLoader(panelCalendarLoader, request("/panel/calendar", { cookie: users.me!.cookie }))).status).toBe(403);
  });
});
