import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/auth/policy";
import { findReadableFile, recordFileRead, statStoredBlob } from "~/models/evidence-file.server";
import { serveStoredFile } from "~/storage/serve-file.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

// One stored evidence file (evidenceFilePath, app/domain/evidence/urls.ts): a resource route outside
// the staff layout, because panelists open it too. Permission is checked on every request, Range
// chunks included (app/models/evidence-file.server.ts); anyone not allowed gets 404, also for an
// unknown id. Headers, ranges and custody events: docs/decisions/0015-evidence-files.md.

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Any signed-in user gets this far (not signed in: the sign-in page); the rest answers 404.
  const { actor, scope } = await requirePermission(request, "account:use");
  if (!can(actor, "evidence:file")) notFound();
  const file = (await findReadableFile(actor, scope, params.fileId ?? "")) ?? notFound();
  const blob = (await statStoredBlob(file)) ?? notFound();

  // A download is recorded each time it starts (a resumed download's later chunks are not); a
  // preview once per user, file and day.
  return serveStoredFile(request, file, blob, async ({ download, range }) => {
    if (range === null || range.start === 0 || !download) {
      await recordFileRead(file, actor.userId, download ? "downloaded" : "viewed");
    }
  });
}
