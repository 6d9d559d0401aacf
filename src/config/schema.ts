import { z } from 'zod';
import { GUARDED_ACTIONS } from '../access/policy.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const uint32 = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be a positive number')
  .max(0xffffffff, 'must fit in 32 bits (at most 4294967295)');
const httpsUrl = z.url({ error: 'must be a URL such as https://api.push.apple.com' });

const apnsAuth = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('token'),
    keyFile: nonEmpty,
    keyId: nonEmpty,
    teamId: nonEmpty,
  }),
  z.object({ type: z.literal('pkcs12'), file: nonEmpty, passphrase: z.string().optional() }),
  z.object({ type: z.literal('pem'), certFile: nonEmpty, keyFile: nonEmpty }),
], { error: 'must have type token, pkcs12 or pem' });

const certificate = z.discriminatedUnion('platform', [
  z.object({
    id: z.coerce.string().pipe(nonEmpty),
    platform: z.literal('apns'),
    bundleId: nonEmpty,
    environment: z.enum(['production', 'sandbox'], { error: 'must be production or sandbox' }),
    auth: apnsAuth,
  }),
  z.object({
    id: z.coerce.string().pipe(nonEmpty),
    platform: z.literal('fcm'),
    serviceAccountFile: nonEmpty,
    projectId: nonEmpty.optional(),
  }),
], { error: 'must have platform apns or fcm' });

const app = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'must be 1-32 letters, digits, "_", "-" or "."'),
    sdkAppId: uint32,
    secretKey: z.string().optional(),
    secretKeyFile: nonEmpty.optional(),
    certificates: z.array(certificate).default([]),
  })
  .refine((a) => (a.secretKey === undefined) !== (a.secretKeyFile === undefined), {
    message: 'needs exactly one of secretKey or secretKeyFile',
    path: ['secretKey'],
  });

/**
 * A misspelled action (`usersig.gen`) would otherwise be ignored, leaving the real action allowed to nobody
 * without a word: every key must be an action imops guards.
 */
const access = z.record(z.string(), z.array(z.string())).superRefine((record, ctx) => {
  const valid: readonly string[] = GUARDED_ACTIONS;
  for (const key of Object.keys(record)) {
    if (valid.includes(key)) continue;
    const near = valid.find((a) => a.split('.')[0] === key.split('.')[0]);
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `"${key}" is not an action imops guards${near ? ` (did you mean ${near}?)` : ''}; the actions are ${valid.join(', ')}`,
    });
  }
});

export const configFileSchema = z.object({
  apps: z.array(app).default([]),
  access: access.default({}),
  providers: z
    .object({
      apns: z
        .object({
          productionUrl: httpsUrl.optional(),
          sandboxUrl: httpsUrl.optional(),
          caFile: nonEmpty.nullish(),
          timeoutMs: z.coerce.number().int().min(100).max(60_000).optional(),
        })
        .default({}),
      fcm: z
        .object({
          url: httpsUrl.optional(),
          caFile: nonEmpty.nullish(),
          timeoutMs: z.coerce.number().int().min(100).max(60_000).optional(),
        })
        .default({}),
    })
    .default({ apns: {}, fcm: {} }),
});

export type ConfigFile = z.infer<typeof configFileSchema>;
