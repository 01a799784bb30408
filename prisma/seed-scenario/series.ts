import type { Scenario, Step } from "./builder";
import { addMinutes, fakeIdNumber, t } from "./builder";
import type { Org } from "./organisation";
import { SERIES_UNITS } from "./organisation";
import type { ParticipantKind } from "~/domain/hearing/states";
import type { FollowUpConclusion } from "~/domain/recommendation/follow-up";
import type { AnswerStatus } from "~/domain/recommendation/reply";
import type { ServiceMethod } from "~/domain/recommendation/states";

// The 2022 series of 桂阳县人民检察院: discarded masks in key public places, one case per
// responsible agency (规则 Art 69), one public series hearing on 9–16 June 2022 attended by 23
// administrative units and the county epidemic-control HQ, recommendations 桂检行公建〔2022〕1–9号
// served 20–22 June, replies within two months, follow-up, and closure (one case still in follow-up).

export const SERIES_NAME = "桂阳县重点公共场所废弃口罩收集处置";
export const SERIES_HEARING_TITLE = "桂阳县重点公共场所废弃口罩收集处置系列案公开听证";

type SeriesCase = {
  key: string; // agency key
  places: string; // the public places the agency supervises
  duty: string;
  basis: string; // agency-specific legal basis, appended to the common one
  photoPlace: string;
  witness?: string;
  filedOn: string;
  session: string; // hearing session (wall time)
  served: { on: string; method: ServiceMethod; place: string; signedBy: string };
  points: { text: string; answer: string; status?: AnswerStatus }[];
  replyOn: string;
  replySummary: string;
  followUp: { on: string; method: string; findings: string; conclusion: FollowUpConclusion };
  closedOn?: string; // absent: still in follow_up
  secondReply?: { on: string; summary: string };
};

const COMMON_BASIS =
  "《中华人民共和国行政诉讼法》第二十五条第四款；《人民检察院公益诉讼办案规则》第七十五条；《中华人民共和国传染病防治法》；《中华人民共和国固体废物污染环境防治法》；《医疗废物管理条例》";

