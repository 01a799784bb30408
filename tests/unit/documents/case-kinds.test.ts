import { describe, expect, it } from "vitest";
import { CASE_KIND_DEFINITIONS } from "~/domain/documents/kinds/case-group";
import type { ConsultationSource } from "~/domain/documents/kinds/case-common";
import { closureDecision } from "~/domain/documents/kinds/closure-decision";
import type { ClosureDecisionSource } from "~/domain/documents/kinds/closure-decision";
import { complaint } from "~/domain/documents/kinds/complaint";
import type { ComplaintSource } from "~/domain/documents/kinds/complaint";
import { consultationMinutes } from "~/domain/documents/kinds/consultation-minutes";
import { courtAppearanceNotice } from "~/domain/documents/kinds/court-appearance-notice";
import type { CourtAppearanceNoticeSource } from "~/domain/documents/kinds/court-appearance-notice";
import { evidenceList } from "~/domain/documents/kinds/evidence-list";
import type { EvidenceListSource } from "~/domain/documents/kinds/evidence-list";
import { evidenceRequest } from "~/domain/documents/kinds/evidence-request";
import type { EvidenceRequestSource } from "~/domain/documents/kinds/evidence-request";
import { factConfirmation } from "~/domain/documents/kinds/fact-confirmation";
import { filingDecision } from "~/domain/documents/kinds/filing-decision";
import type { FilingDecisionSource } from "~/domain/documents/kinds/filing-decision";
import { notFilingDecision } from "~/domain/documents/kinds/not-filing-decision";
import type { NotFilingDecisionSource } from "~/domain/documents/kinds/not-filing-decision";
import { resumptionDecision } from "~/domain/documents/kinds/resumption-decision";
import type { ResumptionDecisionSource } from "~/domain/documents/kinds/resumption-decision";
import { suspensionDecision } from "~/domain/documents/kinds/suspension-decision";
import type { SuspensionDecisionSource } from "~/domain/documents/kinds/suspension-decision";
import type { DocumentValue, IssueContext, KindDefinition } from "~/domain/documents/spec";
import { BLOCK_FIELD_TYPES, allFieldsOf, placeholdersIn } from "~/domain/documents/spec";
import { NUMBERED_DOCUMENT_KINDS } from "~/domain/numbering/format";

// The 11 kinds generated from a case, a clue or a consultation: realistic sources (the 2022 桂阳
// mask series and the demo's recent cases), their values, and what must never reach them.

const ctx: IssueContext = { procuratorate: "桂阳县人民检察院", number: "桂检行公终〔2022〕3号", issuedOn: "2022-09-28" };
const AGENCY = "桂阳县龙潭街道办事处";
const CASE = `${AGENCY}怠于履行废弃口罩收集处置监管职责案`;
const SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const INFORMANT = { informantName: "唐雅婷", informantPhone: "13755201847", informantIdNumber: "431021199204160244" };

