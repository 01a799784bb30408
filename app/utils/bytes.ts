/**
 * File sizes are BigInt columns (so that PostgreSQL holds files over 2 GiB) and Prisma reads them
 * as `bigint`, which JSON cannot carry. Loaders convert them with this before handing them to a
 * page: a JS number is exact up to 2^53 bytes (8 PiB), far above any stored file.
 */
export function byteCount(size: bigint | number): number {
  const n = Number(size);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a byte count: ${String(size)}`);
  return n;
}
