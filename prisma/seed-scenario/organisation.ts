import type { AGENCY_KINDS as AGENCY_KIND_VALUES, AFFILIATION_RELATIONS, GENDERS } from "~/domain/admin/schemas";
import type { Scenario } from "./builder";
import { t } from "./builder";

// Organisation of the demo: 郴州市人民检察院 (parent) and 桂阳县人民检察院, their staff and
// external accounts, the agencies of 桂阳县 and the 听证员库. Agencies and places are real; every
// person's name, phone number and birth date is invented.

export const AGENCY_KINDS = {
  government: "county_government", // 县人民政府
  department: "department", // 县政府工作部门
  branch: "branch", // 上级部门的派出分局 (e.g. 郴州市生态环境局桂阳分局)
  subdistrict: "subdistrict", // 街道办事处
  township: "township", // 乡镇人民政府
  headquarters: "headquarters", // 议事协调机构 (疫情防控指挥部)
} as const satisfies Record<string, (typeof AGENCY_KIND_VALUES)[number]>;

type Relation = (typeof AFFILIATION_RELATIONS)[number];

type AgencyDef = { key: string; name: string; shortName: string; kind: string; head: string; area: string };

/** The 23 administrative units that attend the 2022 series hearing, in seating order. */
export const SERIES_UNITS: AgencyDef[] = [
  { key: "health", name: "桂阳县卫生健康局", shortName: "县卫健局", kind: AGENCY_KINDS.department, head: "谭国栋", area: "龙潭街道" },
  { key: "urban", name: "桂阳县城市管理和综合执法局", shortName: "县城管局", kind: AGENCY_KINDS.department, head: "黄启明", area: "龙潭街道" },
  { key: "market", name: "桂阳县市场监督管理局", shortName: "县市场监管局", kind: AGENCY_KINDS.department, head: "曹建新", area: "鹿峰街道" },
  { key: "transport", name: "桂阳县交通运输局", shortName: "县交通运输局", kind: AGENCY_KINDS.department, head: "李卫华", area: "鹿峰街道" },
  { key: "commerce", name: "桂阳县商务局", shortName: "县商务局", kind: AGENCY_KINDS.department, head: "邓晓军", area: "龙潭街道" },
  { key: "education", name: "桂阳县教育局", shortName: "县教育局", kind: AGENCY_KINDS.department, head: "雷文涛", area: "龙潭街道" },
  { key: "culture", name: "桂阳县文化旅游广电体育局", shortName: "县文旅广体局", kind: AGENCY_KINDS.department, head: "何丽君", area: "龙潭街道" },
  { key: "housing", name: "桂阳县住房和城乡建设局", shortName: "县住建局", kind: AGENCY_KINDS.department, head: "刘成林", area: "鹿峰街道" },
  { key: "ecoenv", name: "郴州市生态环境局桂阳分局", shortName: "生态环境桂阳分局", kind: AGENCY_KINDS.branch, head: "罗志勇", area: "龙潭街道" },
  { key: "police", name: "桂阳县公安局", shortName: "县公安局", kind: AGENCY_KINDS.department, head: "王振宇", area: "龙潭街道" },
  { key: "civil", name: "桂阳县民政局", shortName: "县民政局", kind: AGENCY_KINDS.department, head: "陈秋菊", area: "龙潭街道" },
  { key: "agri", name: "桂阳县农业农村局", shortName: "县农业农村局", kind: AGENCY_KINDS.department, head: "肖德胜", area: "鹿峰街道" },
  { key: "water", name: "桂阳县水利局", shortName: "县水利局", kind: AGENCY_KINDS.department, head: "彭长江", area: "鹿峰街道" },
  { key: "land", name: "桂阳县自然资源局", shortName: "县自然资源局", kind: AGENCY_KINDS.department, head: "邝永红", area: "龙潭街道" },
  { key: "longtan", name: "桂阳县龙潭街道办事处", shortName: "龙潭街道", kind: AGENCY_KINDS.subdistrict, head: "廖春燕", area: "龙潭街道" },
  { key: "lufeng", name: "桂阳县鹿峰街道办事处", shortName: "鹿峰街道", kind: AGENCY_KINDS.subdistrict, head: "谢海军", area: "鹿峰街道" },
  { key: "huangshaping", name: "桂阳县黄沙坪街道办事处", shortName: "黄沙坪街道", kind: AGENCY_KINDS.subdistrict, head: "蒋文华", area: "黄沙坪街道" },
  { key: "ouyanghai", name: "桂阳县欧阳海镇人民政府", shortName: "欧阳海镇", kind: AGENCY_KINDS.township, head: "欧阳明", area: "欧阳海镇" },
  { key: "renyi", name: "桂阳县仁义镇人民政府", shortName: "仁义镇", kind: AGENCY_KINDS.township, head: "李小平", area: "仁义镇" },
  { key: "taihe", name: "桂阳县太和镇人民政府", shortName: "太和镇", kind: AGENCY_KINDS.township, head: "胡建华", area: "太和镇" },
  { key: "yangshi", name: "桂阳县洋市镇人民政府", shortName: "洋市镇", kind: AGENCY_KINDS.township, head: "朱红兵", area: "洋市镇" },
  { key: "zhenghe", name: "桂阳县正和镇人民政府", shortName: "正和镇", kind: AGENCY_KINDS.township, head: "许国强", area: "正和镇" },
  { key: "chongling", name: "桂阳县舂陵江镇人民政府", shortName: "舂陵江镇", kind: AGENCY_KINDS.township, head: "曾志伟", area: "舂陵江镇" },
];