const CASES: SeriesCase[] = [
  {
    key: "health",
    places: "县人民医院、县中医医院等医疗机构门诊楼出入口及周边公共区域",
    duty: "全县医疗卫生机构医疗废物管理的监督检查，并指导公共场所废弃口罩的分类收集和处置",
    basis: "《医疗卫生机构医疗废物管理办法》",
    photoPlace: "桂阳县人民医院门诊楼周边",
    filedOn: "2022-05-25",
    session: "2022-06-09 09:00",
    served: { on: "2022-06-20", method: "announcement", place: "桂阳县人民检察院检察听证室", signedBy: "谭国栋" },
    points: [
      {
        text: "督促全县各医疗机构在门诊、住院部出入口及周边公共区域设置废弃口罩专用收集容器，并按照医疗废物进行管理。",
        answer: "已督促县人民医院、县中医医院等23家医疗机构在出入口设置专用收集容器186个，纳入医疗废物管理。",
      },
      {
        text: "会同相关部门制定全县公共场所废弃口罩收集、消毒、转运、处置工作指引，明确各环节责任主体。",
        answer: "已会同县城管局、县市场监管局等部门印发《桂阳县公共场所废弃口罩收集处置工作指引》。",
      },
      {
        text: "加强对医疗机构医疗废物暂存、交接、转运台账的监督检查，杜绝废弃口罩混入生活垃圾。",
        answer: "已开展医疗废物管理专项检查两轮，责令3家机构完善交接台账并已整改完毕。",
      },
    ],
    replyOn: "2022-08-12",
    replySummary: "收到检察建议后，我局高度重视，成立整改工作专班，逐条落实整改措施，现将整改情况回复如下。",
    followUp: {
      on: "2022-09-16",
      method: "实地回访县人民医院、县中医医院及3家乡镇卫生院，查阅医疗废物交接台账",
      findings: "各医疗机构出入口均已设置专用收集容器并张贴标识，医疗废物交接台账完整，未发现废弃口罩混入生活垃圾。",
      conclusion: "rectified",
    },
    closedOn: "2022-09-28",
  },
  {
    key: "ecoenv",
    places: "全县医疗废物收集、贮存、转运和集中处置环节",
    duty: "医疗废物收集、贮存、处置过程中环境污染防治工作的统一监督管理",
    basis: "《中华人民共和国环境保护法》",
    photoPlace: "城区某生活垃圾中转站",
    filedOn: "2022-05-25",
    session: "2022-06-09 14:30",
    served: { on: "2022-06-21", method: "direct", place: "郴州市生态环境局桂阳分局办公室", signedBy: "罗志勇" },
    points: [
      {
        text: "加强对医疗废物集中处置单位的监督检查，确保公共场所收集的废弃口罩得到及时、无害化处置。",
        answer: "已对医疗废物集中处置单位开展专项执法检查，督促其增加收运频次至每日一次。",
      },
      {
        text: "督促医疗废物收运单位与各收集点建立交接联单制度，规范转运。",
        answer: "已督促建立交接联单制度，覆盖全县各收集点，联单实行电子化管理。",
      },
      {
        text: "联合卫生健康、城市管理部门开展废弃口罩收集处置专项检查。",
        answer: "已联合县卫健局、县城管局开展联合检查2次，发现问题5处，均已整改。",
      },
    ],
    replyOn: "2022-08-10",
    replySummary: "我局按照检察建议要求，对医疗废物收集处置全过程开展了专项整治，整改情况如下。",
    followUp: {
      on: "2022-09-15",
      method: "查阅交接联单及执法检查记录，实地查看城区生活垃圾中转站",
      findings: "交接联单制度已落实，中转站未再发现混入的废弃口罩，医疗废物处置单位收运记录完整。",
      conclusion: "rectified",
    },
    closedOn: "2022-09-28",
  },
  {
    key: "urban",
    places: "城区主次干道、公园广场及公共厕所等人员密集区域",
    duty: "城区市容环境卫生管理以及生活垃圾收集、运输、处置的监督管理",
    basis: "《城市市容和环境卫生管理条例》",
    photoPlace: "城区某公园广场",
    witness: "环卫作业人员",
    filedOn: "2022-05-25",
    session: "2022-06-10 09:00",
    served: { on: "2022-06-20", method: "announcement", place: "桂阳县人民检察院检察听证室", signedBy: "黄启明" },
    points: [
      {
        text: "在城区主次干道、公园广场、公共厕所等人员密集区域增设废弃口罩专用收集桶，并张贴规范投放指引标识。",
        answer: "已在城区主次干道、公园广场、公共厕所增设废弃口罩专用收集桶312个，均张贴投放指引。",
      },
      {
        text: "督促环卫作业单位对专用收集桶每日至少清运一次并喷洒消毒，单独收运、交有资质单位集中处置，建立收运台账。",
        answer: "已与环卫作业公司签订补充协议，实行每日清运消毒、单独收运，收运台账每周报局备查。",
      },
      {
        text: "加强环卫作业人员个人防护培训和日常巡查，及时清理随意丢弃的废弃口罩。",
        answer: "已组织环卫作业人员防护培训4场，纳入网格化巡查，发现随意丢弃即时清理。",
      },
    ],
    replyOn: "2022-08-05",
    replySummary: "我局对照检察建议逐项整改，现已全部整改到位，具体情况回复如下。",
    followUp: {
      on: "2022-09-14",
      method: "实地回访城区主次干道、公园广场及公共厕所，抽查环卫收运台账",
      findings: "抽查的46个收集点均设置专用收集桶并标识清晰，收运台账记录完整，现场未发现随意丢弃的废弃口罩。",
      conclusion: "rectified",
    },
    closedOn: "2022-09-28",
  },
  {
    key: "market",
    places: "城区各农贸市场及大型商场超市",
    duty: "农贸市场、商场超市等经营场所的监督管理，督促市场开办者落实环境卫生和疫情防控主体责任",
    basis: "《中华人民共和国食品安全法》",
    photoPlace: "城区某农贸市场",
    witness: "农贸市场保洁员",
    filedOn: "2022-05-26",
    session: "2022-06-13 09:00",
    served: { on: "2022-06-21", method: "direct", place: "桂阳县市场监督管理局办公室", signedBy: "曹建新" },
    points: [
      {
        text: "督促城区各农贸市场、商场超市开办者在出入口设置废弃口罩专用收集容器及标识。",
        answer: "城区7个农贸市场、12家大型商超已全部在出入口设置专用收集容器及标识。",
      },
      {
        text: "督促市场开办者落实每日消毒、专人收集、规范交运制度，并纳入日常监督检查内容。",
        answer: "已将废弃口罩收集处置纳入农贸市场日常检查表，各市场明确专人负责。",
      },
    ],
    replyOn: "2022-08-15",
    replySummary: "我局已按检察建议要求完成整改，现将有关情况回复如下。",
    followUp: {
      on: "2022-09-21",
      method: "实地回访城区3个农贸市场、2家商超，询问市场管理人员",
      findings: "回访的市场和商超出入口均设置专用收集容器，消毒和收运记录完整。",
      conclusion: "rectified",
    },
    closedOn: "2022-10-12",
  },
  {
    key: "commerce",
    places: "县城大型商贸综合体、宾馆酒店等商贸流通和住宿餐饮场所",
    duty: "商贸流通和住宿餐饮行业的行业管理，督促行业经营单位落实疫情防控要求",
    basis: "《湖南省及郴州市新冠肺炎疫情防控工作有关规定》",
    photoPlace: "城区某大型商超出入口",
    filedOn: "2022-05-26",
    session: "2022-06-13 14:30",
    served: { on: "2022-06-21", method: "direct", place: "桂阳县商务局办公室", signedBy: "邓晓军" },
    points: [
      {
        text: "督促县城大型商贸综合体、宾馆酒店在出入口和公共区域设置废弃口罩专用收集容器。",
        answer: "已督促县城8家商贸综合体、21家宾馆酒店设置专用收集容器。",
      },
      {
        text: "将废弃口罩规范收集处置纳入商贸流通和住宿餐饮行业疫情防控检查内容，建立检查台账。",
        answer: "已纳入行业疫情防控检查清单，每月检查一次并建立台账。",
      },
    ],
    replyOn: "2022-08-16",
    replySummary: "我局已将检察建议要求纳入行业疫情防控工作，整改情况如下。",
    followUp: {
      on: "2022-09-22",
      method: "实地回访商贸综合体及宾馆酒店5家，查阅行业检查台账",
      findings: "回访场所均已设置专用收集容器，行业检查台账按月记录。",
      conclusion: "rectified",
    },
    closedOn: "2022-10-12",
  },
  {
    key: "transport",
    places: "桂阳汽车站等客运站场及城乡公交站点",
    duty: "道路客运站场的行业监督管理，督促客运经营者落实站场环境卫生和疫情防控要求",
    basis: "《中华人民共和国道路运输条例》",
    photoPlace: "桂阳汽车站候车厅",
    witness: "汽车站保洁人员",
    filedOn: "2022-05-26",
    session: "2022-06-14 09:00",
    served: { on: "2022-06-21", method: "direct", place: "桂阳县交通运输局办公室", signedBy: "李卫华" },
    points: [
      {
        text: "督促桂阳汽车站等客运站场在候车厅、售票厅、出站口设置废弃口罩专用收集容器，并设置醒目提示。",
        answer: "桂阳汽车站及各乡镇客运站已在候车厅、售票厅、出站口设置专用收集容器和提示牌。",
      },
      {
        text: "督促客运企业落实站场每日消毒和废弃口罩专人收集、规范转运制度。",
        answer: "已督促客运企业明确专人收集，每日消毒并与医疗废物处置单位签订收运协议。",
      },
      {
        text: "利用客运车辆和站场电子显示屏加强规范投放宣传。",
        answer: "站场电子屏和客运车辆已滚动播放规范投放宣传内容。",
      },
    ],
    replyOn: "2022-07-28",
    replySummary: "我局收到检察建议后立即部署，督促客运站场全面整改，现将整改情况回复如下。",
    followUp: {
      on: "2022-09-08",
      method: "实地回访桂阳汽车站，询问站场管理人员和保洁人员",
      findings: "候车厅、售票厅、出站口均设置专用收集容器，保洁人员每日消毒清运，宣传到位。",
      conclusion: "rectified",
    },
    closedOn: "2022-09-28",
  },
  {
    key: "culture",
    places: "宝山国家矿山公园等旅游景区、文化体育场馆及网吧、歌舞娱乐场所",
    duty: "旅游景区、文化体育场馆和文化娱乐经营场所的行业监督管理",
    basis: "《中华人民共和国旅游法》",
    photoPlace: "宝山国家矿山公园景区入口",
    filedOn: "2022-05-27",
    session: "2022-06-15 09:00",
    served: { on: "2022-06-22", method: "direct", place: "桂阳县文化旅游广电体育局办公室", signedBy: "何丽君" },
    points: [
      {
        text: "督促辖区旅游景区、文化体育场馆在游客中心、出入口设置废弃口罩专用收集容器及标识。",
        answer: "宝山国家矿山公园等4个景区、县城文化体育场馆已设置专用收集容器。",
      },
      {
        text: "督促网吧、歌舞娱乐场所经营者落实每日清运消毒，并纳入文化市场日常执法检查。",
        answer: "已纳入文化市场日常执法检查内容，检查网吧、歌舞娱乐场所56家次。",
      },
    ],
    replyOn: "2022-08-11",
    replySummary: "我局已按检察建议要求督促行业场所整改，整改情况如下。",
    followUp: {
      on: "2022-09-23",
      method: "实地回访宝山国家矿山公园及县城网吧2家",
      findings: "景区入口和游客中心设置专用收集容器，网吧场所清运消毒记录完整。",
      conclusion: "rectified",
    },
    closedOn: "2022-10-12",
  },
  {
    key: "education",
    places: "全县中小学校、幼儿园校园内及校门口周边",
    duty: "全县各级各类学校的教育行政管理，指导督促学校落实校园疫情防控和环境卫生要求",
    basis: "《中华人民共和国教育法》",
    photoPlace: "城区某小学校门口",
    filedOn: "2022-05-27",
    session: "2022-06-15 14:30",
    served: { on: "2022-06-22", method: "direct", place: "桂阳县教育局办公室", signedBy: "雷文涛" },
    points: [
      {
        text: "督促全县中小学校、幼儿园在校园出入口、教学楼等区域设置废弃口罩专用收集容器，落实每日清运消毒。",
        answer: "全县中小学校、幼儿园已全部设置专用收集容器，每日由后勤人员清运消毒。",
      },
      {
        text: "会同属地乡镇街道做好校门口周边公共区域废弃口罩的清理，并加强对师生规范投放的宣传教育。",
        answer: "已与龙潭、鹿峰街道建立校门口周边协同清理机制，各校开展主题班会宣传。",
      },
    ],
    replyOn: "2022-08-02",
    replySummary: "我局已组织全县学校开展废弃口罩收集处置专项整改，现将情况回复如下。",
    followUp: {
      on: "2022-09-20",
      method: "开学后实地回访城区小学2所、幼儿园1所",
      findings: "校园内收集容器设置到位，校门口周边未发现随意丢弃的废弃口罩。",
      conclusion: "rectified",
    },
    closedOn: "2022-10-20",
  },
  {
    key: "longtan",
    places: "辖区居民小区、背街小巷及零散集贸点",
    duty: "辖区环境卫生和疫情防控的属地管理",
    basis: "《城市市容和环境卫生管理条例》",
    photoPlace: "龙潭街道某居民小区垃圾收集点",
    witness: "小区居民",
    filedOn: "2022-05-27",
    session: "2022-06-16 09:00",
    served: { on: "2022-06-22", method: "direct", place: "桂阳县龙潭街道办事处", signedBy: "廖春燕" },
    points: [
      {
        text: "在辖区居民小区、背街小巷垃圾收集点设置废弃口罩专用收集容器。",
        answer: "已在有物业管理的42个小区设置专用收集容器；无物业管理小区和背街小巷正在分批设置。",
        status: "in_progress",
      },
      {
        text: "督促物业服务企业和社区保洁人员落实每日清运消毒，交有资质单位处置。",
        answer: "已督促物业服务企业落实每日清运消毒，并纳入环卫统一收运。",
      },
      {
        text: "依托社区网格开展规范投放宣传。",
        answer: "各社区已通过网格员入户、微信群开展宣传。",
      },
    ],
    replyOn: "2022-08-19",
    replySummary: "我街道已按检察建议开展整改，部分整改事项正在推进，现将阶段性整改情况回复如下。",
    followUp: {
      on: "2022-09-20",
      method: "实地回访有物业小区3个、无物业小区2个及背街小巷",
      findings: "有物业管理小区已设置专用收集容器；2个无物业管理小区和部分背街小巷尚未设置，仍有随意丢弃现象。",
      conclusion: "partly_rectified",
    },
    secondReply: {
      on: "2022-10-15",
      summary: "针对回访发现的问题，我街道已为无物业管理小区统一配置收集容器28个，背街小巷由社区网格员每日巡查，现补充回复如下。",
    },
  },
];

