import { createHash, randomBytes } from "node:crypto";
import type { Expectations, Outcome, ParamContext, Who, WriteRow, WriteTarget } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newAgency, newInvitation, newPanelist, procuratorates, someUser, tag } from "#tests/authz/write-fixtures";
import type { PrismaClient } from "~/generated/prisma/client";
import { storeBuffer } from "~/storage/file-store.server";

// Authorization matrix entries of the admin area (admin:read / admin:manage), the prosecutors'
// invitation page (invitation:create) and the public invitation acceptance page.

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  prosecutor: outcome,
  approver: outcome,
  admin: outcome,
  panelist: outcome,
  agency: outcome,
});

/** An admin page: the administrator reads it; an empty form posted by the administrator is invalid. */
const adminPage = (withAction: boolean, writes?: WriteRow[] | { none: string }) => ({
  loader: only({ admin: 200 }),
  ...(withAction ? { action: only({ admin: 400 }), writes } : {}),
});

// ───────── writes out of scope (WriteRow in tests/authz/types.ts) ─────────

/** A row whose two targets differ only in the procuratorate the record is made in. */
function row(
  name: string,
  as: WriteRow["as"],
  make: (ctx: ParamContext, procuratorateId: string, scope: "in" | "out") => Promise<WriteTarget>,
  outcomes: Pick<WriteRow, "expected" | "inScopeExpected"> = {},
): WriteRow {
  return {
    name,
    as,
    ...outcomes,
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      return { outOfScope: await make(ctx, p.outOfScope, "out"), inScope: await make(ctx, p.inScope, "in") };
    },
  };
}

const profileWrites: WriteRow[] = [
  // The profile form names no record: the action writes the actor's own procuratorate, whatever
  // id a forged form carries.
  row(
    "a profile form naming another procuratorate changes only the own",
    "admin",
    async ({ db }, procuratorateId, scope) => {
      const own = await db.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } });
      return {
        form: { id: procuratorateId, procuratorateId, name: own.name, shortName: own.shortName, region: `矩阵测试 ${tag()}` },
        state: () => db.procuratorate.findUniqueOrThrow({ where: { id: scope === "in" ? own.id : procuratorateId } }),
      };
    },
    { expected: "redirect" },
  ),
];

const userWrites = (revokeAs: "admin" | "prosecutor"): WriteRow[] => [
  row(
    "revoke an invitation",
    revokeAs,
    async ({ db, userId }, procuratorateId, scope) => {
      const inviter = scope === "in" ? userId! : await someUser(db, procuratorateId);
      const invitation = await newInvitation(db, procuratorateId, inviter);
      return {
        form: { intent: "revoke", invitationId: invitation.id },
        state: () => db.invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { revokedAt: true } }),
      };
    },
    { inScopeExpected: 200 },
  ),
  // A reference in the form: the agency a liaison is invited for must be one of the actor's own.
  row(
    "invite a liaison of an agency",
    revokeAs,
    async ({ db }, procuratorateId) => {
      const agency = await newAgency(db, procuratorateId);
      return {
        form: { intent: "invite", role: "agency", displayName: `矩阵测试联络人 ${tag()}`, agencyId: agency.id, expiresInDays: "7" },
        state: () => db.invitation.count({ where: { agencyId: agency.id } }),
      };
    },
    { expected: 400, inScopeExpected: 200 },
  ),
];

