import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { pageTitle } from "~/components/case/meta";
import { formatFileSize } from "~/components/portal";
import { Card, FormError, PageHeader } from "~/components/ui";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { ANSWER_STATUSES } from "~/domain/recommendation/reply";
import { replyFormSchema } from "~/domain/recommendation/reply-schemas";
import { createT, formatDate, formatDateTime, localeFromRequest } from "~/i18n";
import { useT } from "~/i18n/react";
import { getReplyWorkspace, ObjectionClosedError, saveReply } from "~/models/reply.server";
import { actionError } from "~/utils/action-error.server";
import { agencyScope, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "agencyReply.reply.crumb", undefined, data?.recommendation.number ?? null);

// The liaison's written reply (整改回复, 两高解释 Art 21): one answer per point, drafts saved any
// number of times, one submission; rectification evidence uploaded per point. A recommendation
// not served on the liaison's agency answers 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "agency:reply");
  const today = dateInShanghai();
  return { today, ...(await getReplyWorkspace(agencyScope(scope), params.recommendationId ?? "", today)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "agency:reply");
  const mine = agencyScope(scope);
  const submission = parseWithZod(await readForm(request), { schema: replyFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const id = params.recommendationId ?? "";
  try {
    const saved = await saveReply(mine, actor.userId, id, submission.value);
    if (saved.status === "submitted") return redirect(`/agency/recommendations/${id}/receipt`);
    return redirect(`/agency/recommendations/${id}/reply?saved=1`);
  } catch (error) {
    if (error instanceof ObjectionClosedError && error.lastDay) {
      // The message names the last day of the period (建议规定 Art 23).
      const t = createT(localeFromRequest(request));
      return data({ result: submission.reply({ formErrors: [t("agencyReply.reply.objectionClosed", { date: formatDate(error.lastDay, t.locale) })] }) }, { status: 409 });
    }
    return actionError(error, submission);
  }
}

type Workspace = ReturnType<typeof useLoaderData<typeof loader>>;

export default function AgencyReply() {
  const w = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const errors = (actionData?.result.error ?? {}) as Record<string, string[] | null>;
  const reply = w.reply;
  // A submitted reply, or a case closed before the reply came (the model refuses both as well).
  const readOnly = (reply?.readOnly ?? false) || w.caseClosed;
  const recId = w.recommendation.id;
  return (
    <>
      <PageHeader
        crumbs={[
          { to: "/agency", label: t("portal.rec.crumb") },
          { to: `/agency/recommendations/${recId}`, label: w.recommendation.number ?? t("portal.rec.unnumbered") },
        ]}
        title={t("agencyReply.reply.title", { number: w.recommendation.number ?? "" })}
        subtitle={w.recommendation.caseTitle}
      />
      {search.get("saved") ? <p className="notice notice--ok" role="status">{t("agencyReply.reply.saved")}</p> : null}
      {search.get("uploaded") ? <p className="notice notice--ok" role="status">{t("agencyReply.attach.uploaded")}</p> : null}
      {search.get("uploadError") ? <p className="form-error" role="alert">{t.dynamic(search.get("uploadError")!)}</p> : null}
      <FormError errors={errors[""] ?? null} />
      <Card>
        <p className="muted">{t("agencyReply.reply.intro")}</p>
        <ul className="plain-list">
          {w.dueOn ? <li>{t("agencyReply.reply.dueOn", { date: formatDate(w.dueOn, t.locale) })}</li> : null}
          {w.dueOn && w.today > w.dueOn && !readOnly ? <li className="notice notice--warn">{t("agencyReply.reply.overdue")}</li> : null}
          <li>
            {w.objectionUntil
              ? t("agencyReply.reply.objectionUntil", { date: formatDate(w.objectionUntil, t.locale) })
              : t("agencyReply.reply.objectionNoPeriod")}
          </li>
        </ul>
        {w.caseClosed && !reply?.readOnly ? (
          <p className="notice notice--warn" role="status">
            {t("agencyReply.reply.caseClosed")}
          </p>
        ) : null}
        {reply?.readOnly ? (
          <p className="notice notice--ok" data-testid="reply-read-only">
            {t("agencyReply.reply.readOnlyNote", {
              time: reply.submittedAt ? formatDateTime(reply.submittedAt, t.locale) : "",
              receipt: reply.receiptNumber ?? "",
            })}{" "}
            <Link to={`/agency/recommendations/${recId}/receipt`}>{t("agencyReply.reply.viewReceipt")}</Link>
          </p>
        ) : null}
      </Card>

      {w.recommendation.points.map((p, i) => (
        <PointAnswer key={p.id} index={i} point={p} w={w} errors={errors} readOnly={readOnly} />
      ))}

      <Card>
        <label htmlFor="reply-summary">{t("agencyReply.reply.summary")}</label>
        <textarea id="reply-summary" name="summary" form="reply-form" rows={4} defaultValue={reply?.summary ?? ""} disabled={readOnly} />
        {errors.summary ? <span className="error" role="alert">{errors.summary.map((e) => t.dynamic(e)).join(" ")}</span> : null}
        {readOnly ? null : (
          <Form method="post" id="reply-form" className="form-actions">
            <input type="hidden" name="version" value={reply?.version ?? ""} />
            <button type="submit" name="intent" value="save" className="button button--secondary">
              {t("agencyReply.reply.save")}
            </button>
            <button type="submit" name="intent" value="submit" className="button">
              {t("agencyReply.reply.submit")}
            </button>
          </Form>
        )}
      </Card>
    </>
  );
}

function PointAnswer({
  index,
  point,
  w,
  errors,
  readOnly,
}: {
  index: number;
  point: Workspace["recommendation"]["points"][number];
  w: Workspace;
  errors: Record<string, string[] | null>;
  readOnly: boolean;
}) {
  const t = useT();
  const answer = w.reply?.answers.find((a) => a.pointId === point.id);
  const name = (field: string) => `answers[${index}].${field}`;
  const err = (field: string) => errors[name(field)]?.map((e) => t.dynamic(e)).join(" ");
  const fid = (field: string) => `point-${point.ordinal}-${field}`;
  return (
    <section className="card" aria-labelledby={fid("heading")} data-testid={`point-${point.ordinal}`}>
      <h2 id={fid("heading")}>{t("agencyReply.reply.point", { n: point.ordinal })}</h2>
      <p className="prewrap">{point.text}</p>
      <input type="hidden" form="reply-form" name={name("pointId")} value={point.id} />
      <div className="form form--wide">
        <div className="field">
          <label htmlFor={fid("status")}>{t("agencyReply.reply.status")}</label>
          <select id={fid("status")} form="reply-form" name={name("status")} defaultValue={answer?.status ?? ""} disabled={readOnly}>
            <option value="">{t("agencyReply.reply.statusChoose")}</option>
            {ANSWER_STATUSES.map((s) => (
              // A stale objection saved in a draft stays selectable, so that it is sent and refused with the date.
              <option key={s} value={s} disabled={s === "objection" && !w.objectionOpen && answer?.status !== "objection"}>
                {t.label("answerStatus", s)}
              </option>
            ))}
          </select>
          {err("status") ? <span className="error" role="alert">{err("status")}</span> : null}
        </div>
        <div className="field">
          <label htmlFor={fid("text")}>{t("agencyReply.reply.text")}</label>
          <textarea id={fid("text")} form="reply-form" name={name("text")} rows={3} defaultValue={answer?.text ?? ""} disabled={readOnly} />
          {err("text") ? <span className="error" role="alert">{err("text")}</span> : null}
        </div>
        <div className="grid grid-2">
          <div className="field">
            <label htmlFor={fid("plan")}>{t("agencyReply.reply.plan")}</label>
            <textarea id={fid("plan")} form="reply-form" name={name("plan")} rows={2} defaultValue={answer?.plan ?? ""} disabled={readOnly} />
            {err("plan") ? <span className="error" role="alert">{err("plan")}</span> : null}
          </div>
          <div className="field">
            <label htmlFor={fid("targetOn")}>{t("agencyReply.reply.targetOn")}</label>
            <input id={fid("targetOn")} type="date" form="reply-form" name={name("targetOn")} defaultValue={answer?.targetOn ?? ""} disabled={readOnly} />
            {err("targetOn") ? <span className="error" role="alert">{err("targetOn")}</span> : null}
          </div>
        </div>
      </div>
      <h3>{t("agencyReply.attach.title")}</h3>
      {answer?.attachments.length ? (
        <ul className="plain-list">
          {answer.attachments.map((f) => (
            <li key={f.id}>
              <a href={`/reply-files/${f.id}`}>{f.originalName}</a>{" "}
              <span className="muted small">
                {formatFileSize(f.size, t)}
                {f.takenAt ? ` · ${f.takenAt.replace("T", " ")}` : ""}
                {f.place ? ` · ${f.place}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("agencyReply.attach.none")}</p>
      )}
      {readOnly ? null : (
        <form method="post" encType="multipart/form-data" action={`/agency/recommendations/${w.recommendation.id}/attachments`} className="form">
          <input type="hidden" name="pointId" value={point.id} />
          <div className="grid grid-2">
            <div className="field">
              <label htmlFor={fid("file")}>{t("agencyReply.attach.file")}</label>
              <input id={fid("file")} type="file" name="file" required accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx" />
            </div>
            <div className="field">
              <label htmlFor={fid("takenAt")}>{t("agencyReply.attach.takenAt")}</label>
              <input id={fid("takenAt")} type="datetime-local" name="takenAt" />
            </div>
            <div className="field">
              <label htmlFor={fid("place")}>{t("agencyReply.attach.place")}</label>
              <input id={fid("place")} type="text" name="place" maxLength={200} />
            </div>
          </div>
          <button type="submit" className="button button--secondary">
            {t("agencyReply.attach.upload")}
          </button>
        </form>
      )}
    </section>
  );
}
