import { maskIdNumber, maskName, maskPhone } from "~/domain/privacy/mask";

// Redaction before any public notice (DOMAIN.md §5; 个人信息保护法 Arts 28, 33–34): the text a
// procuratorate publishes (a 听证公告's title and body) goes out with the personal data it may
// carry masked: the names of the people the record knows (participants, panelists, observers,
// informants) and any mobile number or resident ID number typed into it. Officials acting in their
// office (the host) and the unit's own contact numbers are not personal data of this kind.

/** A mainland mobile number, optionally with +86 and spaces or dashes between its groups. */
const MOBILE = /(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![\d])/g;
/** An 18-character resident ID number (last character a digit or X). */
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

export type RedactionTerms = {
  /** Names of people to mask wherever they appear. */
  names: readonly string[];
  /** Numbers that stay visible (the hearing's and the procuratorate's contact phones). */
  keepPhones?: readonly (string | null | undefined)[];
};

const digits = (s: string) => {
  const d = s.replace(/\D/g, "");
  return d.length === 13 && d.startsWith("86") ? d.slice(2) : d;
};

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The text with the terms' names, mobile numbers (except kept ones) and ID numbers masked. */
export function redactPublicText(text: string, terms: RedactionTerms): string {
  let out = text.replace(ID_NUMBER, (m) => maskIdNumber(m) ?? m);
  const keep = new Set((terms.keepPhones ?? []).filter((p): p is string => !!p).map(digits));
  out = out.replace(MOBILE, (m) => (keep.has(digits(m)) ? m : (maskPhone(m) ?? m)));
  // Longest first, so 欧阳娜娜 is masked before a shorter name inside it.
  const names = [...new Set(terms.names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) out = out.replace(new RegExp(escapeRegExp(name), "g"), maskName(name) ?? name);
  return out;
}
