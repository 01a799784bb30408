import { describe, expect, test } from "vitest";
import { assertTransition, TransitionError } from "~/domain/case/lifecycle";
import { FileTooLargeError } from "~/storage/file-store.server";
import { actionError } from "~/utils/action-error.server";
import { AppError, DomainError, notFound, orNotFound, toResponse } from "~/utils/errors";

// The one error path (docs/decisions/0008-one-error-path.md): every expected failure is an
// AppError, and one mapper turns it into the answer.

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

/** A stand-in for a Conform submission: reply() echoes its options. */
const submission = { reply: (options?: { formErrors?: string[] }) => ({ status: "error" as const, error: { "": options?.formErrors ?? [] } }) };

function isData(value: unknown): value is { type: string; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

describe("the error classes share one base", () => {
  test("assertTransition refuses with an AppError of status 409", () => {
    const error = thrownBy(() => assertTransition("closed", "filed"));
    expect(error).toBeInstanceOf(TransitionError);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, messageKey: "error.409", from: "closed", to: "filed" });
  });

  test("DomainError and FileTooLargeError are AppErrors with their status", () => {
    expect(new DomainError("approvals.error.ownRequest", 403)).toBeInstanceOf(AppError);
    const tooLarge = new FileTooLargeError(1024);
    expect(tooLarge).toBeInstanceOf(AppError);
    expect(tooLarge).toMatchObject({ status: 413, messageKey: "error.413", limit: 1024 });
  });
});

describe("actionError", () => {
  test("turns a TransitionError into the form's reply with 409, not a 500", () => {
    const answer = actionError(new TransitionError("closed", "filed"), submission);
    expect(isData(answer)).toBe(true);
    expect(answer.init?.status).toBe(409);
    expect(answer.data).toEqual({ result: { status: "error", error: { "": ["error.409"] } } });
  });

  test("keeps a DomainError's own status and message key", () => {
    const answer = actionError(new DomainError("approvals.error.ownRequest", 403), submission);
    expect(answer.init?.status).toBe(403);
    expect(answer.data.result.error[""]).toEqual(["approvals.error.ownRequest"]);
  });

  test("rethrows a thrown Response and a real bug unchanged", () => {
    const response = thrownBy(() => notFound());
    expect(thrownBy(() => actionError(response, submission))).toBe(response);
    const bug = new TypeError("boom");
    expect(thrownBy(() => actionError(bug, submission))).toBe(bug);
  });
});

describe("toResponse and the thrown-Response helpers", () => {
  test("an AppError becomes the Response the error boundary renders", async () => {
    const response = toResponse(new TransitionError("closed", "filed"));
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(409);
    expect(await (response as Response).text()).toBe("error.409");
  });

  test("anything else is passed through to be rethrown", () => {
    const bug = new Error("boom");
    expect(toResponse(bug)).toBe(bug);
  });

  test("notFound throws the same Response shape with 404 and its key", async () => {
    const response = thrownBy(() => notFound("error.404")) as Response;
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("error.404");
  });

  test("orNotFound returns the row and throws 404 for null or undefined", () => {
    expect(orNotFound({ id: "x" })).toEqual({ id: "x" });
    expect(orNotFound(0)).toBe(0);
    expect(thrownBy(() => orNotFound(null))).toMatchObject({ status: 404 });
    expect(thrownBy(() => orNotFound(undefined))).toMatchObject({ status: 404 });
  });
});
