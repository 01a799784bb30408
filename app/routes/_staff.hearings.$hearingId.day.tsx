import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Card, FormError } from "~/components/ui";
import {
  advanceRefusal,
  attendanceRefusal,
  closeDeliberationRefusal,
  concludeRefusal,
  hearingDaySchema,
  MINUTES_MAX,
  minutesRefusal,
  nextStage,
  openRefusal,
  stageReached,
  SUMMARY_MAX,
} from "~/domain/hearing/day";
import type { HearingStage } from "~/domain/hearing/states";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { getHearingDay, runHearingDay } from "~/models/hearing-day.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";
import styles from "~/styles/hearing-day.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

// The hearing day tab (听证规定 Arts 14–15): the host opens the hearing and runs the order of
// business stage by stage; the host or the clerk records the minutes of each stage and the
// attendance; the host closes deliberation at stage 'opinions' and concludes at the summary.
// Who may do what: app/domain/hearing/day.ts. Other staff read along.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const day = await getHearingDay(procuratorateId, params.hearingId);
  // Who may act is the hearing's own rule (host, clerk: app/domain/hearing/day.ts), not the role:
  // an approver (检察长, 部门负责人) may host (听证规定 Art 13).
  const me = actor.userId;
  const next = nextStage(day.stage);
  // What the actor is offered: each form only where its rule lets it through.
  const offers = {
    open: openRefusal(day, me, day.missing) === null,
    advance: day.stage !== null && next !== null && advanceRefusal(day, me, day.stage, next) === null,
    minutes: day.stage !== null && minutesRefusal(day, me, day.stage) === null,
    attendance: attendanceRefusal(day, me) === null,
    closeDeliberation: closeDeliberationRefusal(day, me) === null,
    conclude: concludeRefusal(day, me) === null,
  };
  return { day, next, offers, isHost: day.hostId === me, isClerk: day.clerkId !== null && day.clerkId === me };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // hearing:read, then the host/clerk rules of app/domain/hearing/day.ts decide (听证规定 Art 13:
  // the chief or a department head may host, so an approver host runs the hearing too).
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  // Out of scope answers 404 whatever was posted.
  await getHearingDay(procuratorateId, params.hearingId);
  const submission = parseWithZod(await readForm(request), { schema: hearingDaySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
  try {
    const done = await runHearingDay({ procuratorateId, userId: actor.userId }, params.hearingId, submission.value);
    return { result: submission.reply({ resetForm: true }), done };
  } catch (error) {
    return actionError(error, submission);
  }
}

type Day = Awaited<ReturnType<typeof loader>>["day"];

function Done() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const done = actionData && "done" in actionData ? actionData.done : null;
  if (!done) return null;
  const stage = "stage" in done && done.stage ? t.label("hearingStage", done.stage) : "";
  const text = {
    open: t("hearingDay.opened", { stage }),
    advance: t("hearingDay.advanced", { stage }),
    minutes: t("hearingDay.minutesSaved", { stage }),
    attendance: t("hearingDay.attendanceSaved"),
    closeDeliberation: t("hearingDay.deliberationClosedOk"),
    conclude: t("hearingDay.concludedOk"),
  }[done.intent];
  return (
    <p className="notice notice--ok" role="status">
      {text}
    </p>
  );
}

function Errors() {
  const actionData = useActionData<typeof action>();
  const errors = Object.values(actionData?.result.error ?? {}).flatMap((v) => v ?? []);
  return <FormError errors={errors} />;
}

