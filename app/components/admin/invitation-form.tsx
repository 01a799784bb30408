import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Badge, EmptyState, Field, FormError } from "~/components/ui";
import { invitationSchema } from "~/domain/admin/schemas";
import { INVITATION_DAYS, invitableRoles } from "~/domain/auth/invitation";
import type { Role } from "~/domain/auth/roles";
import { formatDateTime } from "~/i18n";
import { useT } from "~/i18n/react";

export type InvitationFormDefaults = {
  role?: Role;
  displayName?: string;
  agencyId?: string;
  panelistId?: string;
};

/**
 * The invitation form, shared by the admin users page (any role) and the prosecutors' page
 * (panelists and agency liaisons). The agency select shows for the agency role, the pool select for
 * the panelist role; without JavaScript both show and the one the role does not need is ignored.
 */
export function InvitationForm({
  inviterRole,
  agencies,
  panelists,
  lastResult,
  defaults,
}: {
  inviterRole: Role;
  agencies: { id: string; name: string }[];
  panelists: { id: string; name: string; category: string; pending?: boolean }[];
  lastResult?: SubmissionResult<string[]> | null;
  defaults?: InvitationFormDefaults;
}) {
  const t = useT();
  const navigation = useNavigation();
  const roles = invitableRoles(inviterRole);
  const schema = useMemo(() => invitationSchema(inviterRole), [inviterRole]);
  const initialRole =
    defaults?.role && roles.includes(defaults.role)
      ? defaults.role
      : roles.includes("panelist")
      ? "panelist"
      : roles[0];
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const [form, fields] = useForm({
    id: "invitation-form",
    lastResult,
    defaultValue: {
      intent: "invite",
      role: initialRole,
      displayName: defaults?.displayName ?? "",
      agencyId: defaults?.agencyId ?? "",
      panelistId: defaults?.panelistId ?? "",
      expiresInDays: String(INVITATION_DAYS.default),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });

  const role = fields.role.value ?? initialRole;
  const showAgency = !hydrated || role === "agency";
  const showPanelist = !hydrated || role === "panelist";
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";

  return (
    <Form method="post" className="form form--wide" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="invite" />
      <FormError errors={form.errors} id={form.errorId} />
      <div className="grid grid-2">
        <Field label={t("admin.invite.role")} htmlFor={fields.role.id} errors={fields.role.errors}>
          <select {...getSelectProps(fields.role)} key={fields.role.key}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t.label("role", r)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("admin.invite.displayName")}
          htmlFor={fields.displayName.id}
          errors={fields.displayName.errors}
          hint={t("admin.invite.displayNameHint")}
        >
          <input
            {...getInputProps(fields.displayName, { type: "text" })}
            key={fields.displayName.key}
            autoComplete="off"
          />
        </Field>
      </div>
      {roles.includes("agency") && showAgency ? (
        <Field
          label={t("admin.invite.agency")}
          htmlFor={fields.agencyId.id}
          errors={fields.agencyId.errors}
          hint={agencies.length === 0 ? t("admin.invite.noAgencies") : t("admin.invite.agencyHint")}
        >
          <select {...getSelectProps(fields.agencyId)} key={fields.agencyId.key}>
            <option value="">{t("admin.invite.choose")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {roles.includes("panelist") && showPanelist ? (
        <Field
          label={t("admin.invite.panelist")}
          htmlFor={fields.panelistId.id}
          errors={fields.panelistId.errors}
          hint={panelists.length === 0 ? t("admin.invite.noPanelists") : t("admin.invite.panelistHint")}
        >
          <select
            {...getSelectProps(fields.panelistId)}
            key={fields.panelistId.key}
            onChange={(e) => {
              const chosen = panelists.find((p) => p.id === e.currentTarget.value);
              if (chosen && !fields.displayName.value) {
                form.update({ name: fields.displayName.name, value: chosen.name });
              }
            }}
          >
            <option value="">{t("admin.invite.choose")}</option>
            {panelists.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{t.label("panelistCategory", p.category)}）
                {p.pending ? ` · ${t("admin.invite.replacesPending")}` : ""}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field
        label={t("admin.invite.expiresInDays")}
        htmlFor={fields.expiresInDays.id}
        errors={fields.expiresInDays.errors}
        hint={t("admin.invite.expiresHint", {
          min: INVITATION_DAYS.min,
          max: INVITATION_DAYS.max,
          default: INVITATION_DAYS.default,
        })}
      >
        <input
          {...getInputProps(fields.expiresInDays, { type: "number" })}
          key={fields.expiresInDays.key}
          min={INVITATION_DAYS.min}
          max={INVITATION_DAYS.max}
          step={1}
          style={{ maxWidth: 120 }}
        />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={submitting}>
          {t("admin.invite.submit")}
        </button>
      </div>
    </Form>
  );
}

/** The link of a new invitation, shown once with a copy button. */
export function OneTimeLink({
  link,
  displayName,
  role,
  expiresAt,
}: {
  link: string;
  displayName: string;
  role: string;
  expiresAt: string;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    const field = input.current;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Plain-http intranet pages have no clipboard API: select the text and use the old command.
      field?.select();
      setCopied(document.execCommand("copy"));
    }
  }

  return (
    <div className="notice notice--ok invite-link" role="status" data-testid="invitation-link">
      <p>
        <strong>{t("admin.invite.createdTitle", { name: displayName, role: t.label("role", role) })}</strong>
      </p>
      <p className="small">{t("admin.invite.createdOnce")}</p>
      <div className="invite-link-row">
        <input
          ref={input}
          type="text"
          readOnly
          value={link}
          aria-label={t("admin.invite.link")}
          className="mono"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={copy}>
          {copied ? t("common.copied") : t("common.copy")}
        </button>
      </div>
      <p className="small muted">{t("admin.invite.validUntil", { date: formatDateTime(expiresAt, t.locale) })}</p>
    </div>
  );
}

export type PendingInvitation = {
  id: string;
  role: string;
  displayName: string;
  expiresAt: string | Date;
  createdAt: string | Date;
  agency: { name: string } | null;
  panelist: { name: string } | null;
  invitedBy: { displayName: string };
};

/** Pending invitations with a revoke button each. */
export function PendingInvitations({
  invitations,
  showInviter,
}: {
  invitations: PendingInvitation[];
  showInviter: boolean;
}) {
  const t = useT();
  if (invitations.length === 0) {
    return <EmptyState title={t("admin.invite.noneTitle")}>{t("admin.invite.noneHint")}</EmptyState>;
  }
  return (
    <div className="table-wrap">
      <table className="table table-responsive">
        <thead>
          <tr>
            <th>{t("admin.invite.displayName")}</th>
            <th>{t("admin.invite.role")}</th>
            <th>{t("admin.invite.for")}</th>
            {showInviter ? <th>{t("admin.invite.invitedBy")}</th> : null}
            <th>{t("admin.invite.sentAt")}</th>
            <th>{t("admin.invite.expiresAt")}</th>
            <th>{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((inv) => (
            <tr key={inv.id}>
              <td data-label={t("admin.invite.displayName")}>{inv.displayName}</td>
              <td data-label={t("admin.invite.role")}>
                <Badge tone="info">{t.label("role", inv.role)}</Badge>
              </td>
              <td data-label={t("admin.invite.for")}>{inv.agency?.name ?? inv.panelist?.name ?? "—"}</td>
              {showInviter ? <td data-label={t("admin.invite.invitedBy")}>{inv.invitedBy.displayName}</td> : null}
              <td data-label={t("admin.invite.sentAt")} className="nowrap">
                {formatDateTime(inv.createdAt, t.locale)}
              </td>
              <td data-label={t("admin.invite.expiresAt")} className="nowrap">
                {formatDateTime(inv.expiresAt, t.locale)}
              </td>
              <td data-label={t("common.actions")}>
                <Form
                  method="post"
                  onSubmit={(e) => {
                    if (!window.confirm(t("admin.invite.revokeConfirm", { name: inv.displayName }))) e.preventDefault();
                  }}
                >
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={inv.id} />
                  <button type="submit" className="button button--secondary">
                    {t("admin.invite.revoke")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