/** Agencies of 桂阳 that do not attend the series hearing. */
const OTHER_UNITS: AgencyDef[] = [
  { key: "hq", name: "桂阳县新冠肺炎疫情防控指挥部", shortName: "县疫情防控指挥部", kind: AGENCY_KINDS.headquarters, head: "周建国", area: "龙潭街道" },
  { key: "hrss", name: "桂阳县人力资源和社会保障局", shortName: "县人社局", kind: AGENCY_KINDS.department, head: "熊立新", area: "龙潭街道" },
];

const COUNTY_GOVERNMENT: AgencyDef = {
  key: "government",
  name: "桂阳县人民政府",
  shortName: "县政府",
  kind: AGENCY_KINDS.government,
  head: "欧阳宏",
  area: "龙潭街道",
};

type PanelistDef = {
  key: string;
  name: string;
  gender: (typeof GENDERS)[number];
  birthOn: string;
  category: "npc_deputy" | "cppcc_member" | "people_supervisor" | "volunteer";
  workUnit: string;
  title: string;
  phone: string;
  joinedOn: string;
};

/** The 听证员库 of 桂阳 (12). All are at least 23 years old (听证规定 Art 7). */
export const GUIYANG_PANEL: PanelistDef[] = [
  { key: "liu", name: "刘振华", gender: "male", birthOn: "1968-03-14", category: "npc_deputy", workUnit: "桂阳县某农业科技有限公司", title: "县人大代表、总经理", phone: "13807351206", joinedOn: "2021-03-01" },
  { key: "cao", name: "曹秀兰", gender: "female", birthOn: "1975-09-02", category: "npc_deputy", workUnit: "鹿峰街道某社区居民委员会", title: "县人大代表、社区党支部书记", phone: "13973512418", joinedOn: "2021-03-01" },
  { key: "deng", name: "邓志刚", gender: "male", birthOn: "1972-11-20", category: "npc_deputy", workUnit: "桂阳县某建筑工程有限公司", title: "县人大代表、高级工程师", phone: "13575532107", joinedOn: "2021-06-15" },
  { key: "luo", name: "罗美玲", gender: "female", birthOn: "1980-05-08", category: "cppcc_member", workUnit: "湖南某律师事务所桂阳分所", title: "县政协委员、律师", phone: "13873568320", joinedOn: "2021-03-01" },
  { key: "lei", name: "雷建平", gender: "male", birthOn: "1961-07-30", category: "cppcc_member", workUnit: "退休（原桂阳县某国有企业）", title: "县政协委员、高级会计师", phone: "13908453617", joinedOn: "2021-03-01" },
  { key: "liao", name: "廖文斌", gender: "male", birthOn: "1978-01-17", category: "cppcc_member", workUnit: "湘南学院医学院", title: "县政协委员、副教授（公共卫生）", phone: "15907359824", joinedOn: "2021-06-15" },
  { key: "xie", name: "谢慧敏", gender: "female", birthOn: "1983-12-05", category: "cppcc_member", workUnit: "桂阳县某商贸有限公司", title: "县政协委员、企业负责人", phone: "18973519036", joinedOn: "2022-01-10" },
  { key: "hou", name: "侯国庆", gender: "male", birthOn: "1960-10-01", category: "people_supervisor", workUnit: "退休", title: "人民监督员", phone: "13787351548", joinedOn: "2022-01-10" },
  { key: "xiao", name: "肖丽", gender: "female", birthOn: "1986-04-22", category: "people_supervisor", workUnit: "桂阳县某物业服务有限公司", title: "人民监督员、行政主管", phone: "15173517762", joinedOn: "2021-09-01" },
  { key: "huang", name: "黄永健", gender: "male", birthOn: "1970-08-16", category: "people_supervisor", workUnit: "太和镇某村民委员会", title: "人民监督员、村民委员会主任", phone: "13617356095", joinedOn: "2021-09-01" },
  { key: "jiang", name: "蒋晨曦", gender: "female", birthOn: "1995-02-11", category: "volunteer", workUnit: "桂阳县某社会工作服务中心", title: "“益心为公”志愿者、社会工作者", phone: "17773584213", joinedOn: "2021-12-01" },
  { key: "xu", name: "许浩然", gender: "male", birthOn: "1997-06-28", category: "volunteer", workUnit: "郴州某环保公益组织", title: "“益心为公”志愿者", phone: "18684571930", joinedOn: "2022-03-01" },
];

