import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { pageTitle, titleIn } from "~/components/case/meta";
import { Badge, Card, Facts, PageHeader } from "~/components/ui";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";
import { anchorAuditLog, auditChainStatus, verifyAuditLog } from "~/models/audit-status.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/layout/route-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.admin", undefined, titleIn(matches, "admin.audit.title"));

const intentSchema = z.object({ intent: z.enum(["verify", "anchor"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:read");
  return auditChainStatus();
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const parsed = intentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ intent: null, error: "error.400" } as const, { status: 400 });
  if (parsed.data.intent === "anchor") {
    const anchor = await anchorAuditLog();
    return { intent: "anchor", anchor: { seq: anchor.seq, hash: anchor.hash, at: anchor.at } } as const;
  }
  return { intent: "verify", result: await verifyAuditLog() } as const;
}

export default function AdminAudit() {
  const { head, anchors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state !== "idle";
  const result = actionData?.intent === "verify" ? actionData.result : null;
  return (
    <>
      <PageHeader title={t("admin.audit.title")} subtitle={t("admin.audit.subtitle")} crumbs={[{ to: "/admin", label: t("nav.admin") }]} />
      <Card title={t("admin.audit.head")}>
        {head ? (
          <Facts
            items={[
              [t("admin.audit.seq"), head.seq],
              [t("admin.audit.hash"), <code key="h" className="mono">{head.hash}</code>],
              [t("admin.audit.at"), formatDateTime(head.at, t.locale)],
            ]}
          />
        ) : (
          <p className="muted">{t("admin.audit.empty")}</p>
        )}
        <Form method="post" style={{ display: "flex", gap: 12, marginTop: 12, flexWrap: "wrap" }}>
          <button className="button" type="submit" name="intent" value="verify" disabled={busy}>
            {t("admin.audit.verify")}
          </button>
          <button className="button button--secondary" type="submit" name="intent" value="anchor" disabled={busy}>
            {t("admin.audit.anchor")}
          </button>
        </Form>
      </Card>
      {result ? (
        <div role="status" className={result.ok ? "notice" : "notice notice--warn"} style={{ margin: "18px 0" }}>
          {result.ok ? (
            <>
              <Badge tone="ok">{t("admin.audit.ok")}</Badge>{" "}
              {t("admin.audit.okDetail", { events: result.eventsChecked, anchors: result.anchorsChecked })}
            </>
          ) : (
            <>
              <Badge tone="danger">{t("admin.audit.broken")}</Badge>{" "}
              {result.missingTail
                ? t("admin.audit.missingTail", { anchorSeq: result.missingTail.anchorSeq, headSeq: result.missingTail.headSeq })
                : result.firstBadSeq != null
                  ? t("admin.audit.firstBad", { seq: result.firstBadSeq })
                  : t("admin.audit.badAnchors", { files: (result.invalidAnchors ?? []).join(", ") })}
            </>
          )}
        </div>
      ) : null}
      {actionData?.intent === "anchor" ? (
        <div role="status" className="notice" style={{ margin: "18px 0" }}>
          {t("admin.audit.anchored", { seq: actionData.anchor.seq })} <code className="mono">{actionData.anchor.hash}</code>
        </div>
      ) : null}
      <Card title={t("admin.audit.anchors")}>
        {anchors.length === 0 ? (
          <p className="muted">{t("admin.audit.noAnchors")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <thead>
                <tr>
                  <th>{t("admin.audit.at")}</th>
                  <th>{t("admin.audit.seq")}</th>
                  <th>{t("admin.audit.hash")}</th>
                </tr>
              </thead>
              <tbody>
                {anchors.map((a) => (
                  <tr key={a.file}>
                    <td data-label={t("admin.audit.at")}>{a.at ? formatDateTime(a.at, t.locale) : a.file}</td>
                    <td data-label={t("admin.audit.seq")}>{a.seq ?? <Badge tone="danger">{t("admin.audit.unreadable")}</Badge>}</td>
                    <td data-label={t("admin.audit.hash")}>
                      <code className="mono">{a.hash ?? "—"}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
