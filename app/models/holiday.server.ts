import type { HolidayInput } from "~/domain/admin/schemas";
import type { IsoDate } from "~/domain/deadlines/dates";
import { yearOf } from "~/domain/deadlines/dates";
import { createCalendar, packageHasYear } from "~/domain/deadlines/calendar";
import { refreshDeadlinesForDates } from "~/models/deadline.server";
import { recordAudit } from "~/models/audit.server";
import type { FieldFailure } from "~/models/invitation.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

/** The years the holiday page reports on: the package's first year to a few years ahead. */
export const HOLIDAY_REPORT_FROM = 2004;
export const HOLIDAY_REPORT_TO = 2030;

/** Rows that apply to a procuratorate: its own, and the global ones (procuratorateId null). */
function applicable(procuratorateId: string) {
  return { OR: [{ procuratorateId }, { procuratorateId: null }] };
}

const packaged = createCalendar([]);

/** The holiday rows of a procuratorate (and global rows), each with what the packaged data says of that day. */
export async function listHolidayOverrides(procuratorateId: string) {
  const rows = await prisma.holidayOverride.findMany({
    where: applicable(procuratorateId),
    orderBy: { date: "desc" },
    select: { id: true, date: true, kind: true, name: true, procuratorateId: true, createdAt: true },
  });
  return rows.map((row) => {
    const day = packaged.day(row.date);
    return {
      ...row,
      own: row.procuratorateId === procuratorateId,
      packaged: {
        known: day.source === "package",
        working: day.working,
        kind: day.kind,
        nameZh: day.nameZh,
        nameEn: day.nameEn,
      },
    };
  });
}

/**
 * Which years have holiday data: from the `chinese-days` package, or entered here. A year from
 * this one to the next without either needs entries, or every weekday of it counts as a working
 * day in deadlines.
 */
export async function holidayCoverage(procuratorateId: string, today: IsoDate) {
  const rows = await prisma.holidayOverride.findMany({
    where: applicable(procuratorateId),
    select: { date: true, kind: true, name: true, procuratorateId: true },
  });
  const calendar = createCalendar(rows);
  const currentYear = yearOf(today);
  const to = Math.max(HOLIDAY_REPORT_TO, currentYear + 1);
  const years: { year: number; packaged: boolean; manual: number; covered: boolean }[] = [];
  for (let year = HOLIDAY_REPORT_FROM; year <= to; year++) {
    years.push({
      year,
      packaged: packageHasYear(year),
      manual: rows.filter((r) => yearOf(r.date) === year).length,
      covered: calendar.hasYear(year),
    });
  }
  const packagedYears = years.filter((y) => y.packaged).map((y) => y.year);
  const soon = years.filter((y) => y.year >= currentYear && y.year <= currentYear + 1);
  return {
    currentYear,
    years,
    packagedFrom: packagedYears.length ? Math.min(...packagedYears) : null,
    packagedTo: packagedYears.length ? Math.max(...packagedYears) : null,
    /** This year and the next, when they have no data at all. */
    needsEntries: soon.filter((y) => !y.covered).map((y) => y.year),
    /** This year and the next, when only entries made here exist: complete only if someone entered the whole notice. */
    partial: soon.filter((y) => y.covered && !y.packaged).map((y) => ({ year: y.year, entries: y.manual })),
  };
}

export async function addHolidayOverride(
  procuratorateId: string,
  actorId: string,
  input: HolidayInput
): Promise<{ ok: true; id: string } | FieldFailure> {
  return prisma.$transaction(async (tx) => {
    const clash = await tx.holidayOverride.findFirst({
      where: { procuratorateId, date: input.date },
      select: { id: true },
    });
    if (clash) return { ok: false, field: "date", message: "admin.holiday.dateTaken" } satisfies FieldFailure;
    const row = await tx.holidayOverride.create({
      data: { procuratorateId, date: input.date, kind: input.kind, name: input.name, createdById: actorId },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "holiday.add",
      entityType: "HolidayOverride",
      entityId: row.id,
      data: { date: row.date, kind: row.kind, name: row.name },
    });
    // A rest day moves due dates: the stored deadlines it can move are recomputed with it.
    await refreshDeadlinesForDates(tx, procuratorateId, [row.date]);
    return { ok: true as const, id: row.id };
  });
}

/** Deletes one of the procuratorate's own rows; global rows and other procuratorates' are not found. */
export async function deleteHolidayOverride(procuratorateId: string, actorId: string, holidayId: string) {
  await prisma.$transaction(async (tx) => {
    const row = await tx.holidayOverride.findFirst({ where: { id: holidayId, procuratorateId } });
    if (!row) notFound();
    await tx.holidayOverride.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "holiday.delete",
      entityType: "HolidayOverride",
      entityId: row.id,
      data: { date: row.date, kind: row.kind, name: row.name },
    });
    await refreshDeadlinesForDates(tx, procuratorateId, [row.date]);
  });
}
