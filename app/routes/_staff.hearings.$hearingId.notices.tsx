import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DecisionBadge } from "~/components/approval/decision-badge";
import { Card, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { ANNOUNCEMENT_MAX, noticesSchema, SETUP_REASON_MAX, toShanghaiLocal } from "~/domain/hearing/setup-schemas";
import { NOTICE_METHODS } from "~/domain/hearing/states";
import { formatDate, formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { applyNoticeAction, getHearingNotices, NoticesMissingError } from "~/models/hearing-setup.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Notices tab (听证规定 Art 10): every seated panelist and every participant with when and how they
// were notified; recording a notice (a late one only under an approved late_notice); asking the
// chief to approve holding the hearing (听证规定 Art 4) and a late notice; marking the hearing
// notified once everyone has notice; publishing the 听证公告 of a public hearing (Art 10(4)).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const notices = await getHearingNotices(procuratorateId, params.hearingId);
  const now = new Date();
  return {
    ...notices,
    mayManage: can(actor, "hearing:manage"),
    nowLocal: toShanghaiLocal(now),
    pastDeadline: now.getTime() > new Date(notices.deadline.latestOnTime).getTime(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const submission = parseWithZod(await readForm(request), { schema: noticesSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null, missing: null }, { status: 400 });
  try {
    const done = await applyNoticeAction(procuratorateId, actor.userId, params.hearingId, submission.value);
    return { result: submission.reply({ resetForm: true }), done, missing: null };
  } catch (error) {
    if (error instanceof NoticesMissingError) {
      return data(
        { result: submission.reply({ formErrors: [error.messageKey] }), done: null, missing: error.missing },
        { status: error.status },
      );
    }
    const reply = actionError(error, submission);
    return data({ ...reply.data, done: null, missing: null }, { status: reply.init?.status ?? 409 });
  }
}

type Data = Awaited<ReturnType<typeof loader>>;

function NoticeForm({ target, nowLocal, label }: { target: string; nowLocal: string; label: string }) {
  const t = useT();
  return (
    <Form method="post" className="inline-form notice-form" aria-label={t("hearingSetup.notices.recordFor", { name: label })}>
      <input type="hidden" name="intent" value="notice" />
      <input type="hidden" name="target" value={target} />
      <input type="datetime-local" name="notifiedAt" defaultValue={nowLocal} aria-label={t("hearingSetup.notices.notifiedAt")} required />
      <select name="method" aria-label={t("hearingSetup.notices.method")} defaultValue="phone">
        {NOTICE_METHODS.map((m) => (
          <option key={m} value={m}>
            {t.label("noticeMethod", m)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small">
        {t("hearingSetup.notices.record")}
      </button>
    </Form>
  );
}

function ApprovalState({ approval }: { approval: Data["approvals"]["hearing"] }) {
  const t = useT();
  if (!approval) return <span className="muted">{t("hearingSetup.approval.none")}</span>;
  return (
    <span>
      <DecisionBadge decision={approval.decision} />{" "}
      <span className="muted small">
        {t("hearingSetup.approval.requestedAt", { time: formatDateTime(approval.requestedAt, t.locale) })}
      </span>
      {approval.comment ? <span className="small"> {approval.comment}</span> : null}
    </span>
  );
}

export default function HearingNotices() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const manage = d.mayManage && d.hearing.editable;
  const errors = actionData?.result.error ? Object.values(actionData.result.error).flatMap((v) => v ?? []) : [];
  const done = actionData?.done ?? null;
  const rows = [
    ...d.panelists.map((p) => ({
      key: `panelist:${p.panelistId}`,
      role: t("hearingSetup.notices.panelist"),
      unit: t.label("panelistCategory", p.panelist.category),
      name: p.name,
      notifiedAt: p.notifiedAt,
      method: p.noticeMethod,
    })),
    ...d.participants.map((p) => ({
      key: `participant:${p.id}`,
      role: t.label("participantKind", p.kind),
      unit: p.organisation,
      name: p.name,
      notifiedAt: p.notifiedAt,
      method: p.noticeMethod,
    })),
  ];
  const lateOpen = !d.approvals.lateNoticeApproved && d.approvals.lateNotice?.decision !== "pending";
  const hearingOpen = !d.approvals.hearingApproved && d.approvals.hearing?.decision !== "pending";
  return (
    <>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t(`hearingSetup.notices.done.${done.done}`, { name: done.name ?? "" })}
        </p>
      ) : null}
      <FormError errors={errors} />
      {actionData?.missing?.length ? (
        <div className="notice notice--warn" role="alert">
          {t("hearingSetup.notices.missingList")}
          <ul>
            {actionData.missing.map((n, i) => (
              <li key={`${n}-${i}`}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <Card title={t("hearingSetup.approval.title")}>
        <p>
          <ApprovalState approval={d.approvals.hearing} />
        </p>
        <p className="muted small">{t("hearingSetup.approval.hint")}</p>
        {manage && hearingOpen ? (
          <Form method="post" className="form" aria-label={t("hearingSetup.approval.request")}>
            <input type="hidden" name="intent" value="requestHearing" />
            <label className="field">
              <span>{t("hearingSetup.approval.reason")}</span>
              <input type="text" name="reason" maxLength={SETUP_REASON_MAX} />
            </label>
            <button type="submit" className="button">
              {t("hearingSetup.approval.request")}
            </button>
          </Form>
        ) : null}
      </Card>

      <Card title={t("hearingSetup.notices.title")}>
        <p>
          {t("hearingSetup.notices.deadline", { date: formatDate(d.deadline.dueOn, t.locale) })}{" "}
          <span className="muted small">{t("hearingSetup.notices.basis")}</span>
        </p>
        {d.pastDeadline ? (
          <div className="notice notice--warn">
            <p>{t("hearingSetup.notices.pastDeadline")}</p>
            <p>
              {t("hearingSetup.notices.lateApproval")} <ApprovalState approval={d.approvals.lateNotice} />
            </p>
            {manage && lateOpen ? (
              <Form method="post" className="form" aria-label={t("hearingSetup.notices.requestLate")}>
                <input type="hidden" name="intent" value="requestLateNotice" />
                <label className="field">
                  <span>{t("hearingSetup.notices.lateReason")}</span>
                  <input type="text" name="reason" maxLength={SETUP_REASON_MAX} required />
                </label>
                <button type="submit" className="button">
                  {t("hearingSetup.notices.requestLate")}
                </button>
              </Form>
            ) : null}
          </div>
        ) : null}
        {rows.length === 0 ? (
          <p className="muted">{t("hearingSetup.notices.nobody")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("hearingSetup.notices.role")}</th>
                  <th scope="col">{t("hearings.col.unit")}</th>
                  <th scope="col">{t("hearings.col.name")}</th>
                  <th scope="col">{t("hearingSetup.notices.notifiedAt")}</th>
                  <th scope="col">{t("hearingSetup.notices.method")}</th>
                  {manage ? <th scope="col">{t("hearingSetup.notices.record")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-notice={r.key}>
                    <td data-label={t("hearingSetup.notices.role")}>{r.role}</td>
                    <td data-label={t("hearings.col.unit")}>{r.unit}</td>
                    <td data-label={t("hearings.col.name")}>{r.name}</td>
                    <td data-label={t("hearingSetup.notices.notifiedAt")} className="nowrap">
                      {r.notifiedAt ? formatDateTime(r.notifiedAt, t.locale) : t("hearingSetup.notices.notYet")}
                    </td>
                    <td data-label={t("hearingSetup.notices.method")}>{r.method ? t.label("noticeMethod", r.method) : "—"}</td>
                    {manage ? (
                      <td data-label={t("hearingSetup.notices.record")}>
                        <NoticeForm target={r.key} nowLocal={d.nowLocal} label={r.name} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {manage && d.hearing.status === "planned" ? (
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="markNotified" />
            <button type="submit" className="button">
              {t("hearingSetup.notices.markNotified")}
            </button>
          </Form>
        ) : null}
        {d.missing.length && d.hearing.status === "planned" ? (
          <p className="muted small">{t("hearingSetup.notices.stillMissing", { n: d.missing.length })}</p>
        ) : null}
      </Card>

      {d.hearing.isPublic ? (
        <Card title={t("hearingSetup.announce.title")}>
          {d.hearing.announcedAt ? (
            <p>{t("hearingSetup.announce.publishedAt", { time: formatDateTime(d.hearing.announcedAt, t.locale) })}</p>
          ) : (
            <p className="muted">{t("hearingSetup.announce.notYet")}</p>
          )}
          <p className="muted small">{t("hearingSetup.announce.hint")}</p>
          {manage ? (
            <Form method="post" className="form" aria-label={t("hearingSetup.announce.title")}>
              <input type="hidden" name="intent" value="announce" />
              <label className="field">
                <span>{t("hearingSetup.announce.text")}</span>
                <textarea name="announcement" rows={6} maxLength={ANNOUNCEMENT_MAX} defaultValue={d.hearing.announcement ?? ""} required />
              </label>
              <button type="submit" className="button">
                {t("hearingSetup.announce.publish")}
              </button>
            </Form>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
