import type { Scenario } from "./builder";
import { t } from "./builder";
import type { Org } from "./organisation";
import { SERIES_HEARING_TITLE } from "./series";
import type { HearingStage } from "~/domain/hearing/states";

// The clerk's minutes of each stage of the 2022 series hearing (听证规定 Arts 14–15), so that its
// 听证笔录 (issue 10) prints the order of business with what was said. The series hearing ran as
// a block of sessions from 9 to 16 June; each stage record spans the block (one record per stage,
// HearingStageRecord). Names are the invented ones of the scenario.

export async function seedHearingMinutes(s: Scenario, org: Org) {
  const { tx } = s;
  const { prosecutor, clerk } = org.users;
  const hearing = await tx.hearing.findFirstOrThrow({
    where: { procuratorateId: org.guiyang.id, title: SERIES_HEARING_TITLE },
    select: { id: true },
  });
  const stages: { stage: HearingStage; from: string; to: string; minutes: string[] }[] = [
    {
      stage: "attendance",
      from: "2022-06-09 09:00",
      to: "2022-06-09 09:15",
      minutes: [
        `书记员${clerk.displayName}核实听证员、各行政单位代表及其他参加人到场情况：听证员12名，其中侯国庆因曾在桂阳县市场监督管理局工作申请回避，经检察长批准，实到11名；23家行政单位和县新冠肺炎疫情防控指挥部均派员到场。`,
        `听证主持人${prosecutor.displayName}宣布听证会开始，宣读听证程序和纪律，告知参加人的权利义务；各参加人对听证员无回避申请。`,
      ],
    },
    {
      stage: "presentation",
      from: "2022-06-09 09:15",
      to: "2022-06-16 10:00",
      minutes: [
        "承办检察官分场次介绍各案基本情况：本院在履行职责中发现并经“益心为公”志愿者反映，城区汽车站、农贸市场、医疗机构周边、商超、景区、校园周边及居民小区等重点公共场所未设置废弃口罩专用收集容器，废弃口罩与生活垃圾混投混运，部分被随意丢弃。",
        "通过大屏幕出示现场照片、勘验笔录及各单位“三定”方案等证据，归纳听证事项：各单位是否负有监管职责、是否依法履职，拟提出的整改措施是否可行。",
      ],
    },
    {
      stage: "statements",
      from: "2022-06-09 10:00",
      to: "2022-06-16 10:40",
      minutes: [
        "县卫健局代表周海林：对检察机关查明的事实无异议，医疗机构周边废弃口罩将纳入医疗废物管理，并牵头制定工作指引。",
        "县城管局代表唐志军：城区主次干道、公园广场收集桶设置确有不足，将增设专用收集桶并实行每日清运消毒。",
        "县教育局代表邓卫红：校园内已基本设置收集容器，校门口外公共区域需与属地街道和城管部门协同清理。",
        "龙潭街道代表廖建平：有物业管理小区可在短期内完成设置，无物业管理小区和背街小巷需分批推进。",
        "县新冠肺炎疫情防控指挥部代表李红霞：支持检察机关开展系列监督，将把废弃口罩收集处置纳入疫情防控督查内容。",
      ],
    },
    {
      stage: "questions",
      from: "2022-06-09 10:40",
      to: "2022-06-16 11:20",
      minutes: [
        "听证员刘振华问：医疗机构周边收集容器由谁设置、谁清运？县卫健局代表答：由各医疗机构负责设置，纳入医疗废物交接。",
        "听证员廖文斌问：处置单位的收运频次能否保证每日一次？生态环境桂阳分局代表答：将督促处置单位增加收运频次，并实行交接联单管理。",
        "听证员雷建平问：校门口外区域的清理责任如何划分？县教育局代表答：校园内由学校负责，校门口外由属地街道和城管部门负责，教育局配合。",
      ],
    },
    {
      stage: "deliberation",
      from: "2022-06-16 14:00",
      to: "2022-06-16 15:30",
      minutes: ["休会。听证员在评议室对各案听证事项进行评议，检察人员和参加人回避；评议情况由听证员推选的代表在复会后发表。"],
    },
    {
      stage: "opinions",
      from: "2022-06-16 15:30",
      to: "2022-06-16 16:10",
      minutes: [
        "复会。听证员代表刘振华发表评议意见：各被建议单位对本行业、本辖区重点公共场所废弃口罩收集处置负有监管职责，同意检察机关以检察建议督促依法履职；对县教育局一案，1名听证员认为宜以磋商方式处理。",
        "部分听证员提出附加意见：在检察建议中明确收集容器的设置主体、整改时限和清运频次。各听证员的书面评议意见附卷。",
      ],
    },
    {
      stage: "final_statements",
      from: "2022-06-16 16:10",
      to: "2022-06-16 16:40",
      minutes: [
        "各行政单位代表作最后陈述，均表示尊重听证员意见，收到检察建议后将逐项整改并按期书面回复。",
        "县教育局代表邓卫红：请检察机关在检察建议中明确教育部门与属地街道的职责分工。",
      ],
    },
    {
      stage: "summary",
      from: "2022-06-16 16:40",
      to: "2022-06-16 17:00",
      minutes: [
        `听证主持人${prosecutor.displayName}总结：本院将充分吸收听证员意见，依法对9家负有监管职责的单位分别制发检察建议，并跟进监督整改落实。听证会结束。`,
        "听证笔录经参加人阅看后签名。",
      ],
    },
  ];
  await tx.hearingStageRecord.createMany({
    data: stages.map((st) => ({
      hearingId: hearing.id,
      stage: st.stage,
      startedAt: t(st.from),
      endedAt: t(st.to),
      minutes: st.minutes.join("\n"),
      recordedById: clerk.id,
      updatedAt: t(st.to),
    })),
  });
}