const filing: FilingDecisionSource = {
  caseNumber: "2022-行公-001",
  caseTitle: CASE,
  summary: "龙潭街道辖区内部分小区、农贸市场周边废弃口罩随意丢弃，未设置专用收集容器。\n街道办事处未依法督促落实分类收集处置。",
  agencyName: AGENCY,
  clueSource: "report",
  filedOn: "2022-06-01",
  reason: "经初步调查，废弃口罩收集处置不规范问题客观存在，可能损害社会公共利益。",
};
const notFiling: NotFilingDecisionSource = {
  clueNumber: "2026-线索-004",
  clueSource: "report",
  receivedOn: "2026-03-02",
  clueSummary: "群众反映：部分村组田间地头丢弃农药包装废弃物，无人回收。",
  location: "桂阳县太和镇",
  caseTitle: "桂阳县农业农村局怠于履行农药包装废弃物回收监管职责案",
  agencyName: "桂阳县农业农村局",
  evaluation: "县农业农村局已部署农药包装废弃物回收专项行动并设置回收点，问题已基本解决。",
  reason: "行政机关已依法履职，公益损害已基本消除（规则第三十条）。",
  decidedOn: "2026-04-02",
};
const consultation: ConsultationSource = {
  caseNumber: "2026-行公-005",
  caseTitle: "桂阳县自然资源局怠于追缴国有土地使用权出让金案",
  agencyName: "桂阳县自然资源局",
  method: "fact_confirmation",
  heldOn: "2026-09-15",
  place: "桂阳县自然资源局",
  attendees: "本院：李明、王芳；县自然资源局：雷小春（副局长）",
  facts: "3宗国有建设用地使用权出让金合计欠缴2860万元，逾期1至3年，未计收违约金。",
  agencyPosition: "对欠缴事实无异议；称竞得企业经营困难，已多次口头催缴。",
  rectificationPlan: "拟于年底前发出书面催缴通知，逾期不缴的依法解除合同或申请强制执行。",
  minutes: "双方签署事实确认书。因整改期限和措施尚不明确，本院拟制发检察建议。",
};
const request: EvidenceRequestSource = {
  caseNumber: "2026-行公-001",
  caseTitle: "桂阳县水利局怠于履行舂陵江河道非法采砂监管职责案",
  agencyName: "桂阳县水利局",
  staff: ["周检察", "陈助理"],
  phone: "0735-12309",
  items: [
    { ordinal: 4, title: "投诉人来访登记表", kind: "documentary", isOriginal: false, description: "载有投诉人姓名、住址和电话。", containsPersonal: true },
    { ordinal: 2, title: "河道采砂许可及执法档案", kind: "documentary", isOriginal: false, description: "证明涉案河段未许可采砂。", containsPersonal: false },
  ],
};
const list: EvidenceListSource = {
  caseNumber: "2022-行公-001",
  caseTitle: CASE,
  agencyName: AGENCY,
  lines: [
    {
      number: 1,
      kind: "audiovisual",
      title: "农贸市场周边废弃口罩现场照片",
      collectedOn: "2022-05-20",
      collectedPlace: "龙潭街道农贸市场",
      isOriginal: true,
      collectors: ["周检察", "陈助理"],
      containsPersonal: false,
      files: [
        { name: "现场照片-20220520-01.svg", sha256: SHA, size: 2048, redactionOf: null },
        { name: "现场照片-20220520-02.svg", sha256: "a".repeat(64), size: 3000, redactionOf: null },
      ],
    },
    {
      number: 2,
      kind: "witness",
      title: "保洁员询问笔录",
      collectedOn: "2022-05-21",
      collectedPlace: null,
      isOriginal: true,
      collectors: ["周检察", "陈助理"],
      containsPersonal: true,
      files: [],
    },
  ],
};
const suspension: SuspensionDecisionSource = {
  caseNumber: "2026-行公-001",
  caseTitle: "桂阳县水利局怠于履行舂陵江河道非法采砂监管职责案",
  agencyName: "桂阳县水利局",
  recommendationNumber: "桂检行公建〔2026〕1号",
  recommendationIssuedOn: "2026-04-20",
  reason: "受损河段修复须纳入舂陵江河道综合治理项目，治理方案尚待上级水行政主管部门批复。",
  suspendedOn: "2026-07-20",
  filedWith: "郴州市人民检察院",
};
const resumption: ResumptionDecisionSource = {
  caseNumber: "2025-行公-001",
  caseTitle: "桂阳县交通运输局怠于履行农村公路桥梁超限运输治理职责案",
  agencyName: "桂阳县交通运输局",
  suspendedOn: "2025-07-28",
  suspensionReason: "汛期特大洪水冲毁施工便道，加固工程无法施工。",
  reason: "汛期结束，施工便道已修复，中止审查的原因已经消除。",
  resumedOn: "2025-10-20",
  filedWith: "郴州市人民检察院",
};
const closure: ClosureDecisionSource = {
  caseNumber: "2022-行公-001",
  caseTitle: CASE,
  agencyName: AGENCY,
  filedOn: "2022-06-01",
  recommendationNumber: "桂检行公建〔2022〕1号",
  recommendationIssuedOn: "2022-06-16",
  ground: "fully_rectified",
  reason: "经跟进调查，行政机关已全面整改，社会公共利益得到有效保护。",
  findings: "已在辖区设置废弃口罩专用收集容器46个，并委托有资质单位集中处置。",
  closedOn: "2022-09-28",
};
const suit: ComplaintSource = {
  court: "桂阳县人民法院",
  plaintiffAddress: "湖南省郴州市桂阳县龙潭街道",
  defendant: { name: "桂阳县住房和城乡建设局", address: "桂阳县鹿峰街道", head: "刘成林" },
  caseTitle: "桂阳县住房和城乡建设局怠于履行乡镇污水处理设施运行监管职责案",
  summary: "太和镇污水处理厂因配套管网未接通长期低负荷运行，集镇生活污水直排入河。",
  recommendation: {
    number: "桂检行公建〔2026〕2号",
    issuedOn: "2026-06-10",
    servedOn: "2026-06-10",
    facts: "日均进水量不足设计规模的15%。",
    reasons: "你局负责本县城镇污水处理设施建设运行的监督管理。",
    legalBasis: "《中华人民共和国水污染防治法》；《城镇排水与污水处理条例》",
    points: ["督促完成配套管网建设。", "督促运营单位保障污水处理厂正常运行。"],
  },
  findings: "回复期满后复查，污水直排仍未停止，配套管网未开工。",
  evidenceCount: 3,
};
const court: CourtAppearanceNoticeSource = {
  court: "桂阳县人民法院",
  caseTitle: "桂阳县市场监督管理局怠于履行校园周边食品安全监管职责案",
  defendant: "桂阳县市场监督管理局",
  complaintNumber: null,
  suedOn: "2026-02-05",
  members: [
    { name: "陈助理", role: "assistant", post: null },
    { name: "刘书记", role: "clerk", post: "书记员" },
    { name: "周检察", role: "lead", post: "检察官" },
  ],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own source type
const SAMPLES: [KindDefinition<any>, unknown][] = [
  [filingDecision, filing],
  [notFilingDecision, notFiling],
  [factConfirmation, consultation],
  [consultationMinutes, consultation],
  [evidenceRequest, request],
  [evidenceList, list],
  [suspensionDecision, suspension],
  [resumptionDecision, resumption],
  [closureDecision, closure],
  [complaint, suit],
  [courtAppearanceNotice, court],
];

function isFilled(v: DocumentValue | undefined): boolean {
  if (v === undefined) return false;
  if (typeof v === "string") return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0 && v.every((s) => s.trim().length > 0);
  return v.rows.length > 0;
}

describe("the case document kinds", () => {
  it("are the 11 kinds of a case, a clue or a consultation, each once", () => {
    expect(CASE_KIND_DEFINITIONS.map((d) => d.kind).sort()).toEqual(
      [
        "closure_decision",
        "complaint",
        "consultation_minutes",
        "court_appearance_notice",
        "evidence_list",
        "evidence_request",
        "fact_confirmation",
        "filing_decision",
        "not_filing_decision",
        "resumption_decision",
        "suspension_decision",
      ].sort(),
    );
    expect(SAMPLES.map(([d]) => d.kind).sort()).toEqual(CASE_KIND_DEFINITIONS.map((d) => d.kind).sort());
  });

  it.each(CASE_KIND_DEFINITIONS.map((d) => [d.kind, d] as const))("%s: a numbered kind may carry a 文号 and its body is well formed", (_kind, def) => {
    if (def.numbered) expect(NUMBERED_DOCUMENT_KINDS as readonly string[]).toContain(def.kind);
    const fields = allFieldsOf(def);
    const names = fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of fields) {
      expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(f.label.zh.length).toBeGreaterThan(0);
      expect(f.label.en.length).toBeGreaterThan(0);
      if (f.type === "table") expect(f.columns?.length).toBeGreaterThan(0);
    }
    // Every placeholder of the body is a field; every block field is a block type and vice versa.
    const used = new Set<string>();
    for (const b of def.body) {
      const texts =
        b.type === "para" || b.type === "heading" || b.type === "title"
          ? [b.text]
          : b.type === "form"
            ? b.rows.flatMap((r) => [r.label, r.text])
            : b.type === "signature"
              ? [b.signer ?? "", "{{procuratorate}}", "{{issued_on}}"]
              : b.type === "issuer"
                ? ["{{procuratorate}}"]
                : b.type === "number"
                  ? ["{{doc_number}}"]
                  : [];
      for (const t of texts) for (const p of placeholdersIn(t)) used.add(p);
      if (b.type === "block") {
        const f = fields.find((x) => x.name === b.field);
        expect(f && BLOCK_FIELD_TYPES.includes(f.type), `${b.field} is a block field`).toBe(true);
        used.add(b.field);
      }
    }
    for (const p of used) expect(names, `${p} is declared`).toContain(p);
    for (const f of fields) expect(used.has(f.name), `${f.name} appears in the body`).toBe(true);
    expect(def.body.some((b) => b.type === "number")).toBe(def.numbered);
    expect(def.body.some((b) => b.type === "signature")).toBe(true);
  });

  it.each(SAMPLES.map(([d, s]) => [d.kind, d, s] as const))("%s: maps a realistic source with every required field filled", (_kind, def, source) => {
    const values = def.map(source, ctx);
    const own = def.fields.map((f) => f.name);
    expect(Object.keys(values).sort()).toEqual([...own].sort());
    for (const f of def.fields) {
      if (f.required) expect(isFilled(values[f.name]), `${f.name} is filled`).toBe(true);
      const v = values[f.name];
      if (f.type === "text" || f.type === "date") expect(typeof v).toBe("string");
      if (f.type === "paragraphs" || f.type === "list") expect(Array.isArray(v)).toBe(true);
      if (f.type === "table") {
        expect(v).toHaveProperty("rows");
        for (const row of (v as { rows: string[][] }).rows) expect(row).toHaveLength(f.columns!.length);
      }
      // Dates in Arabic numerals, year-month-day in full (GB/T 9704 7.3.5).
      if (f.type === "date" && v) expect(v).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    }
    expect(def.title(source, ctx).length).toBeGreaterThan(0);
  });

  it("writes dates as 2022年6月16日", () => {
    expect(filingDecision.map(filing, ctx).filed_on).toBe("2022年6月1日");
    expect(closureDecision.map(closure, ctx).history).toContain(
      "本院于2022年6月16日向你单位制发检察建议书（桂检行公建〔2022〕1号），并对你单位履行职责的情况和国家利益或者社会公共利益受到侵害的情况进行了跟进调查。",
    );
    expect(notFilingDecision.map(notFiling, ctx).decided_on).toBe("2026年4月2日");
  });

  it("keeps the clue's informant out of every agency- and court-facing document, even when the source carries it", () => {
    const facing = SAMPLES.filter(([d]) => d.audience === "agency" || d.audience === "court");
    expect(facing.map(([d]) => d.kind).sort()).toEqual(
      ["closure_decision", "complaint", "consultation_minutes", "court_appearance_notice", "evidence_request", "fact_confirmation", "filing_decision"].sort(),
    );
    for (const [def, source] of facing) {
      const tainted = { ...(source as object), ...INFORMANT, clue: { ...INFORMANT, source: "report" } };
      const text = JSON.stringify(def.map(tainted, ctx)) + def.title(tainted, ctx);
      for (const v of Object.values(INFORMANT)) expect(text, def.kind).not.toContain(v);
    }
  });

  it("filing decision: names the kind of source (规则 Art 24), the agency, and the Art 29 wording when it is unknown", () => {
    const v = filingDecision.map(filing, ctx);
    expect(v.addressee).toBe(AGENCY);
    expect(v.clue_source).toBe("收到群众举报");
    expect(v.facts).toHaveLength(2);
    const unknown = filingDecision.map({ ...filing, agencyName: null, clueSource: null }, ctx);
    expect(unknown.addressee).toBe("");
    expect(unknown.respondent).toContain("尚未确定");
    expect(unknown.clue_source).toBe("在履行职责中发现");
  });

  it("evidence request: lists the items in order, marks copies with the Art 38 wording, and withholds personal data from the agency", () => {
    const v = evidenceRequest.map(request, ctx);
    const rows = (v.items as { rows: string[][] }).rows;
    expect(rows.map((r) => r[1])).toEqual(["河道采砂许可及执法档案", "投诉人来访登记表"]);
    expect(rows[0]![3]).toContain("本复制件与原件核对一致");
    expect(JSON.stringify(v)).not.toContain("住址和电话");
    expect(rows[1]![4]).toContain("含个人信息");
    expect(v.staff).toBe("周检察、陈助理");
  });

  it("evidence list: one row per file with its SHA-256, items without files still listed, personal data marked", () => {
    const v = evidenceList.map(list, ctx);
    const rows = (v.items as { rows: string[][] }).rows;
    expect(rows).toHaveLength(3);
    expect(rows[0]![5]).toBe(SHA);
    expect(rows[0]![3]).toContain("2022年5月20日");
    expect(rows[1]!.slice(0, 4)).toEqual(["", "", "", ""]);
    expect(rows[1]![5]).toBe("a".repeat(64));
    expect(rows[2]![1]).toContain("含个人信息");
    expect(rows[2]![4]).toBe("（无电子文件）");
    expect(v.totals).toEqual([expect.stringContaining("共2项证据，2个电子文件")]);
  });

  it("closure decision: states the 规则 Art 74 ground and its item, and Art 80 after a recommendation", () => {
    const v = closureDecision.map(closure, ctx);
    expect(v.ground).toBe("行政机关已经全面采取整改措施依法履行职责");
    expect(v.basis).toBe("《人民检察院公益诉讼办案规则》第七十四条第一款第三项、第八十条");
    const early = closureDecision.map({ ...closure, ground: "no_violation", recommendationNumber: null, findings: null }, ctx);
    expect(early.basis).toBe("《人民检察院公益诉讼办案规则》第七十四条第一款第一项");
    expect(early.history).toHaveLength(1);
  });

  it("suspension and resumption: the objective cause, the dates and the filing upward (规则 Art 78)", () => {
    const s = suspensionDecision.map(suspension, ctx);
    expect(s.suspended_on).toBe("2026年7月20日");
    expect(s.filed_with).toBe("郴州市人民检察院");
    expect(s.background).toEqual([expect.stringContaining("桂检行公建〔2026〕1号")]);
    const r = resumptionDecision.map(resumption, ctx);
    expect(r.resumed_on).toBe("2025年10月20日");
    expect(r.suspension_reason).toEqual(["汛期特大洪水冲毁施工便道，加固工程无法施工。"]);
    expect(resumptionDecision.map({ ...resumption, filedWith: null }, ctx).filed_with).toBe("上一级人民检察院");
  });

  it("complaint: the claims line up with the recommendation's points (规则 Arts 75, 83), with the pre-suit facts", () => {
    const v = complaint.map(suit, ctx);
    expect(v.claims).toEqual([
      "确认被告桂阳县住房和城乡建设局未依法履行监督管理职责的行为违法",
      "判令被告依法履行法定职责：督促完成配套管网建设",
      "判令被告依法履行法定职责：督促运营单位保障污水处理厂正常运行",
    ]);
    expect((v.facts as string[]).join("")).toContain("2026年6月10日向被告制发检察建议书（桂检行公建〔2026〕2号），被告于2026年6月10日签收");
    expect(v.court).toBe("桂阳县人民法院");
    expect(v.attachments).toHaveLength(3);
  });

  it("court appearance notice: names, legal posts and duties, prosecutor first (规则 Arts 49, 51)", () => {
    const rows = (courtAppearanceNotice.map(court, ctx).members as { rows: string[][] }).rows;
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ["周检察", "检察官"],
      ["陈助理", "检察官助理"],
      ["刘书记", "书记员"],
    ]);
    expect(rows[0]![2]).toContain("宣读公益诉讼起诉书");
  });

  it("consultation: the minutes name the method of 规则 Art 70; the fact confirmation leaves the agency room to sign", () => {
    expect(consultationMinutes.map({ ...consultation, method: "meeting" }, ctx).method).toBe("召开磋商座谈会");
    expect(factConfirmation.body.some((b) => b.type === "form")).toBe(true);
    expect(factConfirmation.map(consultation, ctx).addressee).toBe("桂阳县自然资源局");
  });
});
