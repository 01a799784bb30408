import { normalizePhone } from "~/domain/common/phone";
import type { SignUpRefusal } from "~/domain/hearing/observer-schema";
import {
  observerSignUpRefusal,
  SEAT_HOLDING_STATUSES,
  seatsLeft,
  signUpRateLimited,
  signUpWindowStart,
} from "~/domain/hearing/observer-schema";
import { isFinishedHearing, splitUpcomingPast } from "~/domain/hearing/schedule";
import type { RedactionTerms } from "~/domain/privacy/redact";
import { redactPublicText } from "~/domain/privacy/redact";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Public pages: only hearings that are public (听证规定 Art 5) and whose 听证公告 has been
// published (announcedAt set, 听证规定 Art 10(4)). Every query carries that filter, so a closed
// or unannounced hearing answers "not found". Nothing but the announcement is public (DOMAIN §5).

/** The filter every public query carries: the public scope. */
const PUBLISHED = { isPublic: true, announcedAt: { not: null } } as const;

/**
 * The people whose names the public text of each hearing must not show (DOMAIN.md §5: redaction
 * before any public notice): its participants, panelists and observers, and the informants of
 * the clues its cases came from (an informant's identity is never public).
 */
async function redactionTerms(hearingIds: string[]): Promise<Map<string, string[]>> {
  const terms = new Map<string, string[]>(hearingIds.map((id) => [id, []]));
  if (!hearingIds.length) return terms;
  const where = { hearingId: { in: hearingIds } };
  const [participants, panelists, observers, cases] = await Promise.all([
    prisma.hearingParticipant.findMany({ where, select: { hearingId: true, name: true } }),
    prisma.hearingPanelist.findMany({ where, select: { hearingId: true, panelist: { select: { name: true } } } }),
    prisma.hearingObserverRequest.findMany({ where, select: { hearingId: true, name: true } }),
    prisma.hearingCase.findMany({
      where,
      select: { hearingId: true, case: { select: { clue: { select: { informantName: true } } } } },
    }),
  ]);
  const add = (hearingId: string, name: string | null | undefined) => {
    if (name) terms.get(hearingId)?.push(name);
  };
  for (const p of participants) add(p.hearingId, p.name);
  for (const p of panelists) add(p.hearingId, p.panelist.name);
  for (const o of observers) add(o.hearingId, o.name);
  for (const c of cases) add(c.hearingId, c.case.clue?.informantName);
  return terms;
}

/** Published announcements of all procuratorates: coming hearings first (soonest first), then past. */
export async function listPublicHearings(now: Date) {
  const rows = await prisma.hearing.findMany({
    where: PUBLISHED,
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      status: true,
      announcedAt: true,
      contactPhone: true,
      procuratorate: { select: { name: true, phone: true } },
    },
  });
  const terms = await redactionTerms(rows.map((h) => h.id));
  const list = rows.map((h) => ({
    id: h.id,
    title: redactPublicText(h.title, { names: terms.get(h.id) ?? [], keepPhones: [h.contactPhone, h.procuratorate.phone] }),
    venue: h.venue,
    startsAt: h.startsAt,
    endsAt: h.endsAt,
    status: h.status,
    announcedAt: h.announcedAt,
    procuratorate: h.procuratorate.name,
  }));
  return splitUpcomingPast(list, (h) => !isFinishedHearing(h.status) && h.startsAt.getTime() > now.getTime());
}

const CHINESE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/**
 * The paragraphs of a 听证公告's body. Staff often type the whole notice, with the issuing
 * procuratorate and the title on top and the signature (issuer and date) below; the page prints
 * those itself in the official layout, so they are taken off here rather than shown twice.
 */
export function announcementParagraphs(text: string | null, procuratorate: string): string[] {
  const lines = (text ?? "").split(/\r?\n/).map((l) => l.trim());
  const isHeader = (l: string) => l === "" || l === procuratorate || l === "听证公告";
  const isSignature = (l: string) => l === "" || l === procuratorate || CHINESE_DATE.test(l);
  let start = 0;
  while (start < lines.length && isHeader(lines[start]!)) start++;
  let end = lines.length;
  while (end > start && isSignature(lines[end - 1]!)) end--;
  return lines.slice(start, end).filter((l) => l !== "");
}