const adminUserWrites: WriteRow[] = [
  ...["deactivate", "reactivate"].map((intent) =>
    row(
      `${intent} a user`,
      "admin",
      async ({ db }, procuratorateId) => {
        const user = await db.user.create({
          data: {
            procuratorateId,
            username: `matrix-${tag()}`,
            displayName: "矩阵测试用户",
            role: "prosecutor",
            passwordHash: "x",
            active: intent === "reactivate" ? false : true,
          },
        });
        await db.session.create({
          data: { id: `matrix-${tag()}`, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
        });
        return {
          form: { intent, userId: user.id },
          state: () =>
            db.user.findUniqueOrThrow({
              where: { id: user.id },
              select: { active: true, sessions: { select: { revokedAt: true } } },
            }),
        };
      },
      { inScopeExpected: 200 },
    ),
  ),
  ...userWrites("admin"),
];

const agencyWrites: WriteRow[] = [
  row("edit an agency", "admin", async ({ db }, procuratorateId) => {
    const agency = await newAgency(db, procuratorateId);
    return {
      form: { intent: "save", id: agency.id, name: `矩阵测试改名 ${tag()}`, active: "on" },
      state: () => db.agency.findUniqueOrThrow({ where: { id: agency.id } }),
    };
  }),
  row(
    "name another procuratorate's agency as the superior organ",
    "admin",
    async ({ db }, procuratorateId) => {
      const superior = await newAgency(db, procuratorateId);
      return {
        form: { intent: "save", name: `矩阵测试下级 ${tag()}`, superiorAgencyId: superior.id, active: "on" },
        state: () => db.agency.count({ where: { superiorAgencyId: superior.id } }),
      };
    },
    { expected: 400 },
  ),
];

const panelistWrites: WriteRow[] = [
  row("edit a panelist", "admin", async ({ db }, procuratorateId) => {
    const panelist = await newPanelist(db, procuratorateId);
    return {
      form: { intent: "save", id: panelist.id, name: `矩阵测试改名 ${tag()}`, birthOn: "1980-01-01", category: "expert", active: "on" },
      state: () => db.panelist.findUniqueOrThrow({ where: { id: panelist.id } }),
    };
  }),
  row("add an affiliation to a panelist", "admin", async ({ db }, procuratorateId) => {
    const panelist = await newPanelist(db, procuratorateId);
    return {
      form: { intent: "addAffiliation", panelistId: panelist.id, organisation: "矩阵测试单位", relation: "employee" },
      state: () => db.panelistAffiliation.findMany({ where: { panelistId: panelist.id } }),
    };
  }),
  row("remove a panelist's affiliation", "admin", async ({ db }, procuratorateId) => {
    const panelist = await newPanelist(db, procuratorateId);
    const affiliation = await db.panelistAffiliation.create({
      data: { panelistId: panelist.id, organisation: "矩阵测试单位", relation: "employee" },
    });
    return {
      form: { intent: "removeAffiliation", affiliationId: affiliation.id },
      state: () => db.panelistAffiliation.findUnique({ where: { id: affiliation.id } }),
    };
  }),
];

const holidayWrites: WriteRow[] = [
  row(
    "delete a holiday override",
    "admin",
    async ({ db }, procuratorateId) => {
      // A day of its own per row, far from the seed's (unique per procuratorate and date).
      const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
      const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
      const holiday = await db.holidayOverride.create({
        data: { procuratorateId, date: `2041-${month}-${day}`, kind: "holiday", name: `矩阵测试 ${tag()}` },
      });
      return {
        form: { intent: "delete", holidayId: holiday.id },
        state: () => db.holidayOverride.findUnique({ where: { id: holiday.id } }),
      };
    },
    { inScopeExpected: 200 },
  ),
];

/**
 * The procuratorate's own template of a kind (made on first use) with `count` new versions, the
 * last one active; each version's file is in the store (a download reads it back).
 */
async function templateWithVersions(db: PrismaClient, procuratorateId: string, count: number) {
  const kind = "panelist_invitation";
  const template =
    (await db.documentTemplate.findFirst({ where: { procuratorateId, kind }, select: { id: true } })) ??
    (await db.documentTemplate.create({ data: { procuratorateId, kind, name: "矩阵测试模板", activeVersion: 0 }, select: { id: true } }));
  const last = await db.documentTemplateVersion.findFirst({ where: { templateId: template.id }, orderBy: { version: "desc" }, select: { version: true } });
  const versions: { id: string; version: number }[] = [];
  for (let i = 1; i <= count; i++) {
    const stored = await storeBuffer(Buffer.from(`矩阵测试模板 ${tag()}`));
    const version = (last?.version ?? 0) + i;
    versions.push(
      await db.documentTemplateVersion.create({
        data: { templateId: template.id, version, sha256: stored.sha256, size: Number(stored.size), origin: "upload", fields: "[]" },
        select: { id: true, version: true },
      }),
    );
  }
  await db.documentTemplate.update({ where: { id: template.id }, data: { activeVersion: versions.at(-1)!.version } });
  return { templateId: template.id, versions };
}

const templateWrites: WriteRow[] = [
  row("make a template version active again", "admin", async ({ db }, procuratorateId) => {
    const { templateId, versions } = await templateWithVersions(db, procuratorateId, 2);
    return {
      params: { kind: "panelist_invitation" },
      form: { intent: "activate", templateId, version: String(versions[0]!.version) },
      state: () => db.documentTemplate.findUniqueOrThrow({ where: { id: templateId }, select: { activeVersion: true } }),
    };
  }),
];

async function templateVersionParams({ db }: ParamContext) {
  const p = await procuratorates(db);
  const mine = await templateWithVersions(db, p.inScope, 1);
  const theirs = await templateWithVersions(db, p.outOfScope, 1);
  return { inScope: { versionId: mine.versions[0]!.id }, outOfScope: { versionId: theirs.versions[0]!.id } };
}

/**
 * A fresh, usable invitation of the demo procuratorate (桂), stored the way the app stores it (the
 * SHA-256 of the token only); out of scope, a token nobody issued.
 */
async function invitationToken({ db }: ParamContext) {
  const procuratorate = await db.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });
  const admin = await db.user.findFirstOrThrow({
    where: { procuratorateId: procuratorate.id, role: "admin" },
    select: { id: true },
  });
  const token = randomBytes(32).toString("base64url");
  await db.invitation.create({
    data: {
      procuratorateId: procuratorate.id,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      role: "prosecutor",
      displayName: "矩阵测试受邀人",
      invitedById: admin.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
    },
  });
  return { inScope: { token }, outOfScope: { token: randomBytes(32).toString("base64url") } };
}

