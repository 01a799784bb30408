import { parseWithZod } from "@conform-to/zod/v4";
import { pageTitle, titleIn } from "~/components/case/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AffiliationForm, PanelistForm } from "~/components/admin/panelist-forms";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import type { PanelistCategory } from "~/domain/admin/schemas";
import { PANELIST_CATEGORIES, panelistCategorySchema, panelistsActionSchema } from "~/domain/admin/schemas";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { checkPanelistEligibility, PANELIST_MIN_AGE } from "~/domain/hearing/eligibility";
import { useT } from "~/i18n/react";
import { agencyOptions } from "~/models/agency.server";
import { addAffiliation, getPanelist, listPanelists, removeAffiliation, savePanelist } from "~/models/panelist.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.panelist.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  const procuratorateId = staffScope(scope);
  const url = new URL(request.url);
  const category = panelistCategorySchema.safeParse(url.searchParams.get("category"));
  const editId = url.searchParams.get("edit");
  const now = new Date();
  const today = dateInShanghai(now);
  const [all, editing, agencies] = await Promise.all([
    listPanelists(procuratorateId, { now }),
    editId ? getPanelist(procuratorateId, editId) : Promise.resolve(null),
    agencyOptions(procuratorateId),
  ]);
  const panelists = all.map(({ invitations, _count, ...p }) => ({
    ...p,
    seats: _count.seats,
    pendingInvitation: invitations.length > 0,
    eligibility: checkPanelistEligibility(p, today),
  }));
  return {
    today,
    category: category.success ? category.data : null,
    counts: Object.fromEntries(
      PANELIST_CATEGORIES.map((c) => [c, panelists.filter((p) => p.category === c).length])
    ) as Record<PanelistCategory, number>,
    total: panelists.length,
    panelists: category.success ? panelists.filter((p) => p.category === category.data) : panelists,
    editing,
    agencies,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "admin:manage");
  const procuratorateId = staffScope(scope);
  const today = dateInShanghai();
  const submission = parseWithZod(await readForm(request), { schema: panelistsActionSchema(today) });
  if (submission.status !== "success") {
    return data({ intent: String(submission.payload.intent ?? ""), result: submission.reply() }, { status: 400 });
  }
  const input = submission.value;
  switch (input.intent) {
    case "save": {
      const saved = await savePanelist(procuratorateId, actor.userId, input);
      return redirect(`/admin/panelists?edit=${saved.id}&saved=1#panelist-form`);
    }
    case "addAffiliation": {
      const added = await addAffiliation(procuratorateId, actor.userId, input);
      if (!added.ok) {
        return data(
          { intent: input.intent, result: submission.reply({ fieldErrors: { [added.field]: [added.message] } }) },
          { status: 400 }
        );
      }
      return redirect(`/admin/panelists?edit=${input.panelistId}#affiliations`);
    }
    case "removeAffiliation": {
      const { panelistId } = await removeAffiliation(procuratorateId, actor.userId, input.affiliationId);
      return redirect(`/admin/panelists?edit=${panelistId}#affiliations`);
    }
  }
}

type Row = Awaited<ReturnType<typeof loader>>["panelists"][number];

