// Organisation and places of the scale data: the demo's 桂阳县 plus five more procuratorates of
// 郴州市, with their real towns, roads, rivers and sites, and the county departments a case can be
// brought against. Agencies and places are real; every person's name is invented (names.ts).

export type CountyDef = {
  /** Procuratorate name; the demo's 桂阳县人民检察院 is matched by this name. */
  procuratorate: string;
  shortName: string;
  /** The county-level unit: 桂阳县, 北湖区, 资兴市 … (prefix of its agencies' names). */
  county: string;
  /** Short form for the ecology branch: 郴州市生态环境局<branch>分局. */
  branch: string;
  region: string;
  address: string;
  /** 街道 and 乡镇 (a 街道 gets an 办事处, a 镇/乡 a 人民政府). */
  towns: string[];
  roads: string[];
  waters: string[];
  sites: string[];
  /** Login names are <prefix>-prosecutor1 … (the demo procuratorate keeps its own users). */
  userPrefix: string;
};

export const COUNTIES: CountyDef[] = [
  {
    procuratorate: "桂阳县人民检察院",
    shortName: "桂",
    county: "桂阳县",
    branch: "桂阳",
    region: "湖南省郴州市桂阳县",
    address: "湖南省郴州市桂阳县龙潭街道",
    towns: [
      "龙潭街道", "鹿峰街道", "黄沙坪街道", "欧阳海镇", "仁义镇", "太和镇", "洋市镇", "正和镇", "舂陵江镇", "和平镇",
      "流峰镇", "莲塘镇", "方元镇", "樟市镇", "荷叶镇", "敖泉镇", "浩塘镇", "四里镇", "燕塘镇", "雷坪镇", "桥市乡", "白水瑶族乡",
    ],
    roads: ["蔡伦路", "桂阳大道", "欧阳海大道", "龙潭北路", "鹿峰路", "黄沙坪路", "新城大道", "宝山路", "三湘路"],
    waters: ["舂陵江", "欧阳海水库", "钟水河", "西河"],
    sites: ["桂阳汽车站", "城区农贸市场", "宝山国家矿山公园", "蔡伦纪念园", "县人民医院周边", "桂阳高铁站", "工业园区"],
    userPrefix: "gy",
  },
  {
    procuratorate: "郴州市北湖区人民检察院",
    shortName: "北",
    county: "郴州市北湖区",
    branch: "北湖",
    region: "湖南省郴州市北湖区",
    address: "湖南省郴州市北湖区人民西路",
    towns: [
      "人民路街道", "北湖街道", "燕泉街道", "安和街道", "涌泉街道", "下湄桥街道", "骆仙街道", "增福街道", "郴江街道",
      "石盖塘街道", "华塘镇", "鲁塘镇", "保和瑶族乡", "月峰瑶族乡", "仰天湖瑶族乡",
    ],
    roads: ["人民西路", "国庆北路", "五岭大道", "燕泉路", "北湖路", "解放路", "青年大道", "骆仙路"],
    waters: ["郴江", "北湖", "燕泉河", "西河"],
    sites: ["北湖公园", "郴州火车站", "万华岩", "裕后街", "北湖区农贸市场", "仰天湖草原"],
    userPrefix: "bh",
  },
  {
    procuratorate: "郴州市苏仙区人民检察院",
    shortName: "苏",
    county: "郴州市苏仙区",
    branch: "苏仙",
    region: "湖南省郴州市苏仙区",
    address: "湖南省郴州市苏仙区苏仙北路",
    towns: [
      "苏仙岭街道", "南塔街道", "卜里坪街道", "王仙岭街道", "白露塘镇", "良田镇", "栖凤渡镇", "坳上镇", "许家洞镇",
      "五里牌镇", "望仙镇", "桥口镇", "五盖山镇", "马头岭街道",
    ],
    roads: ["苏仙北路", "郴州大道", "南岭大道", "飞天山路", "高铁新城大道", "王仙岭路", "桔井路"],
    waters: ["郴江", "东河", "山河水库", "许家洞河"],
    sites: ["苏仙岭", "飞天山", "郴州西站", "白露塘工业园", "王仙岭公园", "五盖山林场"],
    userPrefix: "sx",
  },
  {
    procuratorate: "资兴市人民检察院",
    shortName: "资",
    county: "资兴市",
    branch: "资兴",
    region: "湖南省郴州市资兴市",
    address: "湖南省郴州市资兴市唐洞街道",
    towns: [
      "唐洞街道", "东江街道", "鲤鱼江镇", "三都镇", "蓼江镇", "兴宁镇", "州门司镇", "黄草镇", "汤溪镇", "清江镇", "白廊镇",
      "七里镇", "回龙山瑶族乡", "八面山瑶族乡",
    ],
    roads: ["东江路", "资兴大道", "唐洞路", "罗围路", "南宁路", "兴旺路"],
    waters: ["东江湖", "耒水", "程江", "小东江"],
    sites: ["东江湖风景区", "小东江", "资兴汽车站", "东江湖大数据产业园", "兜率岛"],
    userPrefix: "zx",
  },
  {
    procuratorate: "宜章县人民检察院",
    shortName: "宜",
    county: "宜章县",
    branch: "宜章",
    region: "湖南省郴州市宜章县",
    address: "湖南省郴州市宜章县玉溪镇",
    towns: [
      "玉溪镇", "梅田镇", "白石渡镇", "杨梅山镇", "一六镇", "黄沙镇", "笆篱镇", "迎春镇", "五岭镇", "里田镇", "长村乡",
      "莽山瑶族乡", "关溪乡", "天塘镇",
    ],
    roads: ["宜城大道", "南关街", "玉溪路", "城南路", "建设路", "人民路"],
    waters: ["章水", "武水", "莽山水库", "长乐河"],
    sites: ["莽山国家森林公园", "宜章汽车站", "湘南年关暴动指挥部旧址", "白沙圩乡村集市", "宜章县城区农贸市场"],
    userPrefix: "yz",
  },
  {
    procuratorate: "永兴县人民检察院",
    shortName: "永",
    county: "永兴县",
    branch: "永兴",
    region: "湖南省郴州市永兴县",
    address: "湖南省郴州市永兴县便江街道",
    towns: [
      "便江街道", "湘阴渡街道", "马田镇", "柏林镇", "鲤鱼塘镇", "悦来镇", "油麻镇", "樟树镇", "高亭司镇", "金龟镇",
      "黄泥乡", "大布江乡", "七甲乡", "三塘乡",
    ],
    roads: ["便江路", "银都大道", "太平街", "永兴大道", "城东路", "红旗路"],
    waters: ["便江", "耒水", "森口河", "西河"],
    sites: ["便江风景区", "永兴县城区农贸市场", "永兴经济开发区", "板梁古村", "永兴汽车站"],
    userPrefix: "yx",
  },
];

