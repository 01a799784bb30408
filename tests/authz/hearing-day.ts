import { createHash } from "node:crypto";
import type { Expectations, Outcome, ParamContext, Who, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { procuratorates, someUser, tag } from "#tests/authz/write-fixtures";

// Authorization matrix entries of the hearing day, the hearing record and the calendar (issue 9
// items 6 and 8). In scope: a hearing of the demo procuratorate (桂); out of scope: one of 郴.

async function hearingParams({ db }: ParamContext) {
  const find = (shortName: string) =>
    db.hearing.findFirst({ where: { procuratorate: { shortName } }, orderBy: { startsAt: "asc" }, select: { id: true } });
  const [inScope, outOfScope] = await Promise.all([find("桂"), find("郴")]);
  if (!inScope) throw new Error("the demo seed has no hearing of 桂");
  return { inScope: { hearingId: inScope.id }, ...(outOfScope ? { outOfScope: { hearingId: outOfScope.id } } : {}) };
}

/** The host opens a notified hearing of 桂 (the posting prosecutor hosts it) and one of 郴. */
const openWrites: WriteRow[] = [
  {
    name: "open a hearing as its host",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async ({ db, userId }) => {
      const p = await procuratorates(db);
      const target = async (procuratorateId: string, hostId: string) => {
        const hearing = await db.hearing.create({
          data: {
            procuratorateId,
            title: `矩阵测试听证日 ${tag()}`,
            venue: "矩阵测试听证室",
            startsAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
            status: "notified",
            hostId,
          },
          select: { id: true },
        });
        return {
          params: { hearingId: hearing.id },
          form: { intent: "open" },
          state: async () => ({
            hearing: await db.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { status: true, stage: true } }),
            stages: await db.hearingStageRecord.count({ where: { hearingId: hearing.id } }),
          }),
        };
      };
      return {
        outOfScope: await target(p.outOfScope, await someUser(db, p.outOfScope)),
        inScope: await target(p.inScope, userId!),
      };
    },
  },
];

// A fixed token for the demo prosecutor's feed, stored the way the app stores it (its SHA-256).
const FEED_TOKEN = "matrixFeedToken_matrixFeedToken_matrixFeedT".slice(0, 43);

async function feedParams({ db }: ParamContext) {
  const user = await db.user.findUniqueOrThrow({ where: { username: "prosecutor" }, select: { id: true } });
  const tokenHash = createHash("sha256").update(FEED_TOKEN).digest("hex");
  await db.calendarFeed.upsert({ where: { userId: user.id }, create: { userId: user.id, tokenHash }, update: { tokenHash } });
  // Out of scope: a token no feed holds (unknown, or renewed away).
  return { inScope: { file: `${FEED_TOKEN}.ics` }, outOfScope: { file: `${"x".repeat(43)}.ics` } };
}

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  prosecutor: outcome,
  approver: outcome,
  admin: outcome,
  panelist: outcome,
  agency: outcome,
});

export const expectations: Expectations = {
  // The hearing day: staff who read hearings reach it; within the hearing only its host (the order
  // of business) or clerk (minutes, attendance) acts, whatever their role (an approver may host,
  // 听证规定 Art 13): an empty form is 400.
  "routes/_staff.hearings.$hearingId.day": {
    params: hearingParams,
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400, approver: 400 }),
    writes: openWrites,
  },
  "routes/_staff.hearings.$hearingId.record": { params: hearingParams, loader: only({ prosecutor: 200, approver: 200 }) },
  // The calendar: staff who read hearings; the feed form (calendar:feed) writes only the actor's own feed.
  "routes/_staff.calendar": {
    loader: only({ prosecutor: 200, approver: 200 }),
    action: only({ prosecutor: 400, approver: 400 }),
    writes: { none: "creates or renews the actor's own calendar feed; the form names no record" },
  },
  "routes/panel.calendar": {
    loader: only({ panelist: 200 }),
    action: only({ panelist: 400 }),
    writes: { none: "creates or renews the actor's own calendar feed; the form names no record" },
  },
  // The .ics feed needs no session: the secret token is the credential, for anyone holding it;
  // an unknown token answers 404 to everyone.
  "routes/feeds.$file": { params: feedParams, loader: everyone(200), outOfScope: everyone(404) },
};