/** Panelists whose opinion on a case is not a plain "agree". */
const OPINION_EXCEPTIONS: Record<string, { stance: "conditional" | "disagree"; reasons: string; conditions?: string }> = {
  "liao/health": {
    stance: "conditional",
    reasons: "原则同意检察机关意见。医疗机构周边废弃口罩感染风险较高，应按医疗废物严格管理。",
    conditions: "建议在检察建议中明确医疗机构周边收集容器的设置主体和交接时限。",
  },
  "liao/ecoenv": {
    stance: "conditional",
    reasons: "原则同意。处置环节是闭环管理的关键，应强化联单管理。",
    conditions: "建议要求实行交接联单电子化，并明确与卫健、城管部门的联合检查频次。",
  },
  "jiang/urban": {
    stance: "conditional",
    reasons: "同意制发检察建议，城区人员密集区域问题较为突出。",
    conditions: "建议收集桶统一标识、颜色醒目，并张贴规范投放指引。",
  },
  "xu/culture": {
    stance: "conditional",
    reasons: "原则同意。景区游客流动性大，应重点关注节假日高峰时段。",
    conditions: "建议在节假日增加清运频次。",
  },
  "luo/longtan": {
    stance: "conditional",
    reasons: "同意检察机关意见。街道作为属地管理主体，对辖区小区和背街小巷负有管理责任。",
    conditions: "建议一并督促落实无物业管理小区的兜底管理责任。",
  },
  "lei/education": {
    stance: "disagree",
    reasons:
      "不同意对县教育局制发检察建议。校园内已基本设置收集容器，问题主要集中在校门口外的公共区域，应由属地街道和城管部门负责，宜以磋商方式督促教育局配合整改。",
  },
};

