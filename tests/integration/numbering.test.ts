import { describe, expect, it } from "vitest";
import { callAction, callLoader, cookieFor, createProcuratorate, request } from "#tests/factories";
import { action, loader } from "~/routes/_staff.admin.numbering";
import { allocateDocumentNumber, allocateRegisterNumber, allocateSeq } from "~/models/numbering.server";
import { prisma } from "~/utils/db.server";

describe("the number allocator", () => {
  it("gives exactly 1..50 to 50 concurrent allocations of one (procuratorate, code, year)", async () => {
    const p = await createProcuratorate({ name: "编号并发测试院", shortName: "并" });
    const seqs = await Promise.all(
      Array.from({ length: 50 }, () =>
        prisma.$transaction((tx) => allocateSeq(tx, { procuratorateId: p.id, code: "行公建", year: 2026 }), {
          maxWait: 30_000,
        }),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const counter = await prisma.documentNumberCounter.findUniqueOrThrow({
      where: { procuratorateId_code_year: { procuratorateId: p.id, code: "行公建", year: 2026 } },
    });
    expect(counter.last).toBe(50);
  });

  it("starts at 1 in a new year and keeps codes and procuratorates apart", async () => {
    const p = await createProcuratorate({ name: "编号跨年测试院", shortName: "跨" });
    const q = await createProcuratorate({ name: "编号另一测试院", shortName: "另" });
    const next = (procuratorateId: string, code: string, year: number) =>
      prisma.$transaction((tx) => allocateSeq(tx, { procuratorateId, code, year }));
    expect(await next(p.id, "行公建", 2026)).toBe(1);
    expect(await next(p.id, "行公建", 2026)).toBe(2);
    expect(await next(p.id, "行公建", 2027)).toBe(1);
    expect(await next(p.id, "行公终", 2026)).toBe(1);
    expect(await next(q.id, "行公建", 2026)).toBe(1);
  });

  it("a rolled-back transaction gives its number back (no gap)", async () => {
    const p = await createProcuratorate({ name: "编号回滚测试院", shortName: "滚" });
    await prisma
      .$transaction(async (tx) => {
        await allocateSeq(tx, { procuratorateId: p.id, code: "行公建", year: 2026 });
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(await prisma.$transaction((tx) => allocateSeq(tx, { procuratorateId: p.id, code: "行公建", year: 2026 }))).toBe(1);
  });

  it("numbers a document kind only when a code is configured; never invents one", async () => {
    const gy = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } });
    const rec = await prisma.$transaction((tx) => allocateDocumentNumber(tx, gy.id, "recommendation", 2026));
    // The demo issued 桂检行公建〔2026〕1–4号.
    expect(rec?.number).toBe("桂检行公建〔2026〕5号");
    const closure = await prisma.$transaction((tx) => allocateDocumentNumber(tx, gy.id, "closure_decision", 2026));
    expect(closure).toBeNull();
  });

  it("register numbers continue after the highest number already on file, under their own key", async () => {
    const gy = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } });
    const numbered = await prisma.case.findMany({
      where: { procuratorateId: gy.id, number: { startsWith: "2026-行公-" } },
      select: { number: true },
    });
    const max = Math.max(...numbered.map((c) => Number(c.number!.slice(-3))));
    const first = await prisma.$transaction((tx) => allocateRegisterNumber(tx, gy.id, 2026));
    const second = await prisma.$transaction((tx) => allocateRegisterNumber(tx, gy.id, 2026));
    expect(first).toBe(`2026-行公-${String(max + 1).padStart(3, "0")}`);
    expect(second).toBe(`2026-行公-${String(max + 2).padStart(3, "0")}`);
    // A fresh procuratorate starts at 001.
    const p = await createProcuratorate({ name: "立案编号测试院", shortName: "立" });
    expect(await prisma.$transaction((tx) => allocateRegisterNumber(tx, p.id, 2026))).toBe("2026-行公-001");
  });
});

describe("/admin/numbering", () => {
  const post = async (form: Record<string, string>) =>
    callAction(action, request("/admin/numbering", { cookie: await cookieFor("admin"), form }));

  it("lists each document kind with its code; only 行公建 is preset", async () => {
    const r = await callLoader(loader, request("/admin/numbering", { cookie: await cookieFor("admin") }));
    const d = (r.kind === "data" ? r.data : null) as { rows: { kind: string; code: string | null }[] } | null;
    expect(d?.rows.filter((x) => x.code).map((x) => [x.kind, x.code])).toEqual([["recommendation", "行公建"]]);
  });

  it("an administrator sets a code with its audit event; the kind is then numbered", async () => {
    const gy = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } });
    const r = await post({ kind: "closure_decision", code: "行公终" });
    expect(r.status).toBe(302);
    expect(await prisma.documentNumberCode.findUnique({ where: { procuratorateId_kind: { procuratorateId: gy.id, kind: "closure_decision" } } })).toMatchObject({ code: "行公终" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "numbering.code.set" }, orderBy: { at: "desc" } });
    expect(JSON.parse(event.data ?? "{}")).toEqual({ kind: "closure_decision", before: null, after: "行公终" });
    const n = await prisma.$transaction((tx) => allocateDocumentNumber(tx, gy.id, "closure_decision", 2026));
    expect(n?.number).toBe("桂检行公终〔2026〕1号");
    // An empty code removes it again.
    expect((await post({ kind: "closure_decision", code: "" })).status).toBe(302);
    expect(await prisma.$transaction((tx) => allocateDocumentNumber(tx, gy.id, "closure_decision", 2026))).toBeNull();
  });

  it("refuses a bad code or an unknown kind with 400 and writes nothing", async () => {
    const events = await prisma.auditEvent.count();
    const codes = await prisma.documentNumberCode.count();
    for (const form of [{ kind: "closure_decision", code: "行公〔终" }, { kind: "invented_kind", code: "行公" }]) {
      const r = await post(form);
      expect(r.status).toBe(400);
    }
    expect(await prisma.auditEvent.count()).toBe(events);
    expect(await prisma.documentNumberCode.count()).toBe(codes);
  });
});
