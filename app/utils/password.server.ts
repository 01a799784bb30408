import { hash, verify } from "@node-rs/argon2";

// argon2id with the library defaults (19 MiB, t=2), about 70 ms a hash on these machines.
// See docs/decisions/0005-auth-and-sessions.md.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash to verify against when the user does not exist, so a wrong username takes as long
// as a wrong password.
let dummy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await (dummy ??= hash("procura-no-such-user")), password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