/** Representatives of the 23 units: name and post (invented names). */
const REPRESENTATIVES: Record<string, [string, string][]> = {
  health: [["周海林", "党组成员、副局长"], ["刘晓红", "医政医管股股长"]],
  urban: [["唐志军", "副局长"], ["黄海涛", "法制股股长"]],
  market: [["郭文斌", "副局长"], ["陈丽萍", "食品流通股股长"]],
  transport: [["段建明", "副局长"], ["李红英", "运输管理股股长"]],
  commerce: [["何小勇", "副局长"], ["王静", "市场运行股股长"]],
  education: [["邓卫红", "副局长"], ["胡俊", "安全股股长"]],
  culture: [["朱立群", "副局长"], ["李文博", "旅游股股长"]],
  housing: [["曹海斌", "副局长"]],
  ecoenv: [["罗建华", "副局长"], ["肖志强", "生态环境保护综合行政执法大队大队长"]],
  police: [["何志勇", "治安管理大队副大队长"]],
  civil: [["彭美华", "副局长"]],
  agri: [["唐利民", "副局长"]],
  water: [["蒋德平", "副局长"]],
  land: [["雷小春", "副局长"]],
  longtan: [["廖建平", "副主任"], ["谭红梅", "社会事务办主任"]],
  lufeng: [["李建国", "副主任"]],
  huangshaping: [["邓小兵", "副主任"]],
  ouyanghai: [["欧阳志", "副镇长"]],
  renyi: [["曾卫东", "副镇长"]],
  taihe: [["吴海燕", "副镇长"]],
  yangshi: [["彭志华", "副镇长"]],
  zhenghe: [["陈海波", "副镇长"]],
  chongling: [["刘红军", "副镇长"]],
};

