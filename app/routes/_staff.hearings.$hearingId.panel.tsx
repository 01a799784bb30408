import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AttendedText } from "~/components/hearing/hearing-badges";
import { RecusalCell } from "~/components/hearing/recusal-cell";
import { SeatBlockReasons } from "~/components/hearing/seat-block";
import { Badge, Card, EmptyState, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import type { SeatBlock } from "~/domain/hearing/panel";
import { panelTabSchema } from "~/domain/hearing/panel-schemas";
import { formatDate } from "~/i18n";
import { useT } from "~/i18n/react";
import {
  SeatRefusedError,
  decideRecusal,
  getPanelSeating,
  requestRecusal,
  seatPanelist,
  unseatPanelist,
} from "~/models/hearing-panel.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Panel tab of a hearing: the 听证员 seated from the pool (听证规定 Art 7: eligibility, no interest in
// the case; conflicts: app/domain/hearing/conflicts.ts), the category mix, the declarations, and
// recusal requests decided within 3 days (规则 Art 23).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const seating = await getPanelSeating(procuratorateId, params.hearingId);
  return { ...seating, mayManage: can(actor, "hearing:manage") };
}

type Refused = { name: string; block: SeatBlock } | null;
const noRefusal: Refused = null;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const hearingId = params.hearingId;
  const submission = parseWithZod(await readForm(request), { schema: panelTabSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null, refused: noRefusal }, { status: 400 });
  const v = submission.value;
  try {
    switch (v.intent) {
      case "seat": {
        const r = await seatPanelist(procuratorateId, actor.userId, hearingId, v.panelistId);
        return { result: submission.reply({ resetForm: true }), done: { key: "hearingPanel.done.seated", name: r.name }, refused: noRefusal };
      }
      case "unseat": {
        const r = await unseatPanelist(procuratorateId, actor.userId, hearingId, v.panelistId);
        return { result: submission.reply({ resetForm: true }), done: { key: "hearingPanel.done.unseated", name: r.name }, refused: noRefusal };
      }
      case "requestRecusal": {
        const r = await requestRecusal(procuratorateId, actor.userId, hearingId, v);
        return { result: submission.reply({ resetForm: true }), done: { key: "hearingPanel.done.recusalRequested", name: r.name }, refused: noRefusal };
      }
      case "decideRecusal": {
        const r = await decideRecusal(procuratorateId, actor.userId, hearingId, v);
        const key = r.decision === "granted" ? "hearingPanel.done.recusalGranted" : "hearingPanel.done.recusalRefused";
        return { result: submission.reply({ resetForm: true }), done: { key, name: r.name }, refused: noRefusal };
      }
    }
  } catch (error) {
    if (error instanceof SeatRefusedError) {
      return data(
        {
          result: submission.reply({ formErrors: [error.messageKey] }),
          done: null,
          refused: { name: error.panelistName, block: error.block },
        },
        { status: error.status }
      );
    }
    return actionError(error, submission);
  }
}

