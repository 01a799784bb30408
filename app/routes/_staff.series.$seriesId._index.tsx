import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { Badge, Card, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { BATCH_POLL_MS, startBatchSchema } from "~/domain/documents/schemas";
import { runInBackground, seriesBatchPanel, startSeriesBatch } from "~/documents/batch.server";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// The series' document batch (issue 10 item 7): one action makes the 检察建议书 and 送达回证 of
// every case of the series with an approved recommendation. The work runs in the server process
// after the answer; the page polls this loader for the progress (done / total) and then offers
// the .zip. A second start while one runs is refused (409).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "series:read");
  const procuratorateId = staffScope(scope);
  if (!params.seriesId) notFound();
  return { ...(await seriesBatchPanel(procuratorateId, params.seriesId)), mayStart: can(actor, "document:issue") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "document:issue");
  const procuratorateId = staffScope(scope);
  if (!params.seriesId) notFound();
  const submission = parseWithZod(await readForm(request), { schema: startBatchSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), started: null }, { status: 400 });
  try {
    const { batch, run } = await startSeriesBatch({ procuratorateId, actorId: actor.userId, seriesId: params.seriesId });
    runInBackground(run);
    return { result: submission.reply({ resetForm: true }), started: batch.id };
  } catch (error) {
    const reply = actionError(error, submission);
    return data({ ...reply.data, started: null }, { status: reply.init?.status ?? 409 });
  }
}

export default function SeriesBatch() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const poll = useFetcher<typeof loader>();
  const t = useT();
  const { eligible, mayStart } = loaded;
  // The last poll of the batch the page shows (after a start, the page's data names the new one).
  const polled = poll.data?.batch;
  const batch = polled && loaded.batch && polled.id === loaded.batch.id ? polled : loaded.batch;
  const running = batch?.view === "running";
  const load = poll.load;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => load("?index"), BATCH_POLL_MS);
    return () => clearInterval(timer);
  }, [running, load]);
  const errors = actionData?.result.error ? Object.values(actionData.result.error).flatMap((v) => v ?? []) : [];
  return (
    <Card title={t("documents.batch.title")}>
      <p className="muted small">{t("documents.batch.hint", { n: eligible })}</p>
      <FormError errors={errors} />
      {mayStart ? (
        <Form method="post" className="inline-form" aria-label={t("documents.batch.start")}>
          <input type="hidden" name="intent" value="startBatch" />
          <button type="submit" className="button" disabled={running || eligible === 0}>
            {t("documents.batch.start")}
          </button>
        </Form>
      ) : null}
      {batch ? (
        <div className="document-batch" data-batch={batch.id} data-view={batch.view}>
          <p>
            <Badge tone={batch.view === "done" ? "ok" : batch.view === "running" ? "info" : "danger"}>
              {t.label("documents.batch.view", batch.view)}
            </Badge>{" "}
            <span className="muted small">{formatDateTime(batch.createdAt, t.locale)}</span>
          </p>
          <label className="field">
            <span>{t("documents.batch.progress", { done: batch.done, total: batch.total })}</span>
            <progress max={batch.total} value={batch.done} aria-label={t("documents.batch.progressLabel")}>
              {batch.done}/{batch.total}
            </progress>
          </label>
          {batch.failures.length ? (
            <div className="notice notice--warn" role="alert">
              {t("documents.batch.failures")}
              <ul>
                {batch.failures.map((f, i) => (
                  <li key={`${f.name}-${i}`}>
                    {f.name}：{t.dynamic(f.error)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {batch.zip ? (
            <p>
              <a href={`/documents/batches/${batch.id}`} download className="button">
                {t("documents.batch.download", { size: Math.max(1, Math.round(batch.zip.size / 1024)) })}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
