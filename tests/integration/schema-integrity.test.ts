import { beforeAll, describe, expect, test } from "vitest";
import { createProcuratorate, createUser } from "#tests/factories";
import { recordAudit, verifyAuditChain } from "~/models/audit.server";
import { byteCount } from "~/utils/bytes";
import { prisma } from "~/utils/db.server";

// Schema integrity (issue 5 §3, docs/decisions/0009-schema-integrity.md), on a copy of the seeded
// database: foreign keys for every ...Id column, uniques that hold when their scope is NULL, 文号
// unique within a procuratorate, and byte counts beyond 32 bits.

type ForeignKey = { table: string; from: string; to: string };

/** The application's tables (not Prisma's or SQLite's own). */
async function tableNames(): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'",
  );
  return rows.map((r) => r.name);
}

/** Every foreign key in the database, as SQLite reports it. */
async function foreignKeys(): Promise<ForeignKey[]> {
  const out: ForeignKey[] = [];
  for (const name of await tableNames()) {
    const rows = await prisma.$queryRawUnsafe<{ from: string; table: string }[]>(
      `SELECT "from", "table" FROM pragma_foreign_key_list('${name}')`,
    );
    out.push(...rows.map((r) => ({ table: name, from: r.from, to: r.table })));
  }
  return out;
}

let P: string;
let Q: string;
let userP: string;
let userQ: string;

async function makeCase(procuratorateId: string, leadProsecutorId: string, title: string) {
  return prisma.case.create({
    data: { procuratorateId, title, field: "ecology", state: "recommending", leadProsecutorId },
  });
}

function recommendation(caseId: string, procuratorateId: string, createdById: string, number: string | null) {
  return prisma.recommendation.create({
    data: { caseId, procuratorateId, number, facts: "事实", reasons: "理由", legalBasis: "依据", createdById },
  });
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "完整性测试县人民检察院", shortName: "整" })).id;
  Q = (await createProcuratorate({ name: "完整性另一县人民检察院", shortName: "另" })).id;
  userP = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  userQ = (await createUser({ role: "prosecutor", procuratorateId: Q })).id;
});

