import { describe, expect, test } from "vitest";
import { proofOfServiceDefinition } from "~/domain/documents/kinds/proof-of-service";
import type { ProofOfServiceSource } from "~/domain/documents/kinds/proof-of-service";
import { recommendationDefinition } from "~/domain/documents/kinds/recommendation";
import type { RecommendationSource } from "~/domain/documents/kinds/recommendation";
import type { IssueContext } from "~/domain/documents/spec";
import { expectBodyMatchesFields, expectValuesMatchFields } from "#tests/support/document-fields";

// The mappers of the 检察建议书 and its 送达回证 (规则 Arts 75–76; 建议规定 Arts 16, 20; 民诉法 Arts 87–89).

const ctx: IssueContext = { procuratorate: "桂阳县人民检察院", number: "桂检行公建〔2022〕3号", issuedOn: "2022-06-20" };

const rec: RecommendationSource = {
  recommendationId: "r1",
  number: "桂检行公建〔2022〕3号",
  agency: "桂阳县城市管理和综合执法局",
  caseTitle: "桂阳县城市管理和综合执法局怠于履行废弃口罩收集处置监管职责案",
  caseNumber: "2022-行公-003",
  filedOn: "2022-05-25",
  clue: { source: "volunteer", receivedOn: "2022-05-12" },
  facts: "2022年5月，本院在履行职责中发现，城区主次干道未设置废弃口罩专用收集容器。\n\n废弃口罩与生活垃圾混投混运。",
  reasons: "该局负责城区市容环境卫生管理。未充分履行监管职责。",
  legalBasis: "《中华人民共和国行政诉讼法》第二十五条第四款；《城市市容和环境卫生管理条例》。",
  points: ["增设废弃口罩专用收集桶。", "  督促每日清运消毒。  ", ""],
  replyPeriod: "two_months",
  objectionDays: null,
  ccList: "桂阳县人民政府；郴州市人民检察院",
};

describe("检察建议书", () => {
  test("is numbered, agency-facing, and its body names exactly its fields", () => {
    expect(recommendationDefinition.numbered).toBe(true);
    expect(recommendationDefinition.audience).toBe("agency");
    expect(recommendationDefinition.subject).toBe("recommendation");
    expectBodyMatchesFields(recommendationDefinition);
  });

  test("maps the letter: source, facts, reasons, basis, points, periods, 抄送", () => {
    const v = recommendationDefinition.map(rec, ctx);
    expectValuesMatchFields(recommendationDefinition, v);
    expect(v.agency).toBe("桂阳县城市管理和综合执法局");
    expect(v.case_source).toBe(
      "本院于2022年5月12日收到案件线索（线索来源：“益心为公”志愿者），于2022年5月25日对桂阳县城市管理和综合执法局怠于履行废弃口罩收集处置监管职责案立案调查。",
    );
    expect(v.facts).toEqual(["2022年5月，本院在履行职责中发现，城区主次干道未设置废弃口罩专用收集容器。", "废弃口罩与生活垃圾混投混运。"]);
    expect(v.reasons).toEqual(["该局负责城区市容环境卫生管理。未充分履行监管职责。"]);
    expect(v.legal_basis).toBe("《中华人民共和国行政诉讼法》第二十五条第四款；《城市市容和环境卫生管理条例》");
    expect(v.points).toEqual(["增设废弃口罩专用收集桶。", "督促每日清运消毒。"]);
    expect(v.reply_period).toBe("两个月");
    expect(v.objection_period).toBe("收到本检察建议书之日起两个月内");
    expect(v.cc).toBe("桂阳县人民政府、郴州市人民检察院");
    expect(recommendationDefinition.title(rec, ctx)).toBe(`关于${rec.caseTitle}的检察建议书（桂检行公建〔2022〕3号）`);
  });

  test("fifteen days for urgent harm (两高解释 Art 21), a set objection period, a case found in office", () => {
    const v = recommendationDefinition.map({ ...rec, replyPeriod: "fifteen_days", objectionDays: 10, clue: null, filedOn: null }, ctx);
    expectValuesMatchFields(recommendationDefinition, { ...v, cc: "" });
    expect(v.reply_period).toBe("十五日");
    expect(v.objection_period).toBe("收到本检察建议书之日起十日内");
    expect(v.case_source).toBe(`本院在履行职责中发现，对${rec.caseTitle}进行调查。`);
  });

  test("no informant in the agency's letter: the source has none and the text names only its kind", () => {
    const v = JSON.stringify(recommendationDefinition.map(rec, ctx));
    expect(v).not.toMatch(/唐雅婷|137\d{8}/);
    expect(Object.keys(rec)).not.toContain("informant");
  });
});

describe("送达回证", () => {
  const served: ProofOfServiceSource = {
    recommendationId: "r1",
    documentNumber: "桂检行公建〔2022〕3号",
    agency: "桂阳县城市管理和综合执法局",
    caseTitle: rec.caseTitle,
    service: {
      recipient: "桂阳县城市管理和综合执法局",
      method: "announcement",
      place: "桂阳县人民检察院检察听证室",
      servedOn: "2022-06-20",
      signedBy: "黄启明",
      refusalReason: null,
      witness: "县人大代表刘振华（宣告送达见证）",
      serverName: "检察官甲、书记员乙",
    },
  };

  test("is unnumbered, agency-facing, and its body names exactly its fields", () => {
    expect(proofOfServiceDefinition.numbered).toBe(false);
    expect(proofOfServiceDefinition.subject).toBe("recommendation");
    expectBodyMatchesFields(proofOfServiceDefinition);
  });

  test("filled from the Service record once served: the receipt date is the service date", () => {
    const v = proofOfServiceDefinition.map(served, ctx);
    expectValuesMatchFields(proofOfServiceDefinition, v);
    expect(v).toMatchObject({
      document_name: "检察建议书",
      document_number: "桂检行公建〔2022〕3号",
      recipient: "桂阳县城市管理和综合执法局",
      place: "桂阳县人民检察院检察听证室",
      received_on: "2022年6月20日",
      signed_by: "黄启明",
      refusal_reason: "",
      witness: "县人大代表刘振华（宣告送达见证）",
      server: "检察官甲、书记员乙",
    });
    expect(v.method).toBe("□直接送达　☑宣告送达　□留置送达　□邮寄送达");
    expect(proofOfServiceDefinition.title(served, ctx)).toBe("送达回证（桂检行公建〔2022〕3号）");
  });

  test("a refusal (留置送达, 民诉法 Art 89) carries its reason and witness", () => {
    const v = proofOfServiceDefinition.map(
      { ...served, service: { ...served.service!, method: "leaving", signedBy: null, refusalReason: "负责人拒绝签收", witness: "社区干部丙" } },
      ctx,
    );
    expectValuesMatchFields(proofOfServiceDefinition, v);
    expect(v.method).toContain("☑留置送达");
    expect(v.signed_by).toBe("");
    expect(v.refusal_reason).toBe("负责人拒绝签收");
    expect(v.witness).toBe("社区干部丙");
  });

  test("blank lines to fill by hand before service, the recipient known", () => {
    const v = proofOfServiceDefinition.map({ ...served, service: null }, ctx);
    expectValuesMatchFields(proofOfServiceDefinition, v); // renders: the blank lines are not required values
    expect(v.recipient).toBe("桂阳县城市管理和综合执法局");
    expect(v.place).toBe("");
    expect(v.signed_by).toBe("");
    expect(v.server).toBe("");
    expect(v.method).not.toContain("☑");
    expect(v.received_on).toMatch(/^\s*年\s*月\s*日$/u);
  });
});
