// Zod pieces every provider's config schema uses, so that fields mean and read the same everywhere.
import { z } from 'zod';

export const nonEmpty = z.string().trim().min(1, 'must not be empty');
export const certificateId = z.coerce.string().pipe(nonEmpty);
export const httpsUrl = (example: string) => z.url({ error: `must be a URL such as ${example}` });

/** `caFile` and `timeoutMs`, which every `providers.<id>` block takes. */
export const commonSettings = {
  caFile: nonEmpty.nullish(),
  timeoutMs: z.coerce.number().int().min(100).max(60_000).optional(),
};