describe("foreign keys", () => {
  // AuditEvent.entityId is polymorphic; Deadline.ruleId names a rule of app/domain/deadlines/rules.ts.
  // The search index and the case counters are derived data, written only by triggers from rows
  // that have their keys (docs/decisions/0013); SearchDoc.entityId is polymorphic too.
  const NOT_FOREIGN = new Set([
    "AuditEvent.entityId",
    "GeneratedDocument.subjectId", // polymorphic: the record named by subjectType (DOCUMENT_SUBJECTS)
    "Deadline.ruleId",
    "SearchDoc.docId", // its own key, the rowid of the FTS5 rows
    "SearchDoc.entityId",
    "SearchDoc.procuratorateId",
    "SearchDoc.caseId",
    "CaseCount.procuratorateId",
    "CaseYearCount.procuratorateId",
  ]);
  test("every ...Id column has a foreign key, except the polymorphic AuditEvent.entityId and rule ids", async () => {
    const keys = await foreignKeys();
    const has = new Set(keys.map((k) => `${k.table}.${k.from}`));
    const tables = await tableNames();
    expect(tables).toEqual(expect.arrayContaining(["Case", "CaseTransition", "HearingEvidence", "AuditEvent"]));
    const missing: string[] = [];
    for (const table of tables) {
      const cols = await prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${table}')`);
      for (const { name } of cols) {
        if (/.Id$/.test(name) && !has.has(`${table}.${name}`) && !NOT_FOREIGN.has(`${table}.${name}`)) {
          missing.push(`${table}.${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // The ten that had none before, by name.
    for (const col of [
      "CaseTransition.actorId",
      "CaseTransition.approvalId",
      "Evidence.createdById",
      "Consultation.createdById",
      "HearingEvidence.disclosedById",
      "Recommendation.createdById",
      "Service.createdById",
      "FollowUp.createdById",
      "HolidayOverride.createdById",
      "DocumentTemplateVersion.createdById",
    ]) {
      expect(has, col).toContain(col);
    }
  });

  test("the seeded demo data satisfies every foreign key, and they are enforced", async () => {
    expect(await prisma.$queryRawUnsafe("PRAGMA foreign_key_check")).toEqual([]);
    const [pragma] = await prisma.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(Number(pragma?.foreign_keys)).toBe(1);
  });

  test("a transition by an unknown actor, or citing an unknown approval, is refused", async () => {
    const kase = await makeCase(P, userP, "外键测试案件");
    const transition = (actorId: string, approvalId: string | null) =>
      prisma.caseTransition.create({
        data: { caseId: kase.id, fromState: "evaluation", toState: "filed", actorId, approvalId },
      });
    await expect(transition("no-such-user", null)).rejects.toMatchObject({ code: "P2003" });
    await expect(transition(userP, "no-such-approval")).rejects.toMatchObject({ code: "P2003" });
    await expect(transition(userP, null)).resolves.toMatchObject({ actorId: userP });
  });

  test("a disclosure by an unknown user is refused", async () => {
    const kase = await makeCase(P, userP, "披露测试案件");
    const evidence = await prisma.evidence.create({
      data: { caseId: kase.id, ordinal: 1, title: "照片", kind: "audiovisual", createdById: userP },
    });
    const hearing = await prisma.hearing.create({
      data: { procuratorateId: P, title: "披露测试听证", venue: "听证室", startsAt: new Date(), hostId: userP },
    });
    await expect(
      prisma.hearingEvidence.create({ data: { hearingId: hearing.id, evidenceId: evidence.id, disclosedById: "nobody" } }),
    ).rejects.toMatchObject({ code: "P2003" });
    await expect(
      prisma.hearingEvidence.create({ data: { hearingId: hearing.id, evidenceId: evidence.id, disclosedById: userP } }),
    ).resolves.toMatchObject({ disclosedById: userP });
  });
});

describe("uniques whose scope is NULL (shared rows)", () => {
  test("a second packaged template of one kind is refused; a procuratorate's own one is not", async () => {
    // The seeded database has the packaged templates registered (scripts/templates-register.ts).
    if ((await prisma.documentTemplate.count({ where: { procuratorateId: null, kind: "hearing_notice" } })) === 0) {
      await prisma.documentTemplate.create({ data: { procuratorateId: null, kind: "hearing_notice", name: "听证通知书" } });
    }
    await expect(
      prisma.documentTemplate.create({ data: { procuratorateId: null, kind: "hearing_notice", name: "听证通知书（副本）" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      prisma.documentTemplate.create({ data: { procuratorateId: P, kind: "hearing_notice", name: "本院听证通知书" } }),
    ).resolves.toMatchObject({ procuratorateId: P });
    await expect(
      prisma.documentTemplate.create({ data: { procuratorateId: P, kind: "hearing_notice", name: "本院第二份" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(await prisma.documentTemplate.count({ where: { procuratorateId: null, kind: "hearing_notice" } })).toBe(1);
  });

  test("a second shared holiday override of one date is refused; a procuratorate's own one is not", async () => {
    await prisma.holidayOverride.create({ data: { procuratorateId: null, date: "2031-01-01", kind: "holiday", name: "元旦" } });
    await expect(
      prisma.holidayOverride.create({ data: { procuratorateId: null, date: "2031-01-01", kind: "workday", name: "重复" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      prisma.holidayOverride.create({ data: { procuratorateId: P, date: "2031-01-01", kind: "holiday", name: "元旦" } }),
    ).resolves.toMatchObject({ procuratorateId: P });
    expect(await prisma.holidayOverride.count({ where: { procuratorateId: null, date: "2031-01-01" } })).toBe(1);
  });
});

describe("文号 unique within a procuratorate", () => {
  test("a recommendation's 文号 used in another case of the same procuratorate is refused", async () => {
    const a = await makeCase(P, userP, "文号测试案件甲");
    const b = await makeCase(P, userP, "文号测试案件乙");
    const number = "整检行公建〔2026〕1号";
    await recommendation(a.id, P, userP, number);
    await expect(recommendation(b.id, P, userP, number)).rejects.toMatchObject({ code: "P2002" });
    // Unnumbered drafts do not collide.
    await recommendation(a.id, P, userP, null);
    await recommendation(b.id, P, userP, null);
  });

  test("the same 文号 in another procuratorate is allowed", async () => {
    const mine = await makeCase(P, userP, "文号测试案件丙");
    const theirs = await makeCase(Q, userQ, "文号测试案件丁");
    const number = "检行公建〔2026〕2号";
    await recommendation(mine.id, P, userP, number);
    await expect(recommendation(theirs.id, Q, userQ, number)).resolves.toMatchObject({ procuratorateId: Q, number });
  });

  test("a recommendation cannot claim a procuratorate other than its case's", async () => {
    const kase = await makeCase(P, userP, "文号测试案件戊");
    await expect(recommendation(kase.id, Q, userP, "另检行公建〔2026〕9号")).rejects.toMatchObject({ code: "P2003" });
  });

  test("a generated document's 文号 is unique within its procuratorate, not across them", async () => {
    const doc = (procuratorateId: string, createdById: string, number: string | null) =>
      prisma.generatedDocument.create({
        data: { procuratorateId, kind: "filing_decision", number, title: "立案决定书", sha256: "0".repeat(64), size: 1, createdById },
      });
    await doc(P, userP, "整检行公立〔2026〕3号");
    await expect(doc(P, userP, "整检行公立〔2026〕3号")).rejects.toMatchObject({ code: "P2002" });
    await expect(doc(Q, userQ, "整检行公立〔2026〕3号")).resolves.toMatchObject({ procuratorateId: Q });
    await doc(P, userP, null);
    await doc(P, userP, null);
  });
});

describe("file sizes beyond 32 bits", () => {
  const THREE_GIB = 3n * 1024n ** 3n;

  test("a 3 GiB size round-trips through EvidenceFile, ReplyAttachment and GeneratedDocument", async () => {
    const kase = await makeCase(P, userP, "大文件测试案件");
    const evidence = await prisma.evidence.create({
      data: { caseId: kase.id, ordinal: 1, title: "执法记录仪视频", kind: "audiovisual", createdById: userP },
    });
    const file = await prisma.evidenceFile.create({
      data: { evidenceId: evidence.id, sha256: "a".repeat(64), size: THREE_GIB, mimeType: "video/mp4", originalName: "记录.mp4" },
    });
    expect((await prisma.evidenceFile.findUniqueOrThrow({ where: { id: file.id } })).size).toBe(THREE_GIB);

    const agency = await prisma.agency.create({ data: { procuratorateId: P, name: "大文件测试县自然资源局" } });
    const rec = await recommendation(kase.id, P, userP, "整检行公建〔2026〕7号");
    const reply = await prisma.reply.create({ data: { recommendationId: rec.id, agencyId: agency.id, summary: "整改情况" } });
    const attachment = await prisma.replyAttachment.create({
      data: { replyId: reply.id, sha256: "b".repeat(64), size: THREE_GIB + 1n, mimeType: "video/mp4", originalName: "整改.mp4" },
    });
    expect((await prisma.replyAttachment.findUniqueOrThrow({ where: { id: attachment.id } })).size).toBe(THREE_GIB + 1n);

    const doc = await prisma.generatedDocument.create({
      data: { procuratorateId: P, kind: "hearing_record", title: "听证笔录", sha256: "c".repeat(64), size: THREE_GIB, createdById: userP },
    });
    const read = await prisma.generatedDocument.findUniqueOrThrow({ where: { id: doc.id } });
    expect(read.size).toBe(THREE_GIB);
    // What a loader hands to a page: a plain number, exact.
    expect(byteCount(read.size)).toBe(3 * 1024 ** 3);
    expect(JSON.parse(JSON.stringify({ size: byteCount(read.size) }))).toEqual({ size: 3221225472 });
  });

  test("an audit event can record a bigint size", async () => {
    const event = await prisma.$transaction((tx) =>
      recordAudit(tx, {
        procuratorateId: P,
        actorId: userP,
        action: "evidence.file.add",
        entityType: "EvidenceFile",
        entityId: "file-3gib",
        data: { size: THREE_GIB, huge: 2n ** 64n },
      }),
    );
    expect(JSON.parse(event.data!)).toEqual({ size: 3221225472, huge: "18446744073709551616" });
    expect(await verifyAuditChain(prisma)).toBeNull();
  });
});