function StageItem({ day, stage, mayRecord }: { day: Day; stage: HearingStage; mayRecord: boolean }) {
  const t = useT();
  const record = day.stages.find((s) => s.stage === stage)?.record ?? null;
  const state = day.stage === stage ? "current" : stageReached(stage, day.stage) ? "done" : "pending";
  const label = t.label("hearingStage", stage);
  return (
    <li className={`hearing-stage hearing-stage--${state}`} aria-current={state === "current" ? "step" : undefined}>
      <div className="hearing-stage__head">
        <strong>{label}</strong>{" "}
        <Badge tone={state === "current" ? "info" : state === "done" ? "ok" : "neutral"}>{t(`hearingDay.stage.${state}`)}</Badge>
      </div>
      {record ? (
        <div className="muted small">
          {t("hearingDay.startedAt", { at: formatDateTime(record.startedAt, t.locale) })}
          {record.endedAt ? <> · {t("hearingDay.endedAt", { at: formatDateTime(record.endedAt, t.locale) })}</> : null}
          {record.minutes ? <> · {t("hearingDay.recordedBy", { name: record.recordedBy.displayName })}</> : null}
        </div>
      ) : null}
      {record && mayRecord ? (
        <Form method="post" className="hearing-stage__minutes">
          <input type="hidden" name="intent" value="minutes" />
          <input type="hidden" name="stage" value={stage} />
          <label htmlFor={`minutes-${stage}`} className="visually-hidden">
            {t("hearingDay.minutesOf", { stage: label })}
          </label>
          <textarea
            id={`minutes-${stage}`}
            name="minutes"
            rows={state === "current" ? 5 : 3}
            maxLength={MINUTES_MAX}
            defaultValue={record.minutes ?? ""}
          />
          <button className="button button--secondary" type="submit">
            {t("hearingDay.saveMinutes")}
          </button>
        </Form>
      ) : record ? (
        <p className="pre-line">{record.minutes ?? <span className="muted">{t("hearingDay.noMinutes")}</span>}</p>
      ) : null}
    </li>
  );
}

