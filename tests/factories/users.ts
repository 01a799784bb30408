import { randomUUID } from "node:crypto";
import type { Role } from "~/domain/auth/roles";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";

/** The password of every user a factory creates. */
export const TEST_PASSWORD = "correct-horse-battery";

let passwordHash: Promise<string> | undefined;
/** argon2 takes ~70 ms; hash the shared test password once per process. */
function testPasswordHash(): Promise<string> {
  return (passwordHash ??= hashPassword(TEST_PASSWORD));
}

const unique = () => randomUUID().slice(0, 8);

export async function createProcuratorate(overrides: { name?: string; shortName?: string } = {}) {
  const tag = unique();
  return prisma.procuratorate.create({
    data: { name: overrides.name ?? `测试县人民检察院 ${tag}`, shortName: overrides.shortName ?? "测" },
  });
}

export type CreateUserInput = {
  role: Role;
  username?: string;
  displayName?: string;
  procuratorateId?: string;
  active?: boolean;
  /** A different password than TEST_PASSWORD (hashed on the spot, ~70 ms). */
  password?: string;
};

/**
 * A user of the given role, with what its scope needs: a panelist gets a Panelist entry, an
 * agency liaison an Agency. Without procuratorateId a fresh procuratorate is created.
 */
export async function createUser(input: CreateUserInput) {
  const procuratorateId = input.procuratorateId ?? (await createProcuratorate()).id;
  const username = input.username ?? `${input.role}-${unique()}`;
  const hash = input.password ? await hashPassword(input.password) : await testPasswordHash();
  let agencyId: string | null = null;
  let panelistId: string | null = null;
  if (input.role === "agency") {
    agencyId = (await prisma.agency.create({ data: { procuratorateId, name: `测试行政机关 ${unique()}` } })).id;
  }
  if (input.role === "panelist") {
    panelistId = (
      await prisma.panelist.create({ data: { procuratorateId, name: `测试听证员 ${unique()}`, category: "expert" } })
    ).id;
  }
  return prisma.user.create({
    data: {
      procuratorateId,
      username,
      displayName: input.displayName ?? username,
      role: input.role,
      passwordHash: hash,
      active: input.active ?? true,
      agencyId,
      panelistId,
    },
  });
}
