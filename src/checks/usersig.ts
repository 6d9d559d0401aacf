// The UserSig use cases: generate, PrivateMapKey, verify, inspect, explain. Each returns facts; src/present words them.
import type { AppConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { clip } from '../text.js';
import { say } from '../text/index.js';
import {
  DEFAULT_EXPIRE_SECONDS,
  detectInspection,
  detectVerification,
  generatePrivateMapKey,
  generateUserSig,
  lookupImError,
  parseExpiry,
  type DetectedInspection,
  type DetectedVerification,
  type ImErrorEntry,
} from '../usersig/index.js';
import { span } from '../text/en/time.js';
import type { Notice } from '../usersig/inputs.js';
import type { Check, CheckDeps } from './check.js';
import { appNames, requireApp } from './refusal.js';

/** Slack's plain_text_input allows at most 3000 characters; a PrivateMapKey fits well within it. */
export const SIG_MAX = 3000;

export interface AppRef {
  name: string;
  sdkAppId: number;
}

const ref = (app: AppConfig): AppRef => ({ name: app.name, sdkAppId: app.sdkAppId });
const nowSeconds = (deps: CheckDeps, at: number | undefined) => at ?? Math.floor(deps.now() / 1000);

function checkLength(userSig: string): void {
  if (userSig.length > SIG_MAX) {
    const n = userSig.length;
    throw new UsageError(
      say((t) => t.usage.userSig.tooLong(n)),
      say((t) => t.usage.userSig.tooLongFix),
    );
  }
}

// Generate

export interface GenerateInput {
  app?: string;
  userId: string;
  /** Seconds, or text such as 180d / 12h; default 180 days. */
  expiry?: string;
  /** Chat binds words by position: an unparsable expiry may have been meant as an app name. */
  expiryMayBeApp?: boolean;
  /** Signing time, unix seconds; default now. */
  at?: number;
  relaxedUserId?: boolean;
  onNotice?: Notice;
}

export interface Generated {
  app: AppRef;
  userId: string;
  userSig: string;
  /** Unix seconds. */
  generatedAt: number;
  expireSeconds: number;
}

type GeneratePrepared = GenerateInput & { appConfig: AppConfig; expireSeconds: number; at: number };

export const generateCheck: Check<GenerateInput, GeneratePrepared, Generated> = {
  name: 'usersig.generate',
  access: 'usersig.generate',
  rate: 'usersig.generate',
  target: (i) => ({ app: i.app, target: i.userId }),
  prepare(deps, input) {
    let expireSeconds = DEFAULT_EXPIRE_SECONDS;
    if (input.expiry !== undefined) {
      try {
        expireSeconds = parseExpiry(input.expiry);
      } catch (err) {
        if (!(err instanceof UsageError) || !input.expiryMayBeApp || input.app !== undefined) throw err;
        const shown = clip(input.expiry, 40);
        const apps = appNames(deps.config);
        throw new UsageError(
          say((t) => t.usage.expiry.neitherExpiryNorApp(shown)),
          say((t) => t.usage.expiry.neitherFix(apps)),
        );
      }
    }
    return { ...input, appConfig: requireApp(deps.config, input.app), expireSeconds, at: nowSeconds(deps, input.at) };
  },
  run(_deps, p) {
    const userSig = generateUserSig({
      sdkAppId: p.appConfig.sdkAppId,
      secretKey: p.appConfig.secretKey,
      userId: p.userId,
      expireSeconds: p.expireSeconds,
      now: p.at,
      relaxedUserId: p.relaxedUserId === true,
      ...(p.onNotice && { onNotice: p.onNotice }),
    });
    return { app: ref(p.appConfig), userId: p.userId, userSig, generatedAt: p.at, expireSeconds: p.expireSeconds };
  },
  audit: (p) => ({ app: p.appConfig.name, target: p.userId, outcome: 'generated', detail: `expires in ${span(p.expireSeconds)}` }),
};

// PrivateMapKey (CLI only: TRTC room keys are minted by a server just before room entry)

export interface PrivmapInput {
  app?: string;
  userId: string;
  room: { roomId: number } | { strRoomId: string };
  privileges: number;
  expireSeconds: number;
  at?: number;
  relaxedUserId?: boolean;
  onNotice?: Notice;
}

export interface PrivmapGenerated {
  app: AppRef;
  userId: string;
  privateMapKey: string;
  inspection: DetectedInspection;
}

export const privmapCheck: Check<PrivmapInput, PrivmapInput & { appConfig: AppConfig; at: number }, PrivmapGenerated> = {
  name: 'usersig.privmap',
  access: 'usersig.generate',
  rate: 'usersig.generate',
  target: (i) => ({ app: i.app, target: i.userId }),
  prepare: (deps, input) => ({ ...input, appConfig: requireApp(deps.config, input.app), at: nowSeconds(deps, input.at) }),
  run(_deps, p) {
    const privateMapKey = generatePrivateMapKey({
      sdkAppId: p.appConfig.sdkAppId,
      secretKey: p.appConfig.secretKey,
      userId: p.userId,
      expireSeconds: p.expireSeconds,
      now: p.at,
      ...p.room,
      privileges: p.privileges,
      relaxedUserId: p.relaxedUserId === true,
      ...(p.onNotice && { onNotice: p.onNotice }),
    });
    return { app: ref(p.appConfig), userId: p.userId, privateMapKey, inspection: detectInspection(privateMapKey, { now: p.at }) };
  },
  audit: (p) => ({ app: p.appConfig.name, target: p.userId, outcome: 'generated', detail: `PrivateMapKey, expires in ${span(p.expireSeconds)}` }),
};

// Verify

export interface VerifyInput {
  app?: string;
  userId: string;
  userSig: string;
  /** Judge expiry at this time, unix seconds; default now. */
  at?: number;
}

export interface Verified {
  app: AppRef;
  /** The UserID it was checked against (the Verification's userId is the one signed). */
  userId: string;
  /** Unix seconds the expiry was judged at. */
  at: number;
  /** Verdict, reason and facts: src/present words them with the reader's catalogue. */
  verification: DetectedVerification;
}

export const verifyCheck: Check<VerifyInput, VerifyInput & { appConfig: AppConfig; at: number }, Verified> = {
  name: 'usersig.verify',
  target: (i) => ({ app: i.app, target: i.userId }),
  prepare(deps, input) {
    checkLength(input.userSig);
    return { ...input, appConfig: requireApp(deps.config, input.app), at: nowSeconds(deps, input.at) };
  },
  run(_deps, p) {
    const verification = detectVerification({
      sdkAppId: p.appConfig.sdkAppId,
      secretKey: p.appConfig.secretKey,
      userId: p.userId,
      userSig: p.userSig,
      now: p.at,
    });
    return { app: ref(p.appConfig), userId: p.userId, at: p.at, verification };
  },
  audit: (p, f) => ({ app: p.appConfig.name, target: p.userId, outcome: f.verification.verdict }),
  count: (metrics, f) => metrics.usersigVerdicts.inc({ verdict: f.verification.verdict }),
};

// Inspect

export interface Inspected {
  /** Verdict, reason and facts: src/present words them with the reader's catalogue. */
  inspection: DetectedInspection;
  at: number;
  /** The configured app with the SDKAppID it claims, if any. */
  configuredApp?: string;
}

export const inspectCheck: Check<{ userSig: string; at?: number }, { userSig: string; at: number }, Inspected> = {
  name: 'usersig.inspect',
  prepare(deps, input) {
    checkLength(input.userSig);
    return { userSig: input.userSig, at: nowSeconds(deps, input.at) };
  },
  run(deps, p) {
    const inspection = detectInspection(p.userSig, { now: p.at });
    const { sdkAppId } = inspection.fields;
    const configured = sdkAppId !== undefined ? deps.config.apps.find((a) => a.sdkAppId === sdkAppId) : undefined;
    return { inspection, at: p.at, ...(configured && { configuredApp: configured.name }) };
  },
};

// Explain

/** A code as the client printed it: TRTC codes are negative (-100018), and editors may turn "-" into "−" or "–". */
const CODE_RE = /^[-\u2212\u2013]?\d{1,9}$/;

/** A known code carries its table entry; its meaning, cause and fix are words (src/text/<locale>/im-errors.ts). */
export type Explained = { kind: 'not_a_code'; raw: string } | { kind: 'unknown'; code: number } | { kind: 'known'; code: number; entry: ImErrorEntry };

export function parseErrorCode(raw: string): number | undefined {
  const trimmed = raw.trim();
  return CODE_RE.test(trimmed) ? Number(trimmed.replace(/^[\u2212\u2013]/, '-')) : undefined;
}

export const explainCheck: Check<{ code: string }, { code: string }, Explained> = {
  name: 'usersig.explain',
  prepare: (_deps, input) => input,
  run(_deps, { code: raw }) {
    const code = parseErrorCode(raw);
    if (code === undefined) return { kind: 'not_a_code', raw };
    const entry = lookupImError(code);
    return entry ? { kind: 'known', code, entry } : { kind: 'unknown', code };
  },
};