export default function HearingDay() {
  const { day, next, offers, isHost, isClerk } = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const mayRecord = day.stage !== null && (isHost || isClerk) && (day.status === "in_progress" || day.status === "deliberating");
  const blockedByDeliberation = isHost && next === "final_statements" && day.deliberationClosedAt === null;
  return (
    <>
      <Card title={t("hearingDay.title")}>
        <p className="muted">{t("hearingDay.intro")}</p>
        <p>
          {t("hearingDay.host", { name: day.host.displayName })} ·{" "}
          {day.clerk ? t("hearingDay.clerk", { name: day.clerk.displayName }) : t("hearingDay.noClerk")}
        </p>
        {!isHost && !isClerk ? <p className="muted small">{t("hearingDay.readOnly")}</p> : null}
        <Done />
        <Errors />
        {day.status === "cancelled" ? <p className="notice notice--warn">{t("hearingDay.cancelled")}</p> : null}
        {day.concludedAt ? <p className="notice notice--ok">{t("hearingDay.concluded", { at: formatDateTime(day.concludedAt, t.locale) })}</p> : null}
        {day.stage === null && day.status !== "cancelled" ? (
          <p>{day.status === "planned" ? t("hearingDay.notNotified") : t("hearingDay.notOpened")}</p>
        ) : null}
        {day.stage !== null && day.status !== "concluded" ? (
          <p>
            <strong>{t("hearingDay.current", { stage: t.label("hearingStage", day.stage) })}</strong>
          </p>
        ) : null}
        <div className="actions hearing-day__actions">
          {offers.open ? (
            <Form method="post">
              <input type="hidden" name="intent" value="open" />
              <button className="button" type="submit" disabled={busy}>
                {t("hearingDay.open")}
              </button>
            </Form>
          ) : null}
          {offers.advance && day.stage && next ? (
            <Form method="post">
              <input type="hidden" name="intent" value="advance" />
              <input type="hidden" name="from" value={day.stage} />
              <input type="hidden" name="to" value={next} />
              <button className="button" type="submit" disabled={busy}>
                {t("hearingDay.advance", { stage: t.label("hearingStage", next) })}
              </button>
            </Form>
          ) : null}
          {offers.closeDeliberation ? (
            <Form method="post">
              <input type="hidden" name="intent" value="closeDeliberation" />
              <button className="button" type="submit" disabled={busy}>
                {t("hearingDay.closeDeliberation")}
              </button>
            </Form>
          ) : null}
        </div>
        {offers.closeDeliberation ? <p className="muted small">{t("hearingDay.closeDeliberationHint")}</p> : null}
        {blockedByDeliberation ? <p className="notice notice--warn">{t("hearingDay.needsClosedDeliberation")}</p> : null}
        {day.deliberationClosedAt ? (
          <p className="muted small">
            {t("hearingDay.deliberationClosed", {
              at: formatDateTime(day.deliberationClosedAt, t.locale),
              name: day.deliberationClosedBy?.displayName ?? "",
            })}
          </p>
        ) : null}
        <ol className="hearing-stages">
          {day.stages.map(({ stage }) => (
            <StageItem key={stage} day={day} stage={stage} mayRecord={mayRecord} />
          ))}
        </ol>
      </Card>
      {offers.conclude ? (
        <Card title={t("hearingDay.conclude")}>
          <p className="muted">{t("hearingDay.concludeIntro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="conclude" />
            <div className="field">
              <label htmlFor="deliberationSummary">{t("hearingDay.deliberationSummary")}</label>
              <textarea id="deliberationSummary" name="deliberationSummary" rows={4} maxLength={SUMMARY_MAX} required defaultValue={day.deliberationSummary ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="hostSummary">{t("hearingDay.hostSummary")}</label>
              <textarea id="hostSummary" name="hostSummary" rows={4} maxLength={SUMMARY_MAX} required defaultValue={day.hostSummary ?? ""} />
            </div>
            <button className="button" type="submit" disabled={busy}>
              {t("hearingDay.conclude")}
            </button>
          </Form>
        </Card>
      ) : null}
      {day.stage !== null ? <AttendanceCard day={day} editable={offers.attendance} /> : null}
    </>
  );
}

function AttendanceCard({ day, editable }: { day: Day; editable: boolean }) {
  const t = useT();
  const seated = day.panelists.filter((p) => !p.recused);
  const row = (name: string, value: string, attended: boolean | null, detail: string) => (
    <li key={value}>
      {editable ? (
        <label className="checkbox">
          <input type="checkbox" name="present" value={value} defaultChecked={attended === true} /> {name}
          <span className="muted small"> {detail}</span>
        </label>
      ) : (
        <>
          {name} <span className="muted small">{detail}</span>{" "}
          {attended === true ? <Badge tone="ok">{t("hearingRecord.present")}</Badge> : attended === false ? <Badge tone="warn">{t("hearingRecord.absent")}</Badge> : null}
        </>
      )}
    </li>
  );
  const body = (
    <>
      <h3>{t("hearingDay.panel")}</h3>
      <ul className="plain-list">{seated.map((p) => row(p.panelist.name, `panelist:${p.panelistId}`, p.attended, t.label("panelistCategory", p.panelist.category)))}</ul>
      <h3>{t("hearingDay.participants")}</h3>
      {day.participants.length === 0 ? (
        <p className="muted">{t("hearingDay.noParticipants")}</p>
      ) : (
        <ul className="plain-list">
          {day.participants.map((p) => row(p.name, `participant:${p.id}`, p.attended, [p.organisation, p.post].filter(Boolean).join(" · ")))}
        </ul>
      )}
    </>
  );
  return (
    <Card title={t("hearingDay.attendance")}>
      {editable ? (
        <Form method="post" aria-label={t("hearingDay.attendance")}>
          <p className="muted small">{t("hearingDay.attendanceIntro")}</p>
          <input type="hidden" name="intent" value="attendance" />
          {body}
          <button className="button button--secondary" type="submit">
            {t("hearingDay.saveAttendance")}
          </button>
        </Form>
      ) : (
        body
      )}
    </Card>
  );
}
