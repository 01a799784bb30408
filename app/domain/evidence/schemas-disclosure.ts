import { z } from "zod";

// The disclosure form of a hearing's evidence tab: the prosecutor ticks the items of the hearing's
// cases the panel sees (听证规定 Art 11: the panel reviews the materials the procuratorate
// discloses). The form lists the items it showed (`shown`) and the ticked ones (`disclose`); the
// action changes only the items the form showed, so an item added since the page was loaded is not
// withdrawn by an older form. Messages are i18n keys.

/** The most items one hearing's form lists (a series hearing of a few dozen cases, a few each). */
export const DISCLOSURE_ITEMS_MAX = 500;

const itemId = z.string({ error: "validation.invalid" }).min(1, "validation.invalid").max(64, "validation.invalid");

export const disclosureFormSchema = z
  .object({
    shown: z
      .array(itemId)
      .min(1, "evidenceDisclosure.error.nothingShown")
      .max(DISCLOSURE_ITEMS_MAX, "validation.invalid"),
    disclose: z.array(itemId).max(DISCLOSURE_ITEMS_MAX, "validation.invalid"),
  })
  .refine((v) => v.disclose.every((id) => v.shown.includes(id)), {
    message: "validation.invalid",
    path: ["disclose"],
  });

export type DisclosureFormInput = z.infer<typeof disclosureFormSchema>;
