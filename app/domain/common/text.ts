import { z } from "zod";

// Text fields of the forms, one definition for every schema (messages are i18n keys).

/** A required text field: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

/** An optional text field: trimmed, at most `max` characters; empty reads as undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

/** An optional text field stored as a nullable column: empty reads as null. */
export const nullableText = (max: number) => optionalText(max).transform((v) => v ?? null);