export const expectations: Expectations = {
  "routes/_staff.admin._index": adminPage(false),
  "routes/_staff.admin.profile": adminPage(true, profileWrites),
  "routes/_staff.admin.users": adminPage(true, adminUserWrites),
  "routes/_staff.admin.agencies": adminPage(true, agencyWrites),
  "routes/_staff.admin.panelists": adminPage(true, panelistWrites),
  "routes/_staff.admin.templates": adminPage(false),
  // One kind's templates: upload (multipart; names no record: the actor's own template of the
  // kind in the URL) and make a kept version active (by template id: another's answers 404).
  "routes/_staff.admin.templates_.$kind": {
    params: async () => ({ inScope: { kind: "recommendation" } }),
    ...adminPage(true, templateWrites),
  },
  // A version's .docx: the own template's or a shared one's; another procuratorate's answers 404.
  "routes/_staff.admin.templates_.download.$versionId": {
    params: templateVersionParams,
    loader: only({ admin: 200 }),
  },
  "routes/_staff.admin.audit": adminPage(true, {
    none: "anchors or verifies the database's one audit chain; the form names no record",
  }),
  "routes/_staff.admin.holidays": adminPage(true, holidayWrites),
  "routes/_staff.admin.numbering": adminPage(true, {
    none: "edits the codes of the administrator's own procuratorate, keyed by document kind; the form names no record of another",
  }),
  // Prosecutors invite panelists and agency liaisons; administrators may use it too.
  "routes/_staff.invitations": {
    loader: only({ prosecutor: 200, admin: 200 }),
    action: only({ prosecutor: 400, admin: 400 }),
    writes: [
      ...userWrites("prosecutor"),
      // A prosecutor revokes only the invitations they sent, even within their procuratorate.
      {
        name: "revoke another prosecutor's invitation of the same procuratorate",
        as: "prosecutor",
        inScopeExpected: 200,
        targets: async ({ db, userId }) => {
          const p = await procuratorates(db);
          const colleague = await db.user.create({
            data: { procuratorateId: p.inScope, username: `matrix-${tag()}`, displayName: "矩阵测试同事", role: "prosecutor", passwordHash: "x" },
          });
          const target = async (inviter: string) => {
            const invitation = await newInvitation(db, p.inScope, inviter);
            return {
              form: { intent: "revoke", invitationId: invitation.id },
              state: () => db.invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { revokedAt: true } }),
            };
          };
          return { outOfScope: await target(colleague.id), inScope: await target(userId!) };
        },
      },
    ],
  },
  // Public: the token is the credential. A valid link shows the form to anyone; an empty form is
  // invalid input; an unknown token answers 404 (the outOfScope row, default 404).
  "routes/invite.$token": {
    params: invitationToken,
    loader: everyone(200),
    action: everyone(400),
    writes: [
      {
        name: "accept a revoked invitation",
        as: "anonymous",
        targets: async ({ db }) => {
          const p = await procuratorates(db);
          const inviter = await someUser(db, p.inScope, "admin");
          const target = async (revokedAt?: Date) => {
            const { token, id } = await newInvitation(db, p.inScope, inviter, { revokedAt });
            const username = `matrix${tag()}`;
            return {
              params: { token },
              form: { username, password: "correct-horse-battery-staple", confirm: "correct-horse-battery-staple" },
              state: async () => ({
                users: await db.user.count({ where: { username } }),
                invitation: await db.invitation.findUniqueOrThrow({ where: { id }, select: { usedAt: true } }),
              }),
            };
          };
          return { outOfScope: await target(new Date()), inScope: await target() };
        },
      },
    ],
  },
};
