import { Form } from "@remix-run/react";
import { formatFileSize } from "~/components/portal";
import { Badge } from "~/components/ui";
import type { TemplateProblem } from "~/domain/documents/template-check";
import { problemMessage } from "~/domain/documents/template-check";
import type { FieldSpec } from "~/domain/documents/spec";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

// The views of a kind's template page (app/routes/_staff.admin.templates_.$kind.tsx).

export type TemplateVersionView = {
  id: string;
  version: number;
  sha256: string;
  size: number;
  origin: string;
  fileName: string | null;
  createdAt: string | Date;
  createdByName: string | null;
  active: boolean;
  /** Own versions: the problems against the kind's current manifest (none: still usable). */
  problems?: TemplateProblem[];
};

/** The download address of a template version's .docx. */
export function templateVersionDownloadPath(versionId: string): string {
  return `/admin/templates/download/${encodeURIComponent(versionId)}`;
}

/** A template's versions, newest first, with download and (own templates) "make active". */
export function VersionTable({
  template,
  canActivate,
  submitting,
}: {
  template: { id: string; versions: TemplateVersionView[] };
  canActivate: boolean;
  submitting: boolean;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table-responsive" data-testid={canActivate ? "own-versions" : "shared-versions"}>
        <thead>
          <tr>
            <th scope="col">{t("templates.col.version")}</th>
            <th scope="col">{t("templates.col.origin")}</th>
            <th scope="col">{t("templates.col.size")}</th>
            <th scope="col">{t("templates.col.sha256")}</th>
            <th scope="col">{t("templates.col.by")}</th>
            <th scope="col">{t("templates.col.at")}</th>
            <th scope="col">{t("templates.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {template.versions.map((v) => (
            <tr key={v.id} data-version={v.version}>
              <td data-label={t("templates.col.version")}>
                {t("templates.version", { version: v.version })}{" "}
                {v.active ? <Badge tone="ok">{t("templates.active")}</Badge> : null}
                {v.fileName ? <div className="muted small">{v.fileName}</div> : null}
                {v.problems?.length ? (
                  <div data-testid="version-problems">
                    <Badge tone="warn">{t("templates.outdated")}</Badge>
                    <ProblemList problems={v.problems} stored />
                  </div>
                ) : null}
              </td>
              <td data-label={t("templates.col.origin")}>{t.label("templates.origin", v.origin)}</td>
              <td data-label={t("templates.col.size")}>{formatFileSize(v.size, t)}</td>
              <td data-label={t("templates.col.sha256")}>
                <span className="mono" title={v.sha256}>
                  {v.sha256.slice(0, 12)}
                </span>
              </td>
              <td data-label={t("templates.col.by")}>{v.createdByName ?? t("templates.by.system")}</td>
              <td data-label={t("templates.col.at")}>{formatDateTime(v.createdAt, t.locale)}</td>
              <td data-label={t("templates.col.actions")}>
                <div className="actions">
                  <a className="button button--secondary" href={templateVersionDownloadPath(v.id)} download>
                    {t("templates.download")}
                  </a>
                  {canActivate && !v.active ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="activate" />
                      <input type="hidden" name="templateId" value={template.id} />
                      <input type="hidden" name="version" value={v.version} />
                      <button className="button" type="submit" disabled={submitting}>
                        {t("templates.makeActive")}
                      </button>
                    </Form>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Why an upload was refused, one problem a line, in the user's language. */
export function ProblemList({ problems, stored = false }: { problems: TemplateProblem[]; stored?: boolean }) {
  const t = useT();
  return (
    <ul
      className="notice notice--warn"
      data-testid={stored ? undefined : "template-problems"}
      role={stored ? undefined : "alert"}
      style={{ paddingLeft: 28 }}
    >
      {problems.map((p, i) => {
        const { key, vars } = problemMessage(p);
        return <li key={i}>{t.dynamic(key, vars)}</li>;
      })}
    </ul>
  );
}

/** The kind's placeholders from the manifest: name, type, required, meaning. */
export function PlaceholderTable({ fields }: { fields: FieldSpec[] }) {
  const t = useT();
  const lang = t.locale === "en" ? "en" : "zh";
  return (
    <>
      <p className="muted small">{t("templates.fields.intro")}</p>
      <div className="table-wrap">
        <table className="table table-responsive" data-testid="template-placeholders">
          <thead>
            <tr>
              <th scope="col">{t("templates.fields.name")}</th>
              <th scope="col">{t("templates.fields.type")}</th>
              <th scope="col">{t("templates.fields.required")}</th>
              <th scope="col">{t("templates.fields.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.name} data-placeholder={f.name} data-required={f.required ? "true" : "false"}>
                <td data-label={t("templates.fields.name")}>
                  <code>{`{{${f.name}}}`}</code>
                </td>
                <td data-label={t("templates.fields.type")}>{t.label("templates.fieldType", f.type)}</td>
                <td data-label={t("templates.fields.required")}>
                  {f.required ? t("templates.required.yes") : t("templates.required.no")}
                </td>
                <td data-label={t("templates.fields.meaning")}>
                  {f.label[lang]}
                  {f.columns?.length ? (
                    <div className="muted small">
                      {t("templates.fields.columns", { columns: f.columns.map((c) => c.label[lang]).join(lang === "zh" ? "、" : ", ") })}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