export default function AdminPanelists() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const groups = (data.category ? [data.category] : PANELIST_CATEGORIES).map((c) => ({
    category: c,
    rows: data.panelists.filter((p) => p.category === c),
  }));
  const editing = data.editing;
  return (
    <>
      <PageHeader
        title={t("admin.panelist.title")}
        subtitle={t("admin.panelist.subtitle", { age: PANELIST_MIN_AGE })}
        crumbs={[{ to: "/admin", label: t("nav.admin") }]}
        actions={
          <Link className="button" to="?#panelist-form">
            {t("admin.panelist.new")}
          </Link>
        }
      />
      {params.has("saved") && editing ? (
        <div className="notice notice--ok" role="status" style={{ marginBottom: 18 }}>
          {t("admin.panelist.saved", { name: editing.name })}
        </div>
      ) : null}

      <nav className="tabs" aria-label={t("admin.panelist.category")}>
        <Link to="?" className={data.category ? "" : "active"}>
          {t("common.all")}（{data.total}）
        </Link>
        {PANELIST_CATEGORIES.map((c) => (
          <Link key={c} to={`?category=${c}`} className={data.category === c ? "active" : ""}>
            {t.label("panelistCategory", c)}（{data.counts[c]}）
          </Link>
        ))}
      </nav>

      {data.total === 0 ? (
        <Card>
          <EmptyState title={t("admin.panelist.none")}>{t("admin.panelist.noneHint")}</EmptyState>
        </Card>
      ) : (
        groups
          .filter((g) => g.rows.length > 0 || data.category)
          .map((g) => (
            <Card key={g.category} title={`${t.label("panelistCategory", g.category)}（${g.rows.length}）`}>
              {g.rows.length === 0 ? (
                <EmptyState title={t("admin.panelist.noneInCategory")} />
              ) : (
                <PanelistTable rows={g.rows} highlight={editing?.id ?? null} />
              )}
            </Card>
          ))
      )}

      <section id="panelist-form">
        <Card title={editing ? t("admin.panelist.editTitle", { name: editing.name }) : t("admin.panelist.new")}>
          <PanelistForm
            key={editing?.id ?? "new"}
            today={data.today}
            panelist={editing}
            lastResult={
              actionData && (actionData.intent === "save" || actionData.intent === "") ? actionData.result : null
            }
          />
        </Card>
      </section>

      {editing ? (
        <section id="affiliations">
          <Card title={t("admin.affiliation.title", { name: editing.name })}>
            <p className="muted">{t("admin.affiliation.intro")}</p>
            {editing.affiliations.length === 0 ? (
              <EmptyState title={t("admin.affiliation.none")} />
            ) : (
              <div className="table-wrap">
                <table className="table table-responsive">
                  <thead>
                    <tr>
                      <th>{t("admin.affiliation.organisation")}</th>
                      <th>{t("admin.affiliation.relation")}</th>
                      <th>{t("admin.affiliation.period")}</th>
                      <th>{t("common.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {editing.affiliations.map((a) => (
                      <tr key={a.id}>
                        <td data-label={t("admin.affiliation.organisation")}>
                          <div>
                            {a.organisation}
                            {a.agency ? (
                              <>
                                {" "}
                                <Badge tone="info">{t("admin.affiliation.isAgency")}</Badge>
                              </>
                            ) : null}
                          </div>
                        </td>
                        <td data-label={t("admin.affiliation.relation")}>{t.label("admin.relation", a.relation)}</td>
                        <td data-label={t("admin.affiliation.period")}>
                          {a.sinceOn || a.untilOn
                            ? `${a.sinceOn ?? "…"} — ${a.untilOn ?? t("admin.affiliation.now")}`
                            : "—"}
                        </td>
                        <td data-label={t("common.actions")}>
                          <Form method="post">
                            <input type="hidden" name="intent" value="removeAffiliation" />
                            <input type="hidden" name="affiliationId" value={a.id} />
                            <button type="submit" className="button button--secondary">
                              {t("admin.affiliation.remove")}
                            </button>
                          </Form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <h3 style={{ marginTop: 18 }}>{t("admin.affiliation.add")}</h3>
            <AffiliationForm
              panelistId={editing.id}
              agencies={data.agencies}
              lastResult={actionData?.intent === "addAffiliation" ? actionData.result : null}
            />
          </Card>
        </section>
      ) : null}
    </>
  );
}

function PanelistTable({ rows, highlight }: { rows: Row[]; highlight: string | null }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th>{t("admin.panelist.name")}</th>
            <th className="num">{t("admin.panelist.age")}</th>
            <th>{t("admin.panelist.workUnit")}</th>
            <th>{t("admin.panelist.phone")}</th>
            <th>{t("admin.panelist.affiliations")}</th>
            <th>{t("admin.panelist.account")}</th>
            <th>{t("admin.panelist.eligibility")}</th>
            <th>{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} id={`panelist-row-${p.id}`} className={p.id === highlight ? "row-highlight" : undefined}>
              <td data-label={t("admin.panelist.name")}>
                <div>
                  <strong>{p.name}</strong>
                  {p.gender ? <span className="muted small">（{t.label("admin.gender", p.gender)}）</span> : null}
                  {p.seats ? <div className="muted small">{t("admin.panelist.seats", { count: p.seats })}</div> : null}
                </div>
              </td>
              <td data-label={t("admin.panelist.age")} className="num">
                {p.eligibility.age ?? "—"}
              </td>
              <td data-label={t("admin.panelist.workUnit")}>
                <div>
                  {p.workUnit ?? "—"}
                  {p.title ? <div className="muted small">{p.title}</div> : null}
                </div>
              </td>
              <td data-label={t("admin.panelist.phone")} className="nowrap">
                {p.phone ?? "—"}
              </td>
              <td data-label={t("admin.panelist.affiliations")}>
                <div>
                  {p.affiliations.length
                    ? p.affiliations.map((a) => (
                        <div key={a.id} className="small">
                          {a.organisation}
                          <span className="muted">（{t.label("admin.relation", a.relation)}）</span>
                        </div>
                      ))
                    : "—"}
                </div>
              </td>
              <td data-label={t("admin.panelist.account")}>
                <div>
                  <AccountStatus panelist={p} />
                </div>
              </td>
              <td data-label={t("admin.panelist.eligibility")}>
                <div>
                  {p.eligibility.eligible ? (
                    <Badge tone="ok">{t("admin.panelist.eligible")}</Badge>
                  ) : (
                    p.eligibility.reasons.map((r) => (
                      <div key={r}>
                        <Badge tone={r === "inactive" || r === "no_birth_date" ? "warn" : "danger"}>
                          {t.label("admin.ineligible", r)}
                        </Badge>
                      </div>
                    ))
                  )}
                  {p.barred && p.barredReason ? <div className="muted small">{p.barredReason}</div> : null}
                </div>
              </td>
              <td data-label={t("common.actions")}>
                <Link className="button button--secondary" to={`?edit=${p.id}#panelist-form`}>
                  {t("admin.panelist.edit")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccountStatus({ panelist: p }: { panelist: Row }) {
  const t = useT();
  if (p.user) {
    return p.user.active ? (
      <Badge tone="ok">{t("admin.panelist.accountActive", { username: p.user.username })}</Badge>
    ) : (
      <Badge tone="danger">{t("admin.panelist.accountInactive")}</Badge>
    );
  }
  if (p.pendingInvitation) return <Badge tone="info">{t("admin.panelist.invitationPending")}</Badge>;
  return (
    <>
      <span className="muted">{t("admin.panelist.noAccount")}</span>
      {p.active ? (
        <div>
          <Link className="small" to={`/admin/users?panelist=${p.id}#invite`}>
            {t("admin.panelist.invite")}
          </Link>
        </div>
      ) : null}
    </>
  );
}