export type Org = Awaited<ReturnType<typeof seedOrganisation>>;

export async function seedOrganisation(s: Scenario, passwordHash: string) {
  const { tx } = s;

  // ── procuratorates ──
  const chenzhou = await tx.procuratorate.create({
    data: {
      name: "郴州市人民检察院",
      shortName: "郴",
      region: "湖南省郴州市",
      address: "湖南省郴州市北湖区",
      phone: "0735-12309",
      createdAt: t("2021-01-04 09:00"),
    },
  });
  const guiyang = await tx.procuratorate.create({
    data: {
      name: "桂阳县人民检察院",
      shortName: "桂",
      region: "湖南省郴州市桂阳县",
      address: "湖南省郴州市桂阳县龙潭街道",
      phone: "0735-12309",
      parentId: chenzhou.id,
      createdAt: t("2021-01-04 09:00"),
    },
  });

  // ── 文号 codes: only the one DOMAIN.md §3 documents (检察建议 → 行公建); no codes are invented
  // for 立案 or 终结 documents. Counters are set after the recommendations are numbered.
  await tx.documentNumberCode.createMany({
    data: [
      { procuratorateId: guiyang.id, kind: "recommendation", code: "行公建" },
      { procuratorateId: chenzhou.id, kind: "recommendation", code: "行公建" },
    ],
  });

  // ── staff of 桂阳 ──
  const staff = async (
    username: string,
    displayName: string,
    role: "prosecutor" | "approver" | "admin",
    post: string,
    department: string,
    phone: string,
    procuratorateId = guiyang.id,
  ) =>
    tx.user.create({
      data: { procuratorateId, username, displayName, role, post, department, phone, passwordHash },
    });
  const prosecutor = await staff("prosecutor", "陈立衡", "prosecutor", "检察官", "第五检察部", "13807357101");
  const prosecutor2 = await staff("prosecutor2", "周雅琴", "prosecutor", "检察官", "第五检察部", "13807357102");
  const assistant = await staff("assistant", "李晓舟", "prosecutor", "检察官助理", "第五检察部", "13807357103");
  const clerk = await staff("clerk", "王欣然", "prosecutor", "书记员", "第五检察部", "13807357104");
  const head = await staff("head", "欧阳建国", "approver", "部门负责人", "第五检察部", "13807357105");
  const chief = await staff("chief", "何振邦", "approver", "检察长", "院领导", "13807357100");
  const admin = await staff("admin", "谭思远", "admin", "系统管理员", "案件管理部", "13807357106");

  // ── staff of 郴州 (used by tests: another procuratorate's records answer 404) ──
  const czProsecutor = await staff("cz-prosecutor", "邝明远", "prosecutor", "检察官", "公益诉讼检察部", "13907351201", chenzhou.id);
  const czChief = await staff("cz-chief", "袁海峰", "approver", "检察长", "院领导", "13907351200", chenzhou.id);
  s.deciders.set(guiyang.id, chief.id);
  s.deciders.set(chenzhou.id, czChief.id);

  // ── agencies of 桂阳 ──
  const government = await tx.agency.create({
    data: {
      procuratorateId: guiyang.id,
      name: COUNTY_GOVERNMENT.name,
      shortName: COUNTY_GOVERNMENT.shortName,
      kind: COUNTY_GOVERNMENT.kind,
      head: COUNTY_GOVERNMENT.head,
      address: "湖南省郴州市桂阳县龙潭街道",
      phone: "0735-4422000",
    },
  });
  const agencies = new Map<string, { id: string; name: string; head: string; shortName: string }>();
  agencies.set("government", { id: government.id, name: government.name, head: COUNTY_GOVERNMENT.head, shortName: "县政府" });
  const defs = [...SERIES_UNITS, ...OTHER_UNITS];
  await tx.agency.createMany({
    data: defs.map((def, i) => ({
      procuratorateId: guiyang.id,
      name: def.name,
      shortName: def.shortName,
      kind: def.kind,
      head: def.head,
      address: `湖南省郴州市桂阳县${def.area}`,
      phone: `0735-44${String(22100 + (i + 1) * 37)}`,
      // Departments and townships answer to the county government; the 生态环境 branch answers
      // to 郴州市生态环境局, which is not a 桂阳 record, so it has no superior here.
      superiorAgencyId: def.kind === AGENCY_KINDS.branch ? null : government.id,
    })),
  });
  const agencyIds = new Map(
    (await tx.agency.findMany({ where: { procuratorateId: guiyang.id }, select: { id: true, name: true } })).map((r) => [r.name, r.id]),
  );
  for (const def of defs) {
    agencies.set(def.key, { id: agencyIds.get(def.name)!, name: def.name, head: def.head, shortName: def.shortName });
  }
  const agency = (key: string) => {
    const a = agencies.get(key);
    if (!a) throw new Error(`seed: unknown agency ${key}`);
    return a;
  };

  // ── 听证员库 of 桂阳 ──
  const panel = new Map<string, { id: string; name: string; category: string }>();
  await tx.panelist.createMany({
    data: GUIYANG_PANEL.map((p) => ({
      procuratorateId: guiyang.id,
      name: p.name,
      gender: p.gender,
      birthOn: p.birthOn,
      category: p.category,
      workUnit: p.workUnit,
      title: p.title,
      phone: p.phone,
      joinedOn: p.joinedOn,
      createdAt: t(`${p.joinedOn} 10:00`),
    })),
  });
  const panelIds = new Map(
    (await tx.panelist.findMany({ where: { procuratorateId: guiyang.id }, select: { id: true, name: true } })).map((r) => [r.name, r.id]),
  );
  // Insertion order is the pool order (seating and opinion order follow it).
  for (const p of GUIYANG_PANEL) panel.set(p.key, { id: panelIds.get(p.name)!, name: p.name, category: p.category });
  const panelist = (key: string) => {
    const p = panel.get(key);
    if (!p) throw new Error(`seed: unknown panelist ${key}`);
    return p;
  };
  // Affiliations for conflict checks. 侯国庆 worked at the 市场监管局 until 2020: he is seated on
  // the series hearing but recused, since that bureau is a respondent (听证规定 Art 7).
  await tx.panelistAffiliation.createMany({
    data: [
      {
        panelistId: panelist("hou").id,
        agencyId: agency("market").id,
        organisation: agency("market").name,
        relation: "former_employee" satisfies Relation,
        sinceOn: "1996-08-01",
        untilOn: "2020-10-31",
      },
      { panelistId: panelist("liu").id, organisation: "桂阳县某农业科技有限公司", relation: "employee" satisfies Relation, sinceOn: "2009-05-01" },
      { panelistId: panelist("cao").id, organisation: "鹿峰街道某社区居民委员会", relation: "employee" satisfies Relation, sinceOn: "2012-03-01" },
      { panelistId: panelist("liao").id, organisation: "湘南学院医学院", relation: "employee" satisfies Relation, sinceOn: "2006-07-01" },
      { panelistId: panelist("luo").id, organisation: "湖南某律师事务所桂阳分所", relation: "employee" satisfies Relation, sinceOn: "2010-09-01" },
      // A family tie to the 人社局, respondent of a recent case that has no hearing: on file for
      // later checks; 肖丽 sits on hearings where that bureau does not take part.
      {
        panelistId: panelist("xiao").id,
        agencyId: agency("hrss").id,
        organisation: agency("hrss").name,
        relation: "family" satisfies Relation,
        sinceOn: "2015-01-01",
      },
    ],
  });

  // ── external accounts of 桂阳 ──
  const panelistUser = await tx.user.create({
    data: {
      procuratorateId: guiyang.id,
      username: "panelist",
      displayName: panelist("liu").name,
      role: "panelist",
      post: "听证员",
      phone: GUIYANG_PANEL[0]!.phone,
      passwordHash,
      panelistId: panelist("liu").id,
    },
  });
  const agencyUser = await tx.user.create({
    data: {
      procuratorateId: guiyang.id,
      username: "agency",
      displayName: "黄海涛",
      role: "agency",
      post: "法制股股长（检察建议联络人）",
      department: agency("urban").name,
      phone: "13975506218",
      passwordHash,
      agencyId: agency("urban").id,
    },
  });

  return {
    guiyang,
    chenzhou,
    users: { prosecutor, prosecutor2, assistant, clerk, head, chief, admin, panelistUser, agencyUser, czProsecutor, czChief },
    agency,
    agencies,
    panelist,
    panel,
  };
}
