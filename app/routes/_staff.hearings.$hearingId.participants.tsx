import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AttendedText } from "~/components/hearing/hearing-badges";
import { Badge, Card, Field, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import { PARTICIPANT_NAME_MAX, PARTICIPANT_TEXT_MAX, participantSchema } from "~/domain/hearing/setup-schemas";
import { PARTICIPANT_KINDS } from "~/domain/hearing/states";
import { useT } from "~/i18n/react";
import { getHearingParticipants } from "~/models/hearing.server";
import { agencyOptions, changeParticipant, getParticipantsForEdit } from "~/models/hearing-setup.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Participants tab of a hearing: the agencies' representatives by unit, other participants (其他参加人)
// and the observers the procuratorate invited. Prosecutors add, change and remove them while the
// hearing is editable (planned, notified). Requests from the public are on the observers tab.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const view = await getHearingParticipants(procuratorateId, params.hearingId);
  const mayManage = can(actor, "hearing:manage");
  const edit = mayManage ? await getParticipantsForEdit(procuratorateId, params.hearingId) : null;
  return {
    ...view,
    editable: edit?.editable ?? false,
    editList: edit?.editable ? edit.participants : [],
    agencies: edit?.editable ? await agencyOptions(procuratorateId) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const form = await readForm(request);
  // Which of the page's forms answered: the add form or one participant's (its errors show there).
  const formId = form.get("intent") === "add" ? "add" : String(form.get("participantId") ?? "");
  const submission = parseWithZod(form, { schema: participantSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), formId, done: null }, { status: 400 });
  try {
    const row = await changeParticipant(procuratorateId, actor.userId, params.hearingId, submission.value);
    return { result: submission.reply({ resetForm: true }), formId, done: { intent: submission.value.intent, name: row.name } };
  } catch (error) {
    const reply = actionError(error, submission);
    return data({ ...reply.data, formId, done: null }, { status: reply.init?.status ?? 409 });
  }
}

type Data = Awaited<ReturnType<typeof loader>>;
type Person = Data["otherParticipants"][number];
type EditRow = Data["editList"][number];