export default function HearingPanel() {
  const { seats, seated, mix, pool, hearing, mayManage, seatConflicts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const manageSeats = mayManage && hearing.editable;
  const formErrors = actionData?.result.error?.[""] ?? null;
  const fieldErrors = Object.entries(actionData?.result.error ?? {})
    .filter(([k]) => k !== "")
    .flatMap(([, v]) => v ?? []);
  const refused = actionData && "refused" in actionData ? actionData.refused : null;
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <>
      <Card
        title={t("hearings.panel")}
        actions={seats.length ? <span className="muted">{t("hearings.panel.summary", { seated })}</span> : null}
      >
        {done ? (
          <p className="notice notice--ok" role="status">
            {t.dynamic(done.key, { name: done.name })}
          </p>
        ) : null}
        <FormError errors={[...(formErrors ?? []), ...fieldErrors]} />
        {refused ? (
          <div className="notice notice--warn" data-testid="seat-refused">
            {t("hearingPanel.refused", { name: refused.name })}
            <SeatBlockReasons block={refused.block} />
          </div>
        ) : null}
        {seatConflicts.length && !hearing.finished ? (
          <div className="notice notice--warn" role="alert" data-testid="seat-conflicts">
            {t("hearingPanel.seatConflicts.warning")}
            <ul className="plain-list">
              {seatConflicts.map((c) => (
                <li key={c.panelistId}>
                  <strong>{c.name}</strong>
                  <SeatBlockReasons block={{ reasons: [], conflicts: c.conflicts }} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {mix.length ? (
          <p className="panel-mix" data-testid="panel-mix">
            {t("hearingPanel.mix")}{" "}
            {mix.map((m) => `${t.label("panelistCategory", m.category)} ${m.count}`).join(" / ")}
            <span className="muted"> ({mix.map((m) => m.count).join("/")})</span>
          </p>
        ) : null}
        {seats.length === 0 ? (
          <EmptyState title={t("hearings.panel.empty")} />
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive" data-testid="panel-seats">
              <thead>
                <tr>
                  <th scope="col">{t("hearings.col.name")}</th>
                  <th scope="col">{t("hearings.col.category")}</th>
                  <th scope="col">{t("hearings.col.workUnit")}</th>
                  <th scope="col">{t("hearings.col.declaration")}</th>
                  <th scope="col">{t("hearings.col.recusal")}</th>
                  <th scope="col">{t("hearings.col.attended")}</th>
                  {manageSeats ? <th scope="col">{t("hearingPanel.col.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {seats.map((p) => (
                  <tr key={p.panelistId} className={p.recused ? "muted" : undefined} data-panelist={p.panelist.name}>
                    <td data-label={t("hearings.col.name")} className="nowrap">
                      {p.panelist.name}
                    </td>
                    <td data-label={t("hearings.col.category")}>{t.label("panelistCategory", p.panelist.category)}</td>
                    <td data-label={t("hearings.col.workUnit")}>
                      {[p.panelist.workUnit, p.panelist.title].filter(Boolean).join(" ") || "—"}
                    </td>
                    <td data-label={t("hearings.col.declaration")}>
                      {p.declaredAt ? (
                        <Badge tone="ok">{t("hearings.declaredOn", { date: formatDate(p.declaredAt, t.locale) })}</Badge>
                      ) : (
                        <Badge tone="warn">{t("hearings.notDeclared")}</Badge>
                      )}
                    </td>
                    <td data-label={t("hearings.col.recusal")}>
                      {p.recused ? <Badge tone="danger">{t("hearings.recused")}</Badge> : null}
                      <RecusalCell s={p} mayManage={mayManage} finished={hearing.finished} />
                    </td>
                    <td data-label={t("hearings.col.attended")}>
                      <AttendedText attended={p.attended} />
                    </td>
                    {manageSeats ? (
                      <td data-label={t("hearingPanel.col.actions")}>
                        <Form method="post" aria-label={t("hearingPanel.unseatOf", { name: p.panelist.name })}>
                          <input type="hidden" name="intent" value="unseat" />
                          <input type="hidden" name="panelistId" value={p.panelistId} />
                          <button className="button button--secondary" type="submit">
                            {t("hearingPanel.unseat")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!hearing.editable ? <p className="muted small">{t("hearingPanel.notEditable")}</p> : null}
      </Card>
      {manageSeats ? (
        <Card title={t("hearingPanel.pool")}>
          <p className="muted small">{t("hearingPanel.pool.intro", { date: formatDate(hearing.date, t.locale) })}</p>
          {pool.length === 0 ? (
            <EmptyState title={t("hearingPanel.pool.empty")} />
          ) : (
            <div className="table-wrap">
              <table className="table table-responsive" data-testid="panel-pool">
                <thead>
                  <tr>
                    <th scope="col">{t("hearings.col.name")}</th>
                    <th scope="col">{t("hearings.col.category")}</th>
                    <th scope="col">{t("hearings.col.workUnit")}</th>
                    <th scope="col">{t("hearingPanel.col.eligibility")}</th>
                    <th scope="col">{t("hearingPanel.col.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {pool.map((c) => (
                    <tr key={c.id} data-candidate={c.name}>
                      <td data-label={t("hearings.col.name")} className="nowrap">
                        {c.name}
                      </td>
                      <td data-label={t("hearings.col.category")}>{t.label("panelistCategory", c.category)}</td>
                      <td data-label={t("hearings.col.workUnit")}>{c.workUnit ?? "—"}</td>
                      <td data-label={t("hearingPanel.col.eligibility")}>
                        {c.block ? (
                          <div>
                            <Badge tone="danger">{t("hearingPanel.blocked")}</Badge>
                            <SeatBlockReasons block={c.block} />
                          </div>
                        ) : (
                          <Badge tone="ok">{t("hearingPanel.eligible")}</Badge>
                        )}
                      </td>
                      <td data-label={t("hearingPanel.col.actions")}>
                        {c.block ? (
                          <span className="muted small">{t("hearingPanel.cannotSeat")}</span>
                        ) : (
                          <Form method="post" aria-label={t("hearingPanel.seatOf", { name: c.name })}>
                            <input type="hidden" name="intent" value="seat" />
                            <input type="hidden" name="panelistId" value={c.id} />
                            <button className="button" type="submit">
                              {t("hearingPanel.seat")}
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      ) : null}
    </>
  );
}
