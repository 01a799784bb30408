/** Pure rules of the admin area. */

/**
 * Whether making `superiorId` the superior organ of agency `agencyId` would close a loop
 * (an agency above itself). `superiorOf` answers the current superior of an agency.
 */
export function superiorCreatesCycle(
  agencyId: string | null | undefined,
  superiorId: string,
  superiorOf: (id: string) => string | null | undefined
): boolean {
  if (!agencyId) return false; // a new agency has nobody below it yet
  const seen = new Set<string>();
  let current: string | null | undefined = superiorId;
  while (current) {
    if (current === agencyId) return true;
    if (seen.has(current)) return true; // an existing loop; refuse to extend it
    seen.add(current);
    current = superiorOf(current);
  }
  return false;
}

/**
 * An administrator may not deactivate their own account (they would lock themselves out, and a
 * procuratorate could be left with no administrator). Returns the i18n key of the refusal or null.
 */
export function userStatusChangeError(actorUserId: string, targetUserId: string): string | null {
  return actorUserId === targetUserId ? "admin.users.notYourself" : null;
}
