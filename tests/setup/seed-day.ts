/**
 * The day the test template database is seeded as (PROCURA_SEED_DAY, see prisma/seed.ts): the demo
 * scenario is dated relative to its seed day, so tests that read demo dates pass this as "today"
 * instead of reading the wall clock. It is the day the scenario was written around (ANCHOR_DAY).
 */
export const DEMO_SEED_DAY = "2026-11-26";
