import type { FieldSpec, KindDefinition } from "~/domain/documents/spec";

// A kind definition of the tests' own (a recommendation-like letter with text fields, paragraphs,
// a list, a table, a form, a signature and a 抄送 line): the builder's, renderer's and bench's
// fixture, independent of the real kinds' wording.

const label = (zh: string, en: string) => ({ zh, en });

export const TEST_FIELDS: FieldSpec[] = [
  { name: "agency", type: "text", required: true, label: label("被建议单位", "Agency") },
  { name: "case_name", type: "text", required: true, label: label("案件名称", "Case") },
  { name: "found_on", type: "date", required: true, label: label("发现日期", "Found on") },
  { name: "facts", type: "paragraphs", required: true, label: label("查明的事实", "Facts") },
  { name: "measures", type: "list", required: true, label: label("建议事项", "Measures") },
  {
    name: "evidence",
    type: "table",
    required: true,
    label: label("证据清单", "Evidence"),
    columns: [
      { key: "no", label: label("序号", "No."), width: 1 },
      { key: "name", label: label("证据名称", "Name"), width: 4 },
      { key: "source", label: label("来源", "Source"), width: 3 },
    ],
  },
  { name: "reply_days", type: "text", required: true, label: label("回复期限（日）", "Days to reply") },
  { name: "cc", type: "text", required: false, label: label("抄送", "Copy to") },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test source is a plain record
export const TEST_DEFINITION: KindDefinition<any> = {
  kind: "recommendation",
  subject: "recommendation",
  audience: "agency",
  numbered: true,
  release: "on_service",
  fields: TEST_FIELDS,
  body: [
    { type: "issuer" },
    { type: "title", text: "检察建议书" },
    { type: "number" },
    { type: "para", text: "{{agency}}：", indent: false },
    { type: "para", text: "本院于{{found_on}}在履行职责中发现{{case_name}}一案，现查明：" },
    { type: "heading", level: 1, text: "一、查明的事实" },
    { type: "block", field: "facts" },
    { type: "heading", level: 2, text: "（一）证据" },
    { type: "block", field: "evidence" },
    { type: "heading", level: 1, text: "二、检察建议" },
    { type: "block", field: "measures" },
    { type: "para", text: "请你单位在收到本检察建议书之日起{{reply_days}}日内书面回复本院。" },
    { type: "form", rows: [{ label: "受送达单位", text: "{{agency}}" }] },
    { type: "signature" },
    { type: "cc" },
  ],
  title: () => "检察建议书",
  map: () => ({}),
};

export const TEST_VALUES = {
  procuratorate: "桂阳县人民检察院",
  issued_on: "2022年6月16日",
  doc_number: "桂检行公建〔2022〕1号",
  agency: "桂阳县市场监督管理局",
  case_name: "辖区药店销售不合格口罩",
  found_on: "2022年3月2日",
  facts: [
    "2022年3月，本院在履行职责中发现，桂阳县城区多家药店销售未经检验合格的一次性医用口罩。",
    "经调查，上述口罩未标注生产日期和执行标准，抽检的三批次细菌过滤效率均不符合国家标准。",
  ],
  measures: ["依法查处销售不合格口罩的行为，督促经营者下架、召回；", "加强对辖区药店的日常监督检查，建立长效机制。"],
  evidence: {
    rows: [
      ["1", "现场检查照片（12张）", "本院调查取得"],
      ["2", "口罩抽检报告", "郴州市产品质量监督检验所"],
      ["3", "询问笔录", "本院调查取得"],
    ],
  },
  reply_days: "60",
  cc: "郴州市人民检察院",
};