function PeopleTable({ people }: { people: Person[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th scope="col">{t("hearings.col.unit")}</th>
            <th scope="col">{t("hearings.col.name")}</th>
            <th scope="col">{t("hearings.col.post")}</th>
            <th scope="col">{t("hearings.col.attended")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td data-label={t("hearings.col.unit")}>{p.agency?.name ?? p.organisation}</td>
              <td data-label={t("hearings.col.name")}>{p.name}</td>
              <td data-label={t("hearings.col.post")}>{p.post ?? "—"}</td>
              <td data-label={t("hearings.col.attended")}>
                <AttendedText attended={p.attended} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The add form, or the edit form of one participant (same schema, intent add / update). */
function ParticipantForm({ agencies, row }: { agencies: Data["agencies"]; row?: EditRow }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const formId = row ? `participant-${row.id}` : "participant-add";
  const [form, fields] = useForm({
    id: formId,
    lastResult: actionData && "formId" in actionData && actionData.formId === (row ? row.id : "add") ? actionData.result : null,
    defaultValue: row
      ? { intent: "update", participantId: row.id, kind: row.kind, agencyId: row.agencyId ?? "", organisation: row.organisation, name: row.name, post: row.post ?? "", phone: row.phone ?? "" }
      : { intent: "add", kind: "agency_representative" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: participantSchema }),
  });
  return (
    <Form method="post" className="form participant-form" {...getFormProps(form)} aria-label={row ? row.name : t("hearingSetup.participants.add")}>
      <FormError errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value={row ? "update" : "add"} />
      {row ? <input type="hidden" name="participantId" value={row.id} /> : null}
      <div className="grid grid-3">
        <Field label={t("hearingSetup.participants.kind")} htmlFor={fields.kind.id} errors={fields.kind.errors}>
          <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
            {PARTICIPANT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.label("participantKind", k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("hearingSetup.participants.agency")} htmlFor={fields.agencyId.id} errors={fields.agencyId.errors}>
          <select {...getSelectProps(fields.agencyId)} key={fields.agencyId.key}>
            <option value="">{t("hearingSetup.form.none")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("hearingSetup.participants.organisation")}
          htmlFor={fields.organisation.id}
          hint={t("hearingSetup.participants.organisationHint")}
          errors={fields.organisation.errors}
        >
          <input {...getInputProps(fields.organisation, { type: "text" })} key={fields.organisation.key} maxLength={PARTICIPANT_TEXT_MAX} />
        </Field>
        <Field label={t("hearings.col.name")} htmlFor={fields.name.id} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} maxLength={PARTICIPANT_NAME_MAX} />
        </Field>
        <Field label={t("hearings.col.post")} htmlFor={fields.post.id} errors={fields.post.errors}>
          <input {...getInputProps(fields.post, { type: "text" })} key={fields.post.key} maxLength={PARTICIPANT_TEXT_MAX} />
        </Field>
        <Field label={t("hearingSetup.participants.phone")} htmlFor={fields.phone.id} errors={fields.phone.errors}>
          <input {...getInputProps(fields.phone, { type: "tel" })} key={fields.phone.key} />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {row ? t("hearingSetup.participants.save") : t("hearingSetup.participants.addSubmit")}
        </button>
      </div>
    </Form>
  );
}

function ManageParticipants({ list, agencies }: { list: EditRow[]; agencies: Data["agencies"] }) {
  const t = useT();
  return (
    <Card title={t("hearingSetup.participants.manage")}>
      {list.length ? (
        <ul className="participant-edit-list">
          {list.map((p) => (
            <li key={p.id} data-participant={p.id}>
              <details>
                <summary>
                  {t.label("participantKind", p.kind)} · {p.organisation} · {p.name}
                  {p.post ? ` (${p.post})` : ""}
                </summary>
                <ParticipantForm agencies={agencies} row={p} />
              </details>
              <Form method="post" className="inline-form" aria-label={t("hearingSetup.participants.removeOf", { name: p.name })}>
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="participantId" value={p.id} />
                <button type="submit" className="button button--secondary button--small">
                  {t("hearingSetup.participants.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t("hearingSetup.participants.add")}</h3>
      <ParticipantForm agencies={agencies} />
    </Card>
  );
}

export default function HearingParticipants() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t(`hearingSetup.participants.done.${done.intent}`, { name: done.name })}
        </p>
      ) : null}
      <Card title={t("hearings.participants")}>
        <h3>{t("hearings.agencyReps")}</h3>
        {data.agencyRepresentatives.length === 0 ? (
          <p className="muted">{t("hearings.agencyReps.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th scope="col">{t("hearings.col.unit")}</th>
                  <th scope="col">{t("hearings.col.representatives")}</th>
                </tr>
              </thead>
              <tbody>
                {data.agencyRepresentatives.map((g) => (
                  <tr key={g.unit}>
                    <td data-label={t("hearings.col.unit")}>{g.unit}</td>
                    <td data-label={t("hearings.col.representatives")}>
                      <ul className="rep-list">
                        {g.people.map((p) => (
                          <li key={p.id}>
                            {p.name}
                            {p.post ? <span className="muted"> {p.post}</span> : null}
                            {p.attended === false ? (
                              <>
                                {" "}
                                <Badge tone="warn">{t("hearings.attended.no")}</Badge>
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t("hearings.otherParticipants")}</h3>
        {data.otherParticipants.length === 0 ? (
          <p className="muted">{t("hearings.otherParticipants.empty")}</p>
        ) : (
          <PeopleTable people={data.otherParticipants} />
        )}
        {data.observers.length ? (
          <>
            <h3>{t("hearings.observers")}</h3>
            <PeopleTable people={data.observers} />
          </>
        ) : null}
      </Card>
      {data.editable ? <ManageParticipants list={data.editList} agencies={data.agencies} /> : null}
    </>
  );
}