export async function seedSeries(s: Scenario, org: Org) {
  const { tx } = s;
  const g = org.guiyang.id;
  const { prosecutor, assistant, clerk, chief } = org.users;
  const collectors = [prosecutor.id, assistant.id]; // 规则 Art 36: two staff

  // ── clues ──
  const clue1 = await tx.clue.create({
    data: {
      procuratorateId: g,
      number: "2022-线索-001",
      source: "volunteer",
      receivedOn: "2022-05-12",
      summary:
        "“益心为公”志愿者通过检察公益诉讼平台反映：桂阳汽车站、城区农贸市场等人员密集场所未设置废弃口罩专用收集容器，废弃口罩与生活垃圾混投，部分被随意丢弃在地面。",
      field: "public_health",
      location: "桂阳县城区汽车站、农贸市场等公共场所",
      informantName: "唐雅婷",
      informantPhone: "13755201847",
      informantIdNumber: fakeIdNumber("431021", "1992-04-16", 24),
      status: "filed",
      evaluation:
        "经初步调查，城区汽车站、农贸市场、医疗机构周边、商超、景区、校园周边及居民小区普遍存在废弃口罩收集处置不规范问题，涉及多个负有监管职责的行政机关，建议对各责任单位分别立案，作为系列案办理。",
      registeredById: assistant.id,
      assigneeId: prosecutor.id,
      createdAt: t("2022-05-12 15:20"),
    },
  });
  const clue2 = await tx.clue.create({
    data: {
      procuratorateId: g,
      number: "2022-线索-002",
      source: "report",
      receivedOn: "2022-05-16",
      summary: "群众来电反映：县人民医院门诊楼周边花坛、路边常见废弃口罩，保洁人员徒手清理，担心造成病毒传播。",
      field: "public_health",
      location: "桂阳县人民医院周边",
      informantName: "赵德明",
      informantPhone: "13607358823",
      informantIdNumber: fakeIdNumber("431021", "1979-10-03", 31),
      status: "filed",
      evaluation: "与2022-线索-001反映问题同类，并入废弃口罩收集处置系列案一并办理。",
      registeredById: assistant.id,
      assigneeId: prosecutor.id,
      createdAt: t("2022-05-16 10:05"),
    },
  });
  for (const c of [clue1, clue2]) {
    s.audit({
      procuratorateId: g,
      actorId: assistant.id,
      action: "clue.register",
      entityType: "Clue",
      entityId: c.id,
      data: { number: c.number, source: c.source },
      at: c.createdAt,
    });
  }

  // ── series ──
  const series = await tx.caseSeries.create({
    data: {
      procuratorateId: g,
      name: SERIES_NAME,
      summary:
        "2022年5月，本院在履行职责中发现并经“益心为公”志愿者反映，桂阳县城区汽车站、农贸市场、医疗机构周边、商超、景区、校园周边及居民小区等重点公共场所普遍未设置废弃口罩专用收集容器，废弃口罩与生活垃圾混投混运，部分被随意丢弃，存在病毒传播和环境污染风险。该问题涉及卫生健康、城市管理、市场监管、交通运输等多个职能部门和属地街道，本院依照《人民检察院公益诉讼办案规则》第六十九条对负有监管职责的行政机关分别立案，作为系列案办理，并于2022年6月9日至16日召开系列公开听证，邀请23家行政单位及县新冠肺炎疫情防控指挥部参加。",
      createdAt: t("2022-05-24 16:00"),
    },
  });

  // ── cases ──
  const seeded: { def: SeriesCase; caseId: string; title: string; agencyId: string; agencyName: string; number: string }[] = [];
  const ordered = [...CASES].sort((a, b) => a.filedOn.localeCompare(b.filedOn));
  let seq = 0;
  for (const def of ordered) {
    seq += 1;
    const a = org.agency(def.key);
    const title = `${a.name}怠于履行废弃口罩收集处置监管职责案`;
    const number = `2022-行公-${String(seq).padStart(3, "0")}`;
    const steps: Step[] = [
      { to: "filed", at: `${def.filedOn} 10:00`, reason: "经初步调查，废弃口罩收集处置不规范问题客观存在，可能损害社会公共利益，该单位负有监管职责。" },
      { to: "investigating", at: `${def.filedOn} 15:00`, reason: "调查方案已制定（规则第三十三条）" },
      { to: "recommending", at: "2022-06-17 10:00", reason: "调查终结，拟制发检察建议；听证员多数意见同意。" },
      { to: "rectification", at: `${def.served.on} 10:00`, reason: "检察建议书已送达", requestedAt: "2022-06-17 15:00" },
      { to: "follow_up", at: `${workdayAfter(def.replyOn, 2)} 09:00`, reason: "收到书面回复，开展跟进调查" },
    ];
    if (def.closedOn) {
      steps.push({
        to: "closed",
        at: `${def.closedOn} 16:00`,
        reason: "经跟进调查，行政机关已全面整改，社会公共利益得到有效保护（规则第七十四条、第八十条）。",
      });
    }
    const c = await s.createCase({
      procuratorateId: g,
      seriesId: series.id,
      clueId: def.key === "health" ? clue2.id : clue1.id,
      number,
      title,
      field: "public_health",
      summary: `${def.places}未设置废弃口罩专用收集容器或收集处置不规范，废弃口罩与生活垃圾混投混运、随意丢弃，存在传染病传播和环境污染风险。${a.name}负责${def.duty}。`,
      respondentAgencyId: a.id,
      leadId: prosecutor.id,
      members: [
        { userId: prosecutor.id, role: "lead" },
        { userId: assistant.id, role: "assistant" },
        { userId: clerk.id, role: "clerk" },
      ],
      createdAt: "2022-05-19 09:30",
      steps,
    });
    seeded.push({ def, caseId: c.id, title, agencyId: a.id, agencyName: a.name, number });

    // 立案决定书 served within 7 days (规则 Art 70); no 文号 code exists for it in DOMAIN.md, so none.
    s.service({
      data: {
        caseId: c.id,
        documentKind: "filing_decision",
        agencyId: a.id,
        recipient: a.name,
        method: "direct",
        place: `${a.name}办公室`,
        servedOn: workdayAfter(def.filedOn, 2),
        signedBy: REPRESENTATIVES[def.key]?.[1]?.[0] ?? a.head,
        serverName: `${assistant.displayName}、${clerk.displayName}`,
        createdById: assistant.id,
        createdAt: t(`${workdayAfter(def.filedOn, 2)} 16:00`),
      },
    });
  }

  // ── evidence ──
  const disclosed: string[] = [];
  let photoSeed = 100;
  for (const sc of seeded) {
    const { def } = sc;
    const base = {
      procuratorateId: g,
      caseId: sc.caseId,
      collectorIds: collectors,
      createdById: assistant.id,
      storedById: clerk.id,
    };
    const e1 = await s.evidence({
      ...base,
      ordinal: 1,
      title: `${def.photoPlace}废弃口罩现场照片`,
      kind: "audiovisual",
      description: `拍摄${def.photoPlace}废弃口罩随意丢弃、与生活垃圾混投情况，共2张。`,
      collectedOn: "2022-05-18",
      source: "现场拍摄",
      photo: { place: def.photoPlace, time: "09:40", seed: photoSeed++, count: 2, org: org.guiyang.name },
    });
    const e2 = await s.evidence({
      ...base,
      ordinal: 2,
      title: `${def.photoPlace}现场勘验笔录`,
      kind: "inspection",
      description: `对${def.photoPlace}废弃口罩收集容器设置、清运消毒情况进行现场勘验，记录未设置专用收集容器、无投放标识等情况。`,
      collectedOn: "2022-05-30",
      source: "现场勘验",
    });
    const e3 = await s.evidence({
      ...base,
      ordinal: 3,
      title: `${sc.agencyName}“三定”方案及权责清单（复印件）`,
      kind: "documentary",
      description: `证明${sc.agencyName}负责${def.duty}。`,
      collectedOn: "2022-06-01",
      source: sc.agencyName,
      isOriginal: false,
    });
    disclosed.push(e1, e2, e3);
    if (def.witness) {
      await s.evidence({
        ...base,
        ordinal: 4,
        title: `${def.witness}询问笔录`,
        kind: "witness",
        description: `询问${def.witness}废弃口罩日常收集、清运情况。笔录含被询问人身份信息。`,
        collectedOn: "2022-06-02",
        source: "询问",
        containsPersonal: true,
      });
    }
  }

  // ── the series hearing ──
  const hearingApproval = await s.approval({
    procuratorateId: g,
    caseId: null,
    kind: "hearing",
    subject: `提请召开听证：${SERIES_HEARING_TITLE}`,
    requestedById: prosecutor.id,
    requestedAt: t("2022-05-31 15:00"),
    decidedById: chief.id,
    decidedAt: t("2022-06-01 10:00"),
    comment: "同意公开听证，邀请各相关行政单位参加。",
  });
  const hearing = await tx.hearing.create({
    data: {
      procuratorateId: g,
      seriesId: series.id,
      title: SERIES_HEARING_TITLE,
      purpose: "各被建议单位对重点公共场所废弃口罩收集处置是否负有监管职责、是否依法履职，以及拟提出的整改措施是否可行。",
      isPublic: true,
      venue: "桂阳县人民检察院检察听证室",
      startsAt: t("2022-06-09 09:00"),
      endsAt: t("2022-06-16 17:00"),
      hostId: prosecutor.id,
      clerkId: clerk.id,
      status: "concluded",
      announcement: [
        "桂阳县人民检察院",
        "听证公告",
        "",
        "本院定于2022年6月9日至6月16日，在桂阳县人民检察院检察听证室对桂阳县重点公共场所废弃口罩收集处置系列案召开公开听证会。现将有关事项公告如下：",
        "一、听证事项：桂阳县城区汽车站、农贸市场、医疗机构周边、商超、景区、校园周边及居民小区等重点公共场所废弃口罩收集处置监管职责的履行情况。",
        `二、听证主持人：${prosecutor.displayName}（检察官）。`,
        "三、听证员：人大代表、政协委员、人民监督员和“益心为公”志愿者共12名。",
        "四、参加人：桂阳县卫生健康局等23家行政单位，桂阳县新冠肺炎疫情防控指挥部。",
        "五、旁听：听证会公开进行。公民可于2022年6月8日17时前携带有效身份证件向本院案件管理部报名申请旁听，旁听席位20个，按报名先后确定。",
        "六、联系电话：0735-12309。",
        "",
        "桂阳县人民检察院",
        "2022年6月5日",
      ].join("\n"),
      announcedAt: t("2022-06-05 10:00"),
      contactPhone: "0735-12309",
      observerSeats: 20,
      deliberationSummary:
        "听证员经评议认为：各被建议单位对本行业、本辖区重点公共场所废弃口罩收集处置负有监管职责；现场照片、勘验笔录等证据能够证明问题客观存在；检察机关拟以检察建议督促依法履职的意见合法、必要。对县教育局一案，1名听证员认为宜以磋商方式处理，其余听证员同意制发检察建议；对县卫健局、生态环境桂阳分局、县城管局、县文旅广体局、龙潭街道五案，部分听证员提出在检察建议中明确设置主体、整改时限和清运频次的附加意见。",
      hostSummary:
        "本次系列听证于6月9日至16日在6个工作日内分9个场次进行，23家行政单位和县新冠肺炎疫情防控指挥部派员参加，12名听证员中1名依法回避。各单位对问题事实无异议，均表示将积极整改。本院将充分吸收听证员意见，依法对9家负有监管职责的单位分别制发检察建议，并跟进监督整改落实。",
      concludedAt: t("2022-06-16 17:30"),
      createdAt: t("2022-06-01 11:00"),
      updatedAt: t("2022-06-16 17:30"),
    },
  });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor.id,
    action: "hearing.create",
    entityType: "Hearing",
    entityId: hearing.id,
    data: { title: hearing.title },
    at: hearing.createdAt,
  });
  // The approval names its hearing (Approval.hearingId); the hearing is created once approved.
  await tx.approval.update({ where: { id: hearingApproval }, data: { hearingId: hearing.id } });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor.id,
    action: "hearing.announce",
    entityType: "Hearing",
    entityId: hearing.id,
    data: { announcedAt: hearing.announcedAt },
    at: hearing.announcedAt!,
  });

  const byHearingOrder = [...seeded].sort((a, b) => a.def.session.localeCompare(b.def.session));
  await tx.hearingCase.createMany({
    data: byHearingOrder.map((sc, i) => ({
      hearingId: hearing.id,
      caseId: sc.caseId,
      ordinal: i + 1,
      sessionAt: t(sc.def.session),
      issues: `1. ${sc.def.places}废弃口罩收集处置现状及风险；2. ${sc.agencyName}是否负有监管职责及履职情况；3. 拟提出的整改措施是否可行。`,
    })),
  });

  // Panel: all 12 seated; 侯国庆 recused for his former employment at the 市场监管局.
  const recusedKey = "hou";
  await tx.hearingPanelist.createMany({
    data: [...org.panel.entries()].map(([key, p]) => ({
      hearingId: hearing.id,
      panelistId: p.id,
      invitedAt: t("2022-06-02 10:00"),
      declaredAt: t("2022-06-07 15:00"),
      declaration:
        key === recusedKey
          ? "本人曾在桂阳县市场监督管理局工作至2020年10月，与本系列案中该局所涉案件存在利害关系，申请回避。"
          : "本人与本次听证所涉案件及参加听证的行政机关、其负责人均不存在利害关系，能够客观公正地发表意见。",
      recused: key === recusedKey,
      recusalReason: key === recusedKey ? "曾在被建议单位桂阳县市场监督管理局工作，申请回避，经检察长批准。" : null,
      attended: key !== recusedKey,
    })),
  });

  // Participants: the 23 units (agency_representative) and 2 staff of the HQ (other).
  const participants: {
    hearingId: string;
    kind: ParticipantKind;
    agencyId: string | null;
    organisation: string;
    name: string;
    post: string;
    attended: boolean;
  }[] = [];
  for (const unit of SERIES_UNITS) {
    const a = org.agency(unit.key);
    for (const [name, post] of REPRESENTATIVES[unit.key] ?? []) {
      participants.push({ hearingId: hearing.id, kind: "agency_representative", agencyId: a.id, organisation: a.name, name, post, attended: true });
    }
  }
  const hq = org.agency("hq");
  for (const [name, post] of [
    ["李红霞", "指挥部办公室副主任"],
    ["赵俊", "指挥部办公室工作人员"],
  ] as const) {
    participants.push({ hearingId: hearing.id, kind: "other", agencyId: hq.id, organisation: hq.name, name, post, attended: true });
  }
  await tx.hearingParticipant.createMany({ data: participants });
  await s.disclose(hearing.id, disclosed, prosecutor.id, t("2022-06-08 16:00"));

  // Opinions of the 11 sitting panelists on each of the 9 cases.
  const opinions = [];
  for (const sc of byHearingOrder) {
    for (const [key, p] of org.panel) {
      if (key === recusedKey) continue;
      const exception = OPINION_EXCEPTIONS[`${key}/${sc.def.key}`];
      opinions.push({
        hearingId: hearing.id,
        caseId: sc.caseId,
        panelistId: p.id,
        stance: exception?.stance ?? "agree",
        reasons:
          exception?.reasons ??
          `同意检察机关意见。${sc.agencyName}对${sc.def.places}废弃口罩收集处置负有监管职责，现场证据显示问题客观存在，建议以检察建议督促其依法履职。`,
        conditions: exception?.conditions ?? null,
        signedName: p.name,
        submittedAt: addMinutes(t(sc.def.session), 150),
        updatedAt: addMinutes(t(sc.def.session), 150),
      });
    }
  }
  await tx.panelOpinion.createMany({ data: opinions });
  // The host closed deliberation on the last day, before summing up: the opinions are final and
  // unsealed from then (app/domain/hearing/opinions.ts).
  await tx.hearing.update({
    where: { id: hearing.id },
    data: { deliberationClosedAt: t("2022-06-16 16:40"), deliberationClosedById: prosecutor.id, stage: "summary", updatedAt: t("2022-06-16 17:30") },
  });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor.id,
    action: "hearing.conclude",
    entityType: "Hearing",
    entityId: hearing.id,
    data: { cases: seeded.length, opinions: opinions.length, participants: participants.length },
    at: hearing.concludedAt!,
  });

  // ── recommendations, service, replies, follow-up ──
  const byNumber = byHearingOrder; // numbered in hearing order: 桂检行公建〔2022〕1号 … 9号
  let n = 0;
  for (const sc of byNumber) {
    n += 1;
    const { def } = sc;
    const number = `桂检行公建〔2022〕${n}号`;
    const closed = Boolean(def.closedOn);
    const rec = await tx.recommendation.create({
      data: {
        caseId: sc.caseId,
        procuratorateId: g,
        number,
        status: closed ? "closed" : "replied",
        facts: `2022年5月，本院在履行职责中发现，${def.places}未设置废弃口罩专用收集容器，或虽设置但标识不清、未按要求每日清运消毒，废弃口罩与其他生活垃圾混投混运，部分被随意丢弃于地面。本院经现场勘验、拍照固定证据并询问相关人员，查明上述问题客观存在。2022年6月，本院就该问题召开公开听证，听证员多数意见同意本院制发检察建议。`,
        reasons: `${sc.agencyName}负责${def.duty}。废弃口罩属于可能携带病原体的特殊废弃物，未规范收集处置，存在传染病传播和环境污染风险。${sc.agencyName}未充分履行监管职责，致使社会公共利益处于受侵害状态。`,
        legalBasis: `${COMMON_BASIS}；${def.basis}`,
        replyPeriod: "two_months",
        ccList: "桂阳县人民政府；郴州市人民检察院",
        issuedOn: def.served.on,
        createdById: prosecutor.id,
        createdAt: t("2022-06-17 11:00"),
        updatedAt: t(`${def.closedOn ?? def.secondReply?.on ?? def.replyOn} 16:00`),
        points: { create: def.points.map((p, i) => ({ ordinal: i + 1, text: p.text })) },
      },
      include: { points: { orderBy: { ordinal: "asc" } } },
    });
    s.audit({
      procuratorateId: g,
      actorId: prosecutor.id,
      action: "recommendation.create",
      entityType: "Recommendation",
      entityId: rec.id,
      caseId: sc.caseId,
      data: { points: rec.points.length },
      at: rec.createdAt,
    });
    const reps = REPRESENTATIVES[def.key] ?? [];
    s.service({
      data: {
        caseId: sc.caseId,
        documentKind: "recommendation",
        documentNumber: number,
        recommendationId: rec.id,
        agencyId: sc.agencyId,
        recipient: sc.agencyName,
        method: def.served.method,
        place: def.served.place,
        servedOn: def.served.on,
        signedBy: def.served.signedBy,
        witness: def.served.method === "announcement" ? "县人大代表刘振华、人民监督员黄永健（宣告送达见证）" : null,
        serverName: `${prosecutor.displayName}、${clerk.displayName}`,
        createdById: clerk.id,
        createdAt: t(`${def.served.on} 11:00`),
      },
    });
    s.audit({
      procuratorateId: g,
      actorId: clerk.id,
      action: "recommendation.serve",
      entityType: "Recommendation",
      entityId: rec.id,
      caseId: sc.caseId,
      data: { number, method: def.served.method, servedOn: def.served.on, agency: sc.agencyName },
      at: t(`${def.served.on} 11:00`),
    });

    const liaisonId = def.key === "urban" ? org.users.agencyUser.id : null;
    const reply = await tx.reply.create({
      data: {
        recommendationId: rec.id,
        agencyId: sc.agencyId,
        submittedById: liaisonId,
        summary: def.replySummary,
        status: "assessed",
        submittedAt: t(`${def.replyOn} 16:30`),
        createdAt: t(`${addDays(def.replyOn, -2)} 10:00`),
        updatedAt: t(`${def.followUp.on} 17:00`),
      },
    });
    s.replyAnswers({
      data: rec.points.map((p, i) => ({
        replyId: reply.id,
        pointId: p.id,
        status: def.points[i]?.status ?? "done",
        text: def.points[i]?.answer ?? "",
      })),
    });
    s.audit({
      procuratorateId: g,
      actorId: liaisonId,
      action: "reply.submit",
      entityType: "Reply",
      entityId: reply.id,
      caseId: sc.caseId,
      data: { recommendation: number, agency: sc.agencyName },
      at: t(`${def.replyOn} 16:30`),
    });

    const fu = await tx.followUp.create({
      data: {
        caseId: sc.caseId,
        recommendationId: rec.id,
        assessedOn: def.followUp.on,
        method: def.followUp.method,
        findings: def.followUp.findings,
        conclusion: def.followUp.conclusion,
        disposition: closed ? "close" : null,
        createdById: prosecutor.id,
        createdAt: t(`${def.followUp.on} 17:00`),
      },
    });
    s.audit({
      procuratorateId: g,
      actorId: prosecutor.id,
      action: "followup.record",
      entityType: "FollowUp",
      entityId: fu.id,
      caseId: sc.caseId,
      data: { conclusion: fu.conclusion, disposition: fu.disposition },
      at: fu.createdAt,
    });

    if (def.secondReply) {
      const second = await tx.reply.create({
        data: {
          recommendationId: rec.id,
          agencyId: sc.agencyId,
          summary: def.secondReply.summary,
          status: "submitted",
          submittedAt: t(`${def.secondReply.on} 15:00`),
          createdAt: t(`${def.secondReply.on} 10:00`),
          updatedAt: t(`${def.secondReply.on} 15:00`),
        },
      });
      s.replyAnswers({
        data: rec.points.map((p, i) => ({
          replyId: second.id,
          pointId: p.id,
          status: "done",
          text:
            i === 0
              ? "已为2个无物业管理小区及背街小巷垃圾收集点统一配置专用收集容器28个。"
              : "持续落实，社区网格员每日巡查。",
        })),
      });
      s.audit({
        procuratorateId: g,
        action: "reply.submit",
        entityType: "Reply",
        entityId: second.id,
        caseId: sc.caseId,
        data: { recommendation: number, agency: sc.agencyName, supplementary: true },
        at: t(`${def.secondReply.on} 15:00`),
      });
    }

    if (def.closedOn) {
      // 终结案件决定书 served on the agency (规则 Art 80); no 文号 code is invented for it.
      s.service({
        data: {
          caseId: sc.caseId,
          documentKind: "closure_decision",
          agencyId: sc.agencyId,
          recipient: sc.agencyName,
          method: "direct",
          place: `${sc.agencyName}办公室`,
          servedOn: workdayAfter(def.closedOn, 1),
          signedBy: reps[1]?.[0] ?? reps[0]?.[0] ?? null,
          serverName: `${assistant.displayName}、${clerk.displayName}`,
          createdById: clerk.id,
          createdAt: t(`${workdayAfter(def.closedOn, 1)} 15:00`),
        },
      });
    }
  }

  return { series, hearing, cases: seeded, recommendations: n };
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The n-th Monday–Friday after a day (statutory holidays are not modelled in the demo data). */
export function workdayAfter(day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) left -= 1;
  }
  return d;
}
