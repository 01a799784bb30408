/**
 * Masking of personal data (个人信息保护法 Arts 28, 33–34: a state organ processes personal data only
 * as far as its duties require). Pure functions, used by the models before data leaves the server
 * and by anything that shows a person's data to someone who is not entitled to the full value.
 */

const MASK = "*";

/** 张三 → 张*, 张三丰 → 张**, 欧阳娜娜 → 欧***; keeps the first character (surname) only. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = Array.from(name.trim());
  if (chars.length === 0) return "";
  if (chars.length === 1) return MASK;
  return chars[0] + MASK.repeat(Math.min(chars.length - 1, 4));
}

/**
 * 13812345678 → 138****5678; +86 138 1234 5678 → 138****5678 (country code dropped);
 * 0735-4421234 → 073****1234. At least four digits are always masked; at most the first three and
 * the last four are kept.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  let digits = phone.replace(/\D/g, "");
  if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  const n = digits.length;
  if (n < 5) return MASK.repeat(Math.max(n, 4));
  const keepEnd = n >= 8 ? 4 : Math.floor(n / 3);
  const keepStart = Math.max(0, Math.min(3, n - keepEnd - 4));
  return digits.slice(0, keepStart) + MASK.repeat(n - keepStart - keepEnd) + digits.slice(n - keepEnd);
}

/** Resident ID (18 characters): 430621199001011234 → 4306**********1234 (region prefix and last 4). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  const value = id.replace(/\s/g, "");
  if (value.length <= 8) return MASK.repeat(value.length);
  return value.slice(0, 4) + MASK.repeat(value.length - 8) + value.slice(-4);
}

export type Informant = { name: string | null; phone: string | null; idNumber: string | null };
export type InformantView = Informant & { masked: boolean };

/** The informant as a viewer may see them: full when revealed, masked otherwise; null if none. */
export function informantView(informant: Informant, reveal: boolean): InformantView | null {
  if (!informant.name && !informant.phone && !informant.idNumber) return null;
  if (reveal) return { ...informant, masked: false };
  return {
    name: maskName(informant.name),
    phone: maskPhone(informant.phone),
    idNumber: maskIdNumber(informant.idNumber),
    masked: true,
  };
}

/**
 * The case team (lead prosecutor and CaseMember rows, 规则 Art 6) needs the informant to do the
 * work; everyone else in the procuratorate sees a masked form (个人信息保护法 Art 34).
 */
export function mayRevealCaseInformant(
  viewerId: string,
  team: { leadProsecutorId: string; memberIds: readonly string[] },
): boolean {
  return viewerId === team.leadProsecutorId || team.memberIds.includes(viewerId);
}

/** A clue's informant is seen in full by who registered the clue and by its assignee. */
export function mayRevealClueInformant(
  viewerId: string,
  clue: { registeredById: string; assigneeId: string | null },
): boolean {
  return viewerId === clue.registeredById || (clue.assigneeId !== null && viewerId === clue.assigneeId);
}
