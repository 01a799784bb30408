import { beforeAll, describe, expect, test, vi } from "vitest";
import { callAction, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { TransitionError } from "~/domain/case/lifecycle";
import type * as approvalModels from "~/models/approval.server";
import { decideApproval } from "~/models/approval.server";
import { action } from "~/routes/_staff.approvals.$approvalId";
import { prisma } from "~/utils/db.server";

// An AppError thrown anywhere below a form action reaches the user with its status through the
// one mapper (actionError); before it, only DomainError was caught and a TransitionError was a 500.

vi.mock("~/models/approval.server", async (importOriginal) => {
  const original = await importOriginal<typeof approvalModels>();
  return { ...original, decideApproval: vi.fn(original.decideApproval) };
});

let chiefId: string;
let approvalId: string;

beforeAll(async () => {
  const P = (await createProcuratorate({ name: "错误路径测试县人民检察院", shortName: "错" })).id;
  const prosecutor = await createUser({ role: "prosecutor", procuratorateId: P });
  chiefId = (await createUser({ role: "approver", procuratorateId: P })).id;
  const caseId = (
    await prisma.case.create({
      data: { procuratorateId: P, title: "错误路径测试案件", field: "ecology", leadProsecutorId: prosecutor.id },
    })
  ).id;
  approvalId = (
    await prisma.approval.create({
      data: { procuratorateId: P, caseId, kind: "filing", subject: "错误路径", requestedById: prosecutor.id },
    })
  ).id;
});

const post = async () =>
  callAction(
    action,
    request(`/approvals/${approvalId}`, { cookie: await cookieForUserId(chiefId), form: { decision: "approved" } }),
    { approvalId },
  );

describe("the approvals action maps every AppError", () => {
  test("a TransitionError thrown while deciding answers 409 with the form error", async () => {
    vi.mocked(decideApproval).mockRejectedValueOnce(new TransitionError("closed", "filed"));
    const r = await post();
    expect(r.status).toBe(409);
    expect(r.kind).toBe("data");
    expect(JSON.stringify(r.kind === "data" ? r.data : null)).toContain("error.409");
  });

  test("an unexpected error is still rethrown (500), not disguised as a refusal", async () => {
    vi.mocked(decideApproval).mockRejectedValueOnce(new Error("disk on fire"));
    const r = await post();
    expect(r.kind).toBe("error");
  });

  test("without an error the decision is recorded and the approver redirected", async () => {
    const r = await post();
    expect(r.status).toBe(302);
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: approvalId } })).decision).toBe("approved");
  });
});
