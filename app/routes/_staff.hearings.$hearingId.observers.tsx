import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ObserverRequestBadge } from "~/components/hearing/hearing-badges";
import { Card, EmptyState, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { OBSERVER_DECISION_REASON_MAX, observerDecisionSchema } from "~/domain/hearing/observer-schema";
import { isFinishedHearing } from "~/domain/hearing/schedule";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { decideObserverRequest, listObserverRequests } from "~/models/hearing-observer.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Observer requests tab (旁听申请, 听证规定 Art 5): the public's requests with the phone number to
// call back on; prosecutors accept or decline each. Seats are held by accepted and pending ones.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const list = await listObserverRequests(procuratorateId, params.hearingId);
  return { ...list, mayDecide: can(actor, "hearing:manage") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  // Out of scope answers 404 whatever was posted.
  const { hearing, requests } = await listObserverRequests(procuratorateId, params.hearingId);
  const submission = parseWithZod(await readForm(request), { schema: observerDecisionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), decided: null }, { status: 400 });
  }
  try {
    const decided = await decideObserverRequest(procuratorateId, actor.userId, hearing.id, submission.value);
    const name = requests.find((r) => r.id === decided.id)?.name ?? "";
    return { result: submission.reply({ resetForm: true }), decided: { status: decided.status, name } };
  } catch (error) {
    return actionError(error, submission);
  }
}

type Request = Awaited<ReturnType<typeof loader>>["requests"][number];

function DecisionForm({ r }: { r: Request }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("requestId") === r.id;
  return (
    <Form method="post" className="observer-decision" aria-label={r.name}>
      <input type="hidden" name="requestId" value={r.id} />
      {r.status === "pending" ? (
        <button className="button" type="submit" name="decision" value="accepted" disabled={busy}>
          {t("hearings.observers.accept")}
        </button>
      ) : null}
      <input
        type="text"
        name="reason"
        maxLength={OBSERVER_DECISION_REASON_MAX}
        aria-label={t("hearings.observers.reason")}
        placeholder={t("hearings.observers.reason")}
      />
      <button className="button button--secondary" type="submit" name="decision" value="declined" disabled={busy}>
        {t("hearings.observers.decline")}
      </button>
    </Form>
  );
}

export default function HearingObservers() {
  const { hearing, requests, seatsTaken, seatsLeft, mayDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const decided = actionData && "decided" in actionData ? actionData.decided : null;
  const open = !isFinishedHearing(hearing.status);
  const errors = actionData?.result.error?.[""] ?? null;
  const fieldErrors = Object.entries(actionData?.result.error ?? {})
    .filter(([k]) => k !== "")
    .flatMap(([, v]) => v ?? []);
  return (
    <Card title={t("hearings.observerRequests")}>
      {hearing.isPublic ? (
        <p className="muted">{t("hearings.observers.intro")}</p>
      ) : (
        <p className="notice notice--warn">{t("hearings.observers.notPublic")}</p>
      )}
      <p>
        {hearing.observerSeats !== null
          ? t("hearings.observers.seats", { seats: hearing.observerSeats, taken: seatsTaken, left: seatsLeft ?? 0 })
          : t("hearings.observers.seatsUnlimited", { taken: seatsTaken })}
      </p>
      {decided ? (
        <p className="notice notice--ok" role="status">
          {t(decided.status === "accepted" ? "hearings.observers.accepted" : "hearings.observers.declined", {
            name: decided.name,
          })}
        </p>
      ) : null}
      <FormError errors={[...(errors ?? []), ...fieldErrors]} />
      {!mayDecide && requests.some((r) => r.status !== "declined") ? (
        <p className="muted small">{t("hearings.observers.readOnly")}</p>
      ) : null}
      {requests.length === 0 ? (
        <EmptyState title={t("hearings.observerRequests.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive">
            <thead>
              <tr>
                <th scope="col">{t("hearings.col.name")}</th>
                <th scope="col">{t("hearings.observers.col.phone")}</th>
                <th scope="col">{t("hearings.col.unit")}</th>
                <th scope="col">{t("hearings.col.requestedAt")}</th>
                <th scope="col">{t("hearings.col.status")}</th>
                {mayDecide && open ? <th scope="col">{t("hearings.observers.col.decision")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} data-request={r.id}>
                  <td data-label={t("hearings.col.name")}>{r.name}</td>
                  <td data-label={t("hearings.observers.col.phone")} className="nowrap">
                    <a href={`tel:${r.phone}`}>{r.phone}</a>
                  </td>
                  <td data-label={t("hearings.col.unit")}>{r.organisation ?? "—"}</td>
                  <td data-label={t("hearings.col.requestedAt")} className="nowrap">
                    {formatDateTime(r.createdAt, t.locale)}
                  </td>
                  <td data-label={t("hearings.col.status")}>
                    <div>
                      <ObserverRequestBadge status={r.status} />
                      {r.decidedAt ? (
                        <div className="muted small">
                          {t("hearings.observers.decidedBy", {
                            name: r.decidedBy?.displayName ?? "—",
                            time: formatDateTime(r.decidedAt, t.locale),
                          })}
                        </div>
                      ) : null}
                      {r.decisionReason ? (
                        <div className="small">{t("hearings.observers.declineReason", { reason: r.decisionReason })}</div>
                      ) : null}
                    </div>
                  </td>
                  {mayDecide && open ? (
                    <td data-label={t("hearings.observers.col.decision")}>
                      {r.status !== "declined" ? <DecisionForm r={r} /> : "—"}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
