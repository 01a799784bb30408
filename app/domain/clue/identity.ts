import { isIsoDate } from "~/domain/deadlines/dates";

// Validation of an informant's identity data (举报人身份信息). The values are personal data
// (个人信息保护法 Arts 28, 33–34): checked here, stored as typed, shown masked (app/domain/privacy).

/** Weights of the 17 body digits of a resident ID (GB 11643-1999 §5.2, ISO 7064 MOD 11-2). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = "10X98765432";

/** The check character of the 17-digit body of a resident ID (GB 11643-1999). */
export function residentIdCheckChar(body17: string): string {
  const sum = [...body17].reduce((acc, ch, i) => acc + Number(ch) * (ID_WEIGHTS[i] ?? 0), 0);
  return ID_CHECK[sum % 11]!;
}

/** Spaces removed and a lower-case check character x raised: the form an ID number is stored in. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/[\s\u3000]/g, "").toUpperCase();
}

/**
 * A valid 18-character resident ID number (公民身份号码, GB 11643-1999): a 6-digit region code
 * whose province part is 11–82, a real date of birth not after `today`, a 3-digit sequence and
 * the check character. The 15-digit numbers of the first generation expired in 2013 and are refused.
 */
export function isResidentIdNumber(raw: string, today?: string): boolean {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 82) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < "1900-01-01") return false;
  if (today && birth > today) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}
