import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { ApprovalKind } from "~/domain/case/lifecycle";
import { transitionOf } from "~/domain/case/lifecycle";
import type { CaseField, CaseState } from "~/domain/case/states";
import type { AuditInput } from "~/models/audit.server";
import { auditPayload, chainHash, recordAudit, touchCase } from "~/models/audit.server";
import type { Prisma, Tx } from "~/utils/db.server";
import type { CaseMemberRole } from "~/domain/case/members";
import type { CustodyAction, EvidenceKind, EvidenceSource } from "~/domain/evidence/kinds";
import { MIN_COLLECTING_STAFF } from "~/domain/evidence/kinds";

// Helpers shared by the demo-scenario modules. Everything here is deterministic: dates are fixed
// literals in Asia/Shanghai time, and "random" layouts come from a fixed-seed generator.

/** "2022-06-09 09:00" (Asia/Shanghai wall time) → instant. */
export function t(local: string): Date {
  const [day, time = "09:00"] = local.split(" ");
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

/** The Asia/Shanghai calendar date ("YYYY-MM-DD") of an instant. */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

/** A fixed-seed linear congruential generator: the same sequence on every run. */
export function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A well-formed (checksummed) but fictitious 18-digit resident ID number. */
export function fakeIdNumber(region: string, birth: string, seq: number): string {
  const body = `${region}${birth.replaceAll("-", "")}${String(seq).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * (weights[i] ?? 0), 0);
  return body + "10X98765432"[sum % 11];
}

/** Verbs used in approval subjects ("提请立案：…"). */
const APPROVAL_VERB: Record<string, string> = {
  filing: "立案",
  not_filing: "不立案",
  recommendation: "制发检察建议",
  closure: "终结案件",
  suit: "提起诉讼",
  suspension: "中止审查",
  resumption: "恢复审查",
  extension: "延长期限",
  hearing: "召开听证",
};

export type Step = {
  to: CaseState;
  at: string; // Asia/Shanghai wall time of the change
  reason?: string;
  /** For edges that need an approval: override who decided and when it was asked for. */
  requestedAt?: string;
  comment?: string;
};

export type CaseSpec = {
  procuratorateId: string;
  seriesId?: string;
  clueId?: string;
  /**
   * Internal register number of the demo ("2022-行公-001"). Not an official 文号: DOMAIN.md §3
   * says not to invent a code for 立案 documents, so filed cases carry only this register number.
   */
  number?: string;
  title: string;
  field: CaseField;
  urgent?: boolean;
  summary: string;
  respondentAgencyId?: string;
  leadId: string;
  members: { userId: string; role: CaseMemberRole }[];
  createdAt: string;
  steps: Step[];
};

export type SeededCase = { id: string; title: string; state: CaseState; procuratorateId: string; leadId: string };

/** Collects audit events while rows are written, then appends them to the chain in time order. */
export class Scenario {
  readonly audits: (AuditInput & { at: Date })[] = [];
  readonly counts = { files: 0 };
  /** Seeded photo files per evidence item (filesOf). */
  private readonly fileIds = new Map<string, string[]>();
  /** Leaf rows nobody needs the id of, inserted in one statement each by flushPending. */
  private readonly pending = {
    services: [] as Prisma.ServiceCreateManyInput[],
    answers: [] as Prisma.ReplyAnswerCreateManyInput[],
    custody: [] as Prisma.CustodyEventCreateManyInput[],
    files: [] as Prisma.EvidenceFileCreateManyInput[],
  };

  constructor(
    readonly tx: Tx,
    readonly dataDir: string,
    /** Decider of approvals per procuratorate (the 检察长). */
    readonly deciders: Map<string, string>,
  ) {}

  audit(input: AuditInput & { at: Date }) {
    this.audits.push(input);
  }

  /**
   * Appends the collected events to the hash chain in time order. The first goes through
   * recordAudit (which links to whatever the chain holds); the rest are chained with the same
   * auditPayload/chainHash functions and inserted in one statement, which is what keeps the seed
   * fast (recordAudit reads the previous hash back once per event).
   */
  async flushAudits() {
    // Stable sort keeps same-instant events in the order they were recorded.
    const ordered = this.audits
      .map((a, i) => ({ a, i }))
      .sort((x, y) => x.a.at.getTime() - y.a.at.getTime() || x.i - y.i)
      .map(({ a }) => a);
    const [first, ...rest] = ordered;
    if (!first) return 0;
    let prevHash = (await recordAudit(this.tx, first)).hash;
    const rows = rest.map((a) => {
      const row = {
        procuratorateId: a.procuratorateId ?? null,
        actorId: a.actorId ?? null,
        action: a.action,
        entityType: a.entityType,
        entityId: a.entityId ?? null,
        caseId: a.caseId ?? null,
        data: a.data === undefined ? null : JSON.stringify(a.data),
        at: a.at,
      };
      const hash = chainHash(prevHash, auditPayload(row));
      const out = { ...row, prevHash, hash };
      prevHash = hash;
      return out;
    });
    await this.tx.auditEvent.createMany({ data: rows });
    // Each case's 最近更新 is its newest event, as recordAudit keeps it in the app.
    const newest = new Map<string, Date>();
    for (const a of ordered) if (a.caseId) newest.set(a.caseId, a.at);
    for (const [caseId, at] of newest) await touchCase(this.tx, caseId, at);
    return ordered.length;
  }

  /** A 送达 record (送达回证 data); written by flushPending. */
  service(input: { data: Prisma.ServiceCreateManyInput }) {
    this.pending.services.push(input.data);
  }

  replyAnswers(input: { data: Prisma.ReplyAnswerCreateManyInput[] }) {
    this.pending.answers.push(...input.data);
  }

  async flushPending() {
    const { services, answers, custody, files } = this.pending;
    if (services.length) await this.tx.service.createMany({ data: services });
    if (answers.length) await this.tx.replyAnswer.createMany({ data: answers });
    // Files first: custody events name them (CustodyEvent.fileId).
    if (files.length) await this.tx.evidenceFile.createMany({ data: files });
    if (custody.length) await this.tx.custodyEvent.createMany({ data: custody });
  }

  async approval(input: {
    procuratorateId: string;
    caseId?: string | null;
    /** The hearing a `hearing` approval authorises (Approval.hearingId). */
    hearingId?: string | null;
    kind: ApprovalKind | "extension" | "hearing" | "departure_from_majority";
    subject?: string;
    caseTitle?: string;
    payload?: unknown;
    requestedById: string;
    requestedAt: Date;
    decision?: "pending" | "approved" | "rejected";
    decidedById?: string;
    decidedAt?: Date;
    comment?: string;
  }): Promise<string> {
    const decision = input.decision ?? "approved";
    const decidedById =
      decision === "pending" ? null : (input.decidedById ?? this.deciders.get(input.procuratorateId) ?? null);
    const subject = input.subject ?? `提请${APPROVAL_VERB[input.kind] ?? input.kind}：${input.caseTitle ?? ""}`;
    const row = await this.tx.approval.create({
      data: {
        procuratorateId: input.procuratorateId,
        caseId: input.caseId ?? null,
        hearingId: input.hearingId ?? null,
        kind: input.kind,
        subject,
        payload: input.payload === undefined ? null : JSON.stringify(input.payload),
        requestedById: input.requestedById,
        requestedAt: input.requestedAt,
        decision,
        decidedById,
        decidedAt: decision === "pending" ? null : (input.decidedAt ?? null),
        comment: decision === "pending" ? null : (input.comment ?? (decision === "approved" ? "同意。" : null)),
      },
    });
    this.audit({
      procuratorateId: input.procuratorateId,
      actorId: input.requestedById,
      action: "approval.request",
      entityType: "Approval",
      entityId: row.id,
      caseId: input.caseId ?? null,
      data: { kind: input.kind, subject },
      at: input.requestedAt,
    });
    if (decision !== "pending" && input.decidedAt) {
      this.audit({
        procuratorateId: input.procuratorateId,
        actorId: decidedById,
        action: "approval.decide",
        entityType: "Approval",
        entityId: row.id,
        caseId: input.caseId ?? null,
        data: { kind: input.kind, decision, comment: row.comment },
        at: input.decidedAt,
      });
    }
    return row.id;
  }

  /**
   * Creates a case and its whole history: every step must be an edge of TRANSITIONS (the first
   * starts from "evaluation"); steps whose edge needs an approval get an approved Approval by the
   * procuratorate's chief, linked from the CaseTransition row.
   */
  async createCase(spec: CaseSpec): Promise<SeededCase> {
    let state: CaseState = "evaluation";
    const plan: { from: CaseState; to: CaseState; step: Step; approval?: ApprovalKind }[] = [];
    for (const step of spec.steps) {
      const edge = transitionOf(state, step.to);
      if (!edge) throw new Error(`seed: ${spec.title}: ${state} → ${step.to} is not an allowed transition`);
      plan.push({ from: state, to: step.to, step, approval: edge.approval });
      state = step.to;
    }
    const filedStep = spec.steps.find((s) => s.to === "filed");
    const closedStep = spec.steps.findLast((s) => s.to === "closed");
    const suspendedStep = state === "suspended" ? spec.steps.findLast((s) => s.to === "suspended") : undefined;
    const createdAt = t(spec.createdAt);
    const lastAt = spec.steps.length ? t(spec.steps[spec.steps.length - 1]!.at) : createdAt;

    const row = await this.tx.case.create({
      data: {
        procuratorateId: spec.procuratorateId,
        seriesId: spec.seriesId ?? null,
        clueId: spec.clueId ?? null,
        number: filedStep ? (spec.number ?? null) : null,
        title: spec.title,
        field: spec.field,
        state,
        urgent: spec.urgent ?? false,
        summary: spec.summary,
        respondentAgencyId: spec.respondentAgencyId ?? null,
        leadProsecutorId: spec.leadId,
        filedOn: filedStep ? filedStep.at.slice(0, 10) : null,
        closedOn: state === "closed" && closedStep ? closedStep.at.slice(0, 10) : null,
        suspendedOn: suspendedStep ? suspendedStep.at.slice(0, 10) : null,
        version: plan.length,
        createdAt,
        updatedAt: lastAt,
        members: { create: spec.members.map((m) => ({ userId: m.userId, role: m.role })) },
      },
    });
    this.audit({
      procuratorateId: spec.procuratorateId,
      actorId: spec.leadId,
      action: "case.create",
      entityType: "Case",
      entityId: row.id,
      caseId: row.id,
      data: { title: spec.title, field: spec.field },
      at: createdAt,
    });

    const transitions = [];
    for (const p of plan) {
      const at = t(p.step.at);
      let approvalId: string | null = null;
      if (p.approval) {
        approvalId = await this.approval({
          procuratorateId: spec.procuratorateId,
          caseId: row.id,
          kind: p.approval,
          caseTitle: spec.title,
          payload: { to: p.to },
          requestedById: spec.leadId,
          requestedAt: p.step.requestedAt ? t(p.step.requestedAt) : addMinutes(at, -24 * 60),
          decidedAt: addMinutes(at, -30),
          comment: p.step.comment,
        });
      }
      transitions.push({
        caseId: row.id,
        fromState: p.from,
        toState: p.to,
        actorId: spec.leadId,
        approvalId,
        reason: p.step.reason ?? null,
        at,
      });
      this.audit({
        procuratorateId: spec.procuratorateId,
        actorId: spec.leadId,
        action: "case.transition",
        entityType: "Case",
        entityId: row.id,
        caseId: row.id,
        data: { from: p.from, to: p.to, approvalId, ...(spec.number && p.to === "filed" ? { number: spec.number } : {}) },
        at,
      });
    }
    if (transitions.length) await this.tx.caseTransition.createMany({ data: transitions });
    return { id: row.id, title: spec.title, state, procuratorateId: spec.procuratorateId, leadId: spec.leadId };
  }

  /** Writes bytes to the content-addressed store DATA_DIR/files/ab/abcdef… (temp name, then rename). */
  async storeFile(bytes: Buffer): Promise<{ sha256: string; size: bigint }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const dir = path.join(this.dataDir, "files", sha256.slice(0, 2));
    const final = path.join(dir, sha256);
    await fs.mkdir(dir, { recursive: true });
    const exists = await fs
      .stat(final)
      .then((s) => s.size === bytes.length)
      .catch(() => false);
    if (!exists) {
      const tmp = `${final}.tmp-${process.pid}`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, final);
    }
    this.counts.files += 1;
    return { sha256, size: BigInt(bytes.length) };
  }

  /**
   * One evidence item with its collecting staff (EvidenceCollector rows: at least two for what we
   * collected ourselves, 规则 Art 36), its custody chain (collected or received → stored, uploaded for
   * each file, plus disclosed when given) and, for photos, generated SVG "site photos" in the store.
   * `source` is the old free text (现场拍摄, an agency's name…), kept as sourceNote; the source enum
   * is derived from it (sourceOf) unless `origin` says.
   */
  async evidence(input: {
    procuratorateId: string;
    caseId: string;
    ordinal: number;
    title: string;
    kind: EvidenceKind;
    description: string;
    collectedOn: string;
    /** Staff who collected (or received) it. */
    collectorIds: string[];
    /** Named people present who are not users. */
    otherCollectors?: string;
    source?: string;
    origin?: EvidenceSource;
    place?: string;
    isOriginal?: boolean;
    containsPersonal?: boolean;
    createdById: string;
    storedById: string;
    photo?: { place: string; time: string; seed: number; count?: number; org: string };
  }): Promise<string> {
    const collectedAt = t(`${input.collectedOn} ${input.photo?.time ?? "10:00"}`);
    const origin = input.origin ?? sourceOf(input.source);
    // 规则 Art 36: what we collect ourselves is collected by at least two staff.
    if (origin === "collected" && new Set(input.collectorIds).size < MIN_COLLECTING_STAFF) {
      throw new Error(`seed: evidence "${input.title}" is collected by fewer than ${MIN_COLLECTING_STAFF} staff`);
    }
    const place = input.photo?.place ?? input.place ?? null;
    const row = await this.tx.evidence.create({
      data: {
        caseId: input.caseId,
        ordinal: input.ordinal,
        title: input.title,
        kind: input.kind,
        description: input.description,
        collectedOn: input.collectedOn,
        collectedPlace: place,
        otherCollectors: input.otherCollectors ?? null,
        source: origin,
        sourceNote: input.source ?? null,
        isOriginal: input.isOriginal ?? true,
        containsPersonal: input.containsPersonal ?? false,
        createdById: input.createdById,
        createdAt: addMinutes(collectedAt, 240),
        collectors: { create: [...new Set(input.collectorIds)].map((userId) => ({ userId })) },
      },
    });
    this.pending.custody.push({
      evidenceId: row.id,
      action: (origin === "collected" ? "collected" : "received") satisfies CustodyAction,
      actorId: input.createdById,
      location: place ?? input.source ?? null,
      note: origin === "collected" ? "依照《人民检察院公益诉讼办案规则》第三十六条由两名检察人员共同收集" : `自${input.source ?? "提供方"}接收`,
      at: collectedAt,
    });
    if (input.photo) {
      const files = input.photo.count ?? 1;
      const ids: string[] = [];
      for (let i = 0; i < files; i++) {
        const svg = sitePhotoSvg({
          place: input.photo.place,
          stamp: `${input.collectedOn} ${input.photo.time}`,
          seed: input.photo.seed * 10 + i,
          frame: i + 1,
          org: input.photo.org,
        });
        const stored = await this.storeFile(Buffer.from(svg, "utf8"));
        const id = `seedfile${row.id}${i + 1}`;
        ids.push(id);
        this.pending.files.push({
          id,
          evidenceId: row.id,
          sha256: stored.sha256,
          size: stored.size,
          mimeType: "image/svg+xml",
          originalName: `现场照片-${input.collectedOn.replaceAll("-", "")}-${String(i + 1).padStart(2, "0")}.svg`,
          uploadedById: input.createdById,
          createdAt: addMinutes(collectedAt, 240),
        });
        this.pending.custody.push({
          evidenceId: row.id,
          fileId: id,
          action: "uploaded" satisfies CustodyAction,
          actorId: input.createdById,
          at: addMinutes(collectedAt, 240),
        });
      }
      this.fileIds.set(row.id, ids);
    }
    this.pending.custody.push({
      evidenceId: row.id,
      action: "stored" satisfies CustodyAction,
      actorId: input.storedById,
      location: input.kind === "audiovisual" || input.kind === "electronic" ? "统一业务应用系统电子卷宗" : "本院案卷材料保管室",
      note: "登记入卷",
      at: addMinutes(collectedAt, 300),
    });
    this.audit({
      procuratorateId: input.procuratorateId,
      actorId: input.createdById,
      action: "evidence.create",
      entityType: "Evidence",
      entityId: row.id,
      caseId: input.caseId,
      data: { ordinal: input.ordinal, title: input.title, kind: input.kind, source: origin },
      at: addMinutes(collectedAt, 240),
    });
    return row.id;
  }

  /** The ids of an item's seeded photo files, in order. */
  filesOf(evidenceId: string): string[] {
    return this.fileIds.get(evidenceId) ?? [];
  }

  /** A further custody event of an item (viewed, transferred, returned, downloaded, exported, verified…). */
  custody(input: Prisma.CustodyEventCreateManyInput & { action: CustodyAction }) {
    this.pending.custody.push(input);
  }

  /** Marks evidence as disclosed to a hearing's panel (HearingEvidence + custody event). */
  async disclose(hearingId: string, evidenceIds: string[], byId: string, at: Date) {
    if (!evidenceIds.length) return;
    await this.tx.hearingEvidence.createMany({
      data: evidenceIds.map((evidenceId) => ({ hearingId, evidenceId, disclosedAt: at, disclosedById: byId })),
    });
    this.pending.custody.push(
      ...evidenceIds.map((evidenceId) => ({
        evidenceId,
        action: "disclosed" satisfies CustodyAction,
        actorId: byId,
        location: "检察听证室",
        note: "向听证员出示",
        at,
      })),
    );
  }
}

/**
 * The source enum of a seeded item from its old free-text source: our own acts (photographs,
 * inspections, interviews, purchases, data comparison, a testing firm we commissioned) are
 * "collected"; an agency's name is "agency_handover"; a volunteer's or the public's is
 * "public_submission".
 */
export function sourceOf(text: string | undefined): EvidenceSource {
  if (!text) return "collected";
  if (/志愿者|群众|举报人|益心为公/.test(text)) return "public_submission";
  if (/局$|分局$|政府$|委员会$|管理处$|中心$|办公室$/.test(text)) return "agency_handover";
  return "collected";
}

function escapeXml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A schematic "site photo": pavement, a litter bin and discarded masks, with a time stamp. */
export function sitePhotoSvg(input: { place: string; stamp: string; seed: number; frame: number; org: string }): string {
  const rnd = lcg(input.seed);
  const masks: string[] = [];
  const n = 4 + Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) {
    const x = Math.round(60 + rnd() * 640);
    const y = Math.round(330 + rnd() * 170);
    const r = Math.round(rnd() * 50 - 25);
    const fill = rnd() < 0.7 ? "#bfe0f5" : "#f4f4f4";
    masks.push(
      `<g transform="translate(${x} ${y}) rotate(${r})"><rect x="-22" y="-13" width="44" height="26" rx="7" fill="${fill}" stroke="#7aa6c2" stroke-width="1.5"/>` +
        `<path d="M-16 -4 H16 M-16 3 H16" stroke="#9cc1d8" stroke-width="1"/>` +
        `<path d="M-22 -8 C-36 -8 -36 8 -22 8 M22 -8 C36 -8 36 8 22 8" fill="none" stroke="#e8e8e8" stroke-width="2"/></g>`,
    );
  }
  const place = escapeXml(input.place);
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" role="img" aria-label="${place} 现场照片">
<title>${place} 现场照片 ${escapeXml(input.stamp)}</title>
<rect width="800" height="300" fill="#c9d6df"/>
<rect y="300" width="800" height="300" fill="#9a9a92"/>
<path d="M0 300 L800 300" stroke="#6d6d66" stroke-width="3"/>
<rect x="${560 + Math.round(rnd() * 120)}" y="190" width="90" height="140" rx="6" fill="#2f7d4f"/>
<rect x="${552 + Math.round(rnd() * 10)}" y="180" width="106" height="18" rx="4" fill="#256640"/>
${masks.join("\n")}
<rect y="540" width="800" height="60" fill="rgba(0,0,0,0.55)"/>
<text x="20" y="578" font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="22" fill="#ffffff">${place}</text>
<text x="780" y="578" text-anchor="end" font-family="monospace" font-size="20" fill="#ffd24d">${escapeXml(input.stamp)} #${input.frame}</text>
<text x="20" y="40" font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="18" fill="#3b4b57">${escapeXml(input.org)} 现场拍照（演示数据，示意图）</text>
</svg>
`;
}
