import { panelSeesFile } from "~/domain/evidence/disclosure";
import { DomainError } from "~/utils/errors";

// What a disclosure form asks for, as a pure rule: which items to disclose to the hearing and which
// to withdraw, and which ticked items may not be disclosed yet.

export type DisclosableItem = {
  id: string;
  containsPersonal: boolean;
  files: { redactionOfId: string | null }[];
};

/**
 * An item with personal data is disclosed only once it has a redacted copy, since the panel sees
 * only redacted copies of such an item (个人信息保护法 Arts 28, 51: personal data only as the duty
 * requires, with security measures); an item without personal data may always be disclosed.
 */
export function needsRedactedCopy(item: Pick<DisclosableItem, "containsPersonal" | "files">): boolean {
  return item.containsPersonal && !item.files.some((f) => f.redactionOfId !== null);
}

/** The files of an item the panel sees (panelSeesFile), in the order given. */
export function panelFiles<F extends { redactionOfId: string | null }>(item: { containsPersonal: boolean }, files: F[]): F[] {
  return files.filter((f) => panelSeesFile(item, f));
}

export type DisclosurePlan = {
  /** Ticked and not yet disclosed. */
  add: string[];
  /** Shown, not ticked, and disclosed today. */
  withdraw: string[];
  /** Among `add`, items with personal data and no redacted copy: the whole form is refused. */
  needsRedaction: string[];
  /** Ids in the form that are not items of the hearing's cases: the form is refused as not found. */
  unknown: string[];
};

/**
 * Compares the form with what is disclosed. Only items the form showed change; an item already
 * disclosed and still ticked stays as it is (its first disclosure time is kept).
 */
export function planDisclosure(input: {
  items: readonly DisclosableItem[];
  disclosed: readonly string[];
  shown: readonly string[];
  selected: readonly string[];
}): DisclosurePlan {
  const byId = new Map(input.items.map((i) => [i.id, i]));
  const disclosed = new Set(input.disclosed);
  const selected = new Set(input.selected);
  const shown = [...new Set(input.shown)];
  const unknown = [...new Set([...shown, ...selected])].filter((id) => !byId.has(id));
  const add = shown.filter((id) => selected.has(id) && !disclosed.has(id) && byId.has(id));
  const withdraw = shown.filter((id) => !selected.has(id) && disclosed.has(id));
  const needsRedaction = add.filter((id) => needsRedactedCopy(byId.get(id)!));
  return { add, withdraw, needsRedaction, unknown };
}

/** An item a disclosure form may not disclose yet, named so that the message can link to it. */
export type RedactionMissing = { id: string; caseId: string; ordinal: number; title: string };

/**
 * The form ticked items with personal data that have no redacted copy: nothing is disclosed, and
 * the prosecutor is sent to each item's page to upload one (redactionOf the original).
 */
export class RedactionRequiredError extends DomainError {
  constructor(public readonly items: RedactionMissing[]) {
    super("evidenceDisclosure.error.needsRedaction", 409);
    this.name = "RedactionRequiredError";
  }
}