/** One published announcement with the state of observer sign-up; throws 404 when not public. */
export async function getPublicHearing(hearingId: string, now: Date) {
  const h = await prisma.hearing.findFirst({
    where: { id: hearingId, ...PUBLISHED },
    select: {
      id: true,
      title: true,
      announcement: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      status: true,
      announcedAt: true,
      contactPhone: true,
      observerSeats: true,
      host: { select: { displayName: true } },
      procuratorate: { select: { name: true, address: true, phone: true } },
      _count: { select: { observerRequests: { where: { status: { in: [...SEAT_HOLDING_STATUSES] } } } } },
    },
  });
  if (!h) notFound();
  const seatsTaken = h._count.observerRequests;
  const redaction: RedactionTerms = {
    names: (await redactionTerms([h.id])).get(h.id) ?? [],
    keepPhones: [h.contactPhone, h.procuratorate.phone],
  };
  return {
    id: h.id,
    title: redactPublicText(h.title, redaction),
    paragraphs: announcementParagraphs(h.announcement, h.procuratorate.name).map((p) => redactPublicText(p, redaction)),
    venue: h.venue,
    startsAt: h.startsAt,
    endsAt: h.endsAt,
    status: h.status,
    announcedAt: h.announcedAt,
    contactPhone: h.contactPhone ?? h.procuratorate.phone,
    host: h.host.displayName,
    procuratorate: h.procuratorate.name,
    procuratorateAddress: h.procuratorate.address,
    observerSeats: h.observerSeats,
    seatsLeft: seatsLeft(h.observerSeats, seatsTaken),
    refusal: observerSignUpRefusal({
      status: h.status,
      startsAt: h.startsAt,
      now,
      observerSeats: h.observerSeats,
      seatsTaken,
    }),
  };
}

export type ObserverRequestResult =
  | { ok: true; id: string; duplicate: boolean }
  | { ok: false; refusal: SignUpRefusal };

/**
 * Records a member of the public's request to observe. The seat count and the hearing's state
 * are checked inside the same transaction as the write, so two requests cannot both take the
 * last seat. The audit event has no actor (anonymous) and no personal data.
 *
 * Each address may make OBSERVER_SIGNUP_LIMIT.perAddress requests an hour (across hearings):
 * the requests already stored from `ip` are counted in the same write transaction, so concurrent
 * requests from one address cannot all pass the count. Without an address (no socket address was
 * given, as in some tests) there is nothing to count by.
 * Throws 404 when the hearing is not public and announced.
 */
export async function createObserverRequest(
  hearingId: string,
  /** Parsed by observerRequestSchema (trimmed, phone normalised). */
  input: { name: string; phone: string; organisation?: string | null },
  now: Date,
  ip: string | null
): Promise<ObserverRequestResult> {
  return prisma.$transaction(async (tx) => {
    const h = await tx.hearing.findFirst({
      where: { id: hearingId, ...PUBLISHED },
      select: { id: true, procuratorateId: true, status: true, startsAt: true, observerSeats: true },
    });
    if (!h) notFound();
    if (ip) {
      const recent = await tx.hearingObserverRequest.count({ where: { ip, createdAt: { gte: signUpWindowStart(now) } } });
      if (signUpRateLimited(recent)) return { ok: false as const, refusal: "rateLimited" as const };
    }
    // The same telephone number asking again gets the request it already has: one person, one seat.
    // Numbers are compared in canonical form (+8613800000002 is 13800000002), stored ones too, so
    // requests written before the canonical form existed are still recognised.
    const phone = normalizePhone(input.phone);
    const holding = await tx.hearingObserverRequest.findMany({
      where: { hearingId: h.id, status: { in: [...SEAT_HOLDING_STATUSES] } },
      select: { id: true, phone: true },
    });
    const existing = holding.find((r) => normalizePhone(r.phone) === phone);
    if (existing) return { ok: true as const, id: existing.id, duplicate: true };
    const seatsTaken = holding.length;
    const refusal = observerSignUpRefusal({
      status: h.status,
      startsAt: h.startsAt,
      now,
      observerSeats: h.observerSeats,
      seatsTaken,
    });
    if (refusal) return { ok: false as const, refusal };
    const row = await tx.hearingObserverRequest.create({
      data: {
        hearingId: h.id,
        name: input.name,
        phone,
        organisation: input.organisation ?? null,
        status: "pending",
        ip,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      procuratorateId: h.procuratorateId,
      actorId: null,
      action: "hearing.observer_request",
      entityType: "HearingObserverRequest",
      entityId: row.id,
      data: { hearingId: h.id },
    });
    return { ok: true as const, id: row.id, duplicate: false };
  });
}
