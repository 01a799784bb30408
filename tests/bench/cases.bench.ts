import { bench, describe } from "vitest";
import { cookieFor, request } from "#tests/factories";
import { caseListFilterSchema, parseListFilter } from "~/domain/case/schemas";
import { caseStats, listCases } from "~/models/case.server";
import { loader as caseListLoader } from "~/routes/_staff.cases._index";
import { prisma } from "~/utils/db.server";

// The staff work list (/cases): the model queries and the whole loader, first on the seeded demo
// procuratorate, then with 2,000 more cases in it.

const cookie = await cookieFor("prosecutor");
const { procuratorateId, id: prosecutorId } = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });
const filter = (query = "") => parseListFilter(caseListFilterSchema, new URL(`http://localhost/cases${query}`));

// Benchmarks run after the whole file is collected, so the extra cases are added by the `setup`
// hook of the second group's tasks (tinybench runs it before each task), not at the top level.
function benches(label: string, setup?: () => Promise<void>) {
  const options = { warmupIterations: 5, ...(setup ? { setup } : {}) };
  describe(label, () => {
    bench("listCases (first page)", async () => {
      await listCases(procuratorateId, filter());
    }, options);
    bench("listCases (state=active)", async () => {
      await listCases(procuratorateId, filter("?state=active"));
    }, options);
    bench("listCases (search 口罩)", async () => {
      await listCases(procuratorateId, filter(`?q=${encodeURIComponent("口罩")}`));
    }, options);
    bench("caseStats", async () => {
      await caseStats(procuratorateId);
    }, options);
    bench("GET /cases loader (auth + list + stats + series)", async () => {
      await caseListLoader({ request: request("/cases", { cookie }), params: {}, context: {} });
    }, options);
  });
}

const STATES = ["evaluation", "filed", "investigating", "recommending", "rectification", "follow_up", "closed"];
const FIELDS = ["ecology", "food_drug", "state_property", "public_health", "safety"];
let volume: Promise<unknown> | undefined;
const addVolume = async () => {
  volume ??= prisma.case.createMany({
    data: Array.from({ length: 2_000 }, (_, i) => ({
      procuratorateId,
      leadProsecutorId: prosecutorId,
      number: `2025-压测-${String(i).padStart(4, "0")}`,
      title: `压测案件 ${i}：某局怠于履行监管职责案`,
      field: FIELDS[i % FIELDS.length]!,
      state: STATES[i % STATES.length]!,
      filedOn: "2025-03-01",
    })),
  });
  await volume;
};

benches("seeded demo data");
benches("with 2,000 more cases", addVolume);
