import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CaseLabel } from "~/components/hearing/case-label";
import { formatFileSize } from "~/components/portal";
import { Badge, Card, EmptyState, FormError } from "~/components/ui";
import { can } from "~/domain/auth/policy";
import type { RedactionMissing } from "~/domain/evidence/disclosure-plan";
import { RedactionRequiredError } from "~/domain/evidence/disclosure-plan";
import { DISCLOSURE_ITEMS_MAX, disclosureFormSchema } from "~/domain/evidence/schemas-disclosure";
import { evidenceFilePath, evidenceItemPath } from "~/domain/evidence/urls";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { applyDisclosure, getDisclosureForm } from "~/models/evidence-disclosure.server";
import { actionError } from "~/utils/action-error.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

// Evidence tab of a hearing: which items of the hearing's cases its panel sees (听证规定 Art 11).
// Prosecutors (hearing:manage) tick the items; approvers read. Frozen from deliberation on.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:read");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const form = await getDisclosureForm(procuratorateId, params.hearingId);
  return { ...form, mayEdit: can(actor, "hearing:manage") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "hearing:manage");
  const procuratorateId = staffScope(scope);
  if (!params.hearingId) notFound();
  const submission = parseWithZod(await readForm(request), { schema: disclosureFormSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), saved: null, needsRedaction: [] as RedactionMissing[] }, { status: 400 });
  }
  try {
    const done = await applyDisclosure(procuratorateId, actor.userId, params.hearingId, submission.value);
    return {
      result: submission.reply(),
      saved: { added: done.add.length, withdrawn: done.withdraw.length },
      needsRedaction: [] as RedactionMissing[],
    };
  } catch (error) {
    if (error instanceof RedactionRequiredError) {
      return data(
        { result: submission.reply({ formErrors: [error.messageKey] }), saved: null, needsRedaction: error.items },
        { status: error.status }
      );
    }
    return actionError(error, submission);
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Item = Loaded["cases"][number]["items"][number];

function FileList({ item }: { item: Item }) {
  const t = useT();
  if (!item.files.length) return <span className="muted">{t("evidenceDisclosure.noFiles")}</span>;
  return (
    <ul className="plain-list disclosure-files">
      {item.files.map((f) => (
        <li key={f.id} data-file={f.id}>
          <a href={evidenceFilePath(f.id)} target="_blank" rel="noreferrer">
            {f.name}
          </a>{" "}
          <span className="muted small">
            {f.mimeType} · {formatFileSize(f.size, t)}
          </span>{" "}
          {f.redacted ? <Badge tone="info">{t("evidenceDisclosure.file.redacted")}</Badge> : null}{" "}
          {f.panelSees ? (
            <Badge tone="ok">{t("evidenceDisclosure.file.panelSees")}</Badge>
          ) : (
            <Badge tone="warn">{t("evidenceDisclosure.file.hidden")}</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}

export default function HearingEvidence() {
  const { hearing, cases, truncated, mayEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const editable = mayEdit && hearing.open;
  const [form] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: disclosureFormSchema }),
  });
  const errors = [
    ...(form.errors ?? []),
    ...Object.entries(actionData?.result.error ?? {})
      .filter(([k]) => k !== "")
      .flatMap(([, v]) => v ?? []),
  ];
  const refused = actionData && "needsRedaction" in actionData ? actionData.needsRedaction : [];
  const items = cases.flatMap((c) => c.items);
  const saved = actionData && "saved" in actionData ? actionData.saved : null;

  return (
    <Card title={t("evidenceDisclosure.title")}>
      <p className="muted">{t("evidenceDisclosure.intro")}</p>
      {!hearing.open ? (
        <p className="notice notice--warn" role="status">
          {t("evidenceDisclosure.frozen", { status: t.label("hearingStatus", hearing.status) })}
        </p>
      ) : !mayEdit ? (
        <p className="muted small">{t("evidenceDisclosure.readOnly")}</p>
      ) : null}
      {truncated ? <p className="notice notice--warn">{t("evidenceDisclosure.truncated", { max: DISCLOSURE_ITEMS_MAX })}</p> : null}
      {saved ? (
        <p className="notice notice--ok" role="status">
          {t("evidenceDisclosure.saved", { added: saved.added, withdrawn: saved.withdrawn })}
        </p>
      ) : null}
      <FormError errors={errors} />
      {refused.length ? (
        <ul className="disclosure-refused" aria-label={t("evidenceDisclosure.error.needsRedaction")}>
          {refused.map((r) => (
            <li key={r.id}>
              <span className="mono">#{r.ordinal}</span> {r.title} ·{" "}
              <Link to={evidenceItemPath(r.caseId, r.id)}>{t("evidenceDisclosure.uploadRedaction")}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {cases.length === 0 ? (
        <EmptyState title={t("evidenceDisclosure.noCases")} />
      ) : (
        <Form method="post" {...getFormProps(form)}>
          {editable ? items.map((i) => <input key={i.id} type="hidden" name="shown" value={i.id} />) : null}
          {cases.map((c) => (
            <section key={c.id} className="disclosure-case" aria-label={c.number ?? c.title}>
              <h3>
                <CaseLabel c={c} />
              </h3>
              {c.items.length === 0 ? (
                <p className="muted">{t("evidenceDisclosure.noItems")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table table-responsive">
                    <thead>
                      <tr>
                        <th scope="col">{t("evidenceDisclosure.col.disclose")}</th>
                        <th scope="col">{t("evidenceDisclosure.col.item")}</th>
                        <th scope="col">{t("evidenceDisclosure.col.kind")}</th>
                        <th scope="col">{t("evidenceDisclosure.col.files")}</th>
                        <th scope="col">{t("evidenceDisclosure.col.status")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.items.map((i) => (
                        <tr key={i.id} data-evidence={i.id}>
                          <td data-label={t("evidenceDisclosure.col.disclose")}>
                            <input
                              type="checkbox"
                              name="disclose"
                              value={i.id}
                              defaultChecked={i.disclosed !== null}
                              disabled={!editable}
                              aria-label={t("evidenceDisclosure.discloseItem", { title: i.title })}
                            />
                          </td>
                          <td data-label={t("evidenceDisclosure.col.item")}>
                            <div>
                              <span className="muted mono">#{i.ordinal}</span>{" "}
                              <Link to={evidenceItemPath(i.caseId, i.id)}>{i.title}</Link>{" "}
                              {i.containsPersonal ? <Badge tone="warn">{t("evidenceDisclosure.personal")}</Badge> : null}
                              {i.needsRedaction ? (
                                <div className="small">
                                  {t("evidenceDisclosure.needsRedaction")}{" "}
                                  <Link to={evidenceItemPath(i.caseId, i.id)}>{t("evidenceDisclosure.uploadRedaction")}</Link>
                                </div>
                              ) : null}
                            </div>
                          </td>
                          <td data-label={t("evidenceDisclosure.col.kind")} className="nowrap">
                            {t.label("evidenceKind", i.kind)}
                          </td>
                          <td data-label={t("evidenceDisclosure.col.files")}>
                            <FileList item={i} />
                          </td>
                          <td data-label={t("evidenceDisclosure.col.status")} className="small">
                            {i.disclosed
                              ? t("evidenceDisclosure.disclosedBy", {
                                  name: i.disclosed.by,
                                  time: formatDateTime(i.disclosed.at, t.locale),
                                })
                              : t("evidenceDisclosure.notDisclosed")}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ))}
          {editable && items.length ? (
            <div className="actions">
              <button type="submit" className="button" disabled={navigation.state !== "idle"}>
                {t("evidenceDisclosure.submit")}
              </button>
            </div>
          ) : null}
        </Form>
      )}
    </Card>
  );
}
