import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, localeOf } from '../text/locale.js';
import { validTimeZone } from '../text/time.js';
import { IM_REGIONS } from '../im/regions.js';
import { GUARDED_ACTIONS } from '../access/policy.js';
import { isPlatform, platformList, providerFor, PROVIDERS, type PushPlatform } from '../push/providers/index.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const uint32 = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be a positive number')
  .max(0xffffffff, 'must fit in 32 bits (at most 4294967295)');
// Each provider brings the schema of its certificate entry; the entry's `platform` picks which one applies.
const certificate = z.unknown().transform((value, ctx): RawCertificate => {
  const platform = value !== null && typeof value === 'object' ? (value as { platform?: unknown }).platform : undefined;
  if (!isPlatform(platform)) {
    ctx.addIssue({ code: 'custom', message: `must have platform ${platformList()}`, path: ['platform'], input: platform });
    return z.NEVER;
  }
  const parsed = providerFor(platform).certificateSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  }
  return parsed.data as RawCertificate;
});

/** A certificate entry as validated, before its paths are resolved: the provider resolves it. */
export interface RawCertificate {
  id: string;
  platform: PushPlatform;
}

/** Tencent IM REST access (design.md "Tencent IM (per app)"); the admin UserSig is signed with the app key. */
const imSchema = z
  .object({
    admin: nonEmpty.default('administrator'),
    region: z.enum(IM_REGIONS, { error: `must be one of ${IM_REGIONS.join(', ')}` }).optional(),
    url: z
      .string()
      .regex(/^https?:\/\/[^/?#\s]+\/?$/, 'must be an origin such as https://adminapisgp.im.qcloud.com (no path)')
      .nullish(),
    testSender: nonEmpty.nullish(),
    callbackToken: z.string().nullish(),
  })
  .refine((i) => i.region !== undefined || (i.url !== undefined && i.url !== null), {
    message: `needs a region (${IM_REGIONS.join(', ')}) or a url`,
    path: ['region'],
  });

const app = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'must be 1-32 letters, digits, "_", "-" or "."'),
    sdkAppId: uint32,
    secretKey: z.string().optional(),
    secretKeyFile: nonEmpty.optional(),
    certificates: z.array(certificate).default([]),
    im: imSchema.optional(),
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

/** "90s", "15m", "1h", "1d": the watch's period, at least a minute (a round sweeps every certificate). */
const duration = z
  .string()
  .regex(/^\d+\s*(s|m|h|d)$/, 'must be a duration such as 15m, 1h or 1d')
  .refine((v) => durationMs(v) >= 60_000, 'must be at least 1m (each round sweeps every certificate)');

export function durationMs(v: string): number {
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(v);
  if (!m) return Number.NaN;
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

/** `watch:` (design.md "Sweep and watch"). `notify` entries name a chat channel: slack:C0123ABC, discord:<channel ID>. */
const watch = z.object({
  every: duration.default('1h'),
  notify: z.array(z.string().regex(/^(slack|discord):[A-Za-z0-9]+$/, 'must be slack:<channel ID> or discord:<channel ID>')).default([]),
  certificateExpiryDays: z.coerce.number().int().min(1).max(365).default(30),
  sweep: z
    .object({
      sample: z.coerce.number().int().min(1).max(10_000).default(100),
      maxFailureRate: z.coerce.number().min(0).max(1).default(0.2),
    })
    .default({ sample: 100, maxFailureRate: 0.2 }),
});

/** A language imops speaks, as a person writes it: zh-CN, zh_CN, zh, en-US… */
const localeName = z.string().transform((v, ctx) => {
  const locale = localeOf(v);
  if (!locale) ctx.addIssue({ code: 'custom', message: `"${v.slice(0, 20)}" is not a language imops speaks; use ${LOCALES.join(' or ')}` });
  return locale ?? DEFAULT_LOCALE;
});

/** `locale:` — the language of replies when a person's own is unknown. */
const locale = z
  .object({
    default: localeName.default(DEFAULT_LOCALE),
    timeZone: z
      .string()
      .refine((v) => validTimeZone(v) !== undefined, 'is not an IANA time zone (for example Asia/Shanghai or UTC)')
      .optional(),
    workspaces: z
      .record(z.string(), localeName)
      .superRefine((map, ctx) => {
        for (const team of Object.keys(map))
          if (!/^[TE][A-Z0-9]+$/.test(team))
            ctx.addIssue({ code: 'custom', path: [team], message: `"${team.slice(0, 20)}" is not a Slack team ID such as T0123ABC` });
      })
      .default({}),
  })
  .strict();

export const configFileSchema = z.object({
  apps: z.array(app).default([]),
  access: access.default({}),
  providers: z.object(Object.fromEntries(PROVIDERS.map((p) => [p.id, providerFor(p.id).settingsSchema.optional()]))).default({}),
  watch: watch.optional(),
  locale: locale.optional(),
});

export type ConfigFile = z.infer<typeof configFileSchema>;