/** Village names common in 湘南 (generic: many townships have one). */
export const VILLAGES = [
  "新田村", "和平村", "大塘村", "石门村", "龙泉村", "长冲村", "樟木村", "东山村", "高塘村", "荷叶村", "上湾村", "下洞村",
  "李家村", "黄家村", "塘下村", "水口村", "太平村", "桥头村", "新屋村", "岭背村",
];

/** A county department: key, name after the county prefix, agency kind. */
export type DeptDef = { key: DeptKey; suffix: string; shortName: string; kind: string };

export type DeptKey =
  | "gov" | "eco" | "nature" | "housing" | "urban" | "market" | "agri" | "water" | "forest" | "health" | "transport"
  | "culture" | "edu" | "emergency" | "finance" | "hrss" | "medical" | "civil" | "commerce" | "police" | "veterans"
  | "fire" | "tax" | "dev" | "town";

export const DEPARTMENTS: DeptDef[] = [
  { key: "gov", suffix: "人民政府", shortName: "政府", kind: "county_government" },
  { key: "nature", suffix: "自然资源局", shortName: "自然资源局", kind: "department" },
  { key: "housing", suffix: "住房和城乡建设局", shortName: "住建局", kind: "department" },
  { key: "urban", suffix: "城市管理和综合执法局", shortName: "城管局", kind: "department" },
  { key: "market", suffix: "市场监督管理局", shortName: "市场监管局", kind: "department" },
  { key: "agri", suffix: "农业农村局", shortName: "农业农村局", kind: "department" },
  { key: "water", suffix: "水利局", shortName: "水利局", kind: "department" },
  { key: "forest", suffix: "林业局", shortName: "林业局", kind: "department" },
  { key: "health", suffix: "卫生健康局", shortName: "卫健局", kind: "department" },
  { key: "transport", suffix: "交通运输局", shortName: "交通运输局", kind: "department" },
  { key: "culture", suffix: "文化旅游广电体育局", shortName: "文旅广体局", kind: "department" },
  { key: "edu", suffix: "教育局", shortName: "教育局", kind: "department" },
  { key: "emergency", suffix: "应急管理局", shortName: "应急管理局", kind: "department" },
  { key: "finance", suffix: "财政局", shortName: "财政局", kind: "department" },
  { key: "hrss", suffix: "人力资源和社会保障局", shortName: "人社局", kind: "department" },
  { key: "medical", suffix: "医疗保障局", shortName: "医保局", kind: "department" },
  { key: "civil", suffix: "民政局", shortName: "民政局", kind: "department" },
  { key: "commerce", suffix: "商务局", shortName: "商务局", kind: "department" },
  { key: "police", suffix: "公安局", shortName: "公安局", kind: "department" },
  { key: "veterans", suffix: "退役军人事务局", shortName: "退役军人事务局", kind: "department" },
  { key: "fire", suffix: "消防救援大队", shortName: "消防救援大队", kind: "other" },
  { key: "dev", suffix: "发展和改革局", shortName: "发改局", kind: "department" },
];

/** Name of a department of a county (the ecology and tax branches are named after the city / state). */
export function agencyName(county: CountyDef, dept: DeptDef | "eco" | "tax"): string {
  if (dept === "eco") return `郴州市生态环境局${county.branch}分局`;
  if (dept === "tax") return `国家税务总局${county.county}税务局`;
  return `${county.county}${dept.suffix}`;
}

/** Name of a town's agency: 街道 → 办事处, 镇/乡 → 人民政府. */
export function townAgencyName(county: CountyDef, town: string): string {
  return `${county.county}${town}${town.endsWith("街道") ? "办事处" : "人民政府"}`;
}
