import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { issueDocumentSchema } from "~/domain/documents/schemas";
import { MissingDocumentValuesError } from "~/documents/render.server";
import { DocumentAlreadyIssuedError, fieldLabels, issueDocument } from "~/models/document.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

// Issues one document (POST kind + subjectId), from the case, clue, hearing or preview page's
// form (a fetcher: the page's lists revalidate after it). The subject is read within the
// prosecutor's procuratorate (another's answers 404); a kind that cannot be made yet answers 409
// with the loader's message; a numbered kind already issued for the subject answers 409 naming it.
export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "document:issue");
  const procuratorateId = staffScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: issueDocumentSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), issued: null, existing: null, missing: [] }, { status: 400 });
  try {
    const issued = await issueDocument({ procuratorateId, actorId: actor.userId, ...submission.value });
    return { result: submission.reply({ resetForm: true }), issued, existing: null, missing: [] };
  } catch (error) {
    if (error instanceof DocumentAlreadyIssuedError) {
      return data({ result: submission.reply({ formErrors: [error.messageKey] }), issued: null, existing: error.existing, missing: [] }, { status: 409 });
    }
    if (error instanceof MissingDocumentValuesError) {
      // Named by their labels (zh/en): the panel shows them in the user's language.
      const missing = fieldLabels(submission.value.kind, error.missing);
      return data({ result: submission.reply({ formErrors: [error.messageKey] }), issued: null, existing: null, missing }, { status: 409 });
    }
    const reply = actionError(error, submission);
    return data({ ...reply.data, issued: null, existing: null, missing: [] }, { status: reply.init?.status ?? 409 });
  }
}
