import { data } from "@remix-run/node";
import { isAppError } from "~/utils/errors";

/** What a Conform submission can reply with (parseWithZod's result). */
type Replying<R> = { reply(options?: { formErrors?: string[] }): R };

/**
 * The one mapper for form actions (docs/decisions/0008-one-error-path.md): an AppError becomes
 * the form's reply with the error's message key and HTTP status; anything else is rethrown, so a
 * thrown Response (404, 403) keeps its status and a real bug stays a 500.
 *
 *   try { await write(...) } catch (error) { return actionError(error, submission); }
 */
export function actionError<R>(error: unknown, submission: Replying<R>) {
  if (isAppError(error)) {
    return data({ result: submission.reply({ formErrors: [error.messageKey] }) }, { status: error.status });
  }
  throw error;
}
