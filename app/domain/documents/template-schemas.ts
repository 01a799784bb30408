import { z } from "zod";

// The forms of a kind's template page (/admin/templates/<kind>): upload a new version (multipart,
// field "file"), make a kept version active again, use the shared template again. One schema each, used by the browser (Conform)
// and the action; the action tells them apart by "intent".

const isFile = (value: unknown): value is File => typeof File !== "undefined" && value instanceof File;

export const templateUploadSchema = z.object({
  intent: z.literal("upload"),
  file: z.custom<File>((v) => isFile(v) && v.size > 0 && v.name !== "", { message: "templates.validation.file" }),
});

export const templateActivateSchema = z.object({
  intent: z.literal("activate"),
  templateId: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(64),
  version: z.coerce.number({ error: "validation.required" }).int().min(1).max(100_000),
});

/** Switch the procuratorate's own template of the kind off and use the shared one again. */
export const templateUseSharedSchema = z.object({
  intent: z.literal("useShared"),
});

export const templateActionSchema = z.discriminatedUnion("intent", [templateUploadSchema, templateActivateSchema, templateUseSharedSchema], {
  error: "error.400",
});
export type TemplateActionInput = z.infer<typeof templateActionSchema>;
