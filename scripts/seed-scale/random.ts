// Deterministic randomness and ids for the scale data: the same --seed gives the same rows.

/** mulberry32: a small, fast 32-bit PRNG; good enough for test data, not for anything secret. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** Integer in [lo, hi]. */
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };
  const chance = (p: number) => next() < p;
  /** A key of `weights`, with probability proportional to its weight. */
  const weighted = <K extends string>(weights: Readonly<Record<K, number>>): K => {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  };
  /** k distinct items (k ≤ items.length). */
  const sample = <T>(items: readonly T[], k: number): T[] => {
    const copy = [...items];
    const out: T[] = [];
    for (let i = 0; i < k && copy.length; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0] as T);
    return out;
  };
  return { next, int, pick, chance, weighted, sample };
}
export type Random = ReturnType<typeof createRandom>;

/**
 * cuid-like ids: "c" + a tag naming the run + a fixed-width base-36 counter, so ids are unique,
 * deterministic, and increase in insertion order (cheap appends to the primary-key index).
 */
export function createIds(tag: string) {
  let n = 0;
  return () => `c${tag}${(n++).toString(36).padStart(9, "0")}`;
}

const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "罗", "高", "林",
  "谭", "曹", "邓", "彭", "曾", "肖", "廖", "蒋", "雷", "欧阳", "邝", "唐", "许", "谢", "侯", "段", "袁", "首", "刁", "盘",
];
const GIVEN = [
  "建", "国", "华", "明", "伟", "芳", "丽", "军", "志", "强", "秀", "英", "海", "平", "红", "文", "辉", "敏", "静", "涛",
  "勇", "燕", "春", "晓", "立", "新", "德", "永", "宏", "玉", "桂", "兰", "霞", "亮", "斌", "杰", "娟", "鹏", "锋", "琳",
];

/** An invented person's name (surname + one or two given-name characters). */
export function personName(r: Random): string {
  const given = r.chance(0.7) ? r.pick(GIVEN) + r.pick(GIVEN) : r.pick(GIVEN);
  return r.pick(SURNAMES) + given;
}

/** An invented mobile number (138/139/135/137/136 + 8 digits). */
export function mobile(r: Random): string {
  return `13${r.pick(["5", "6", "7", "8", "9"])}${String(r.int(0, 99_999_999)).padStart(8, "0")}`;
}
