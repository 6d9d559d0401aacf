// The push use cases: a user's devices, a test push to them, and the health of an app's credentials.
import type { AppConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { unknownCertificate } from '../push/preflight.js';
import type { CertificateHealth, Device, PushResult, PushService } from '../push/types.js';
import type { Check, CheckDeps } from './check.js';
import { requireApp } from './refusal.js';

function pushService(deps: CheckDeps): PushService {
  if (!deps.push) throw new Error('this surface has no push service');
  return deps.push;
}

type WithApp<I> = I & { appConfig: AppConfig };

// Test push

export interface PushTestInput {
  app?: string;
  userId: string;
  /** Only the devices uploaded with this certificate ID. */
  certificateId?: string;
  /** Test at most this many, the most recently seen (chat caps a run; the CLI tests them all). */
  maxDevices?: number;
  /** Refuse a certificate ID that is neither configured nor among the user's devices. */
  strictCertificate?: boolean;
}

export type PushTestFinding =
  | {
      kind: 'tested';
      app: AppConfig;
      userId: string;
      certificateId?: string;
      /** One per tested device, in the order `tested` lists them. */
      results: PushResult[];
      tested: Device[];
      /** Devices that matched the filter but were left out by `maxDevices`. */
      skipped: number;
      /** Certificate IDs the user uploaded with (for NO_DEVICES under a filter). */
      uploadedWith: string[];
    }
  /** The provider could not be reached at all (DNS, refused connection): nothing was sent. */
  | { kind: 'unreachable'; app: AppConfig; userId: string; certificateId?: string; code: string };

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function unreachableCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== undefined && NETWORK_CODES.has(code)) return code;
  return err.name === 'AbortError' || err.name === 'TimeoutError' ? err.name : undefined;
}

export const pushTestCheck: Check<PushTestInput, WithApp<PushTestInput> & { all: Device[] }, PushTestFinding> = {
  name: 'push.test',
  access: 'push.test',
  rate: 'push.test',
  target: (i) => ({ app: i.app, target: i.userId }),
  async prepare(deps, input) {
    const appConfig = requireApp(deps.config, input.app);
    const all = await pushService(deps).devices(appConfig.name, input.userId);
    const cert = input.certificateId;
    // A certificate typed by hand (CLI) that nothing knows is a typo; one from a chat button may simply be gone.
    if (input.strictCertificate && cert !== undefined && !appConfig.certificates.some((c) => c.id === cert) && !all.some((d) => d.certificateId === cert)) {
      const { problem, fix } = unknownCertificate(appConfig, cert);
      // Words: chat and the CLI show the reader's language; the error's message is the English.
      throw new UsageError(problem, fix);
    }
    return { ...input, appConfig, all };
  },
  async run(deps, p) {
    const { appConfig: app, userId, certificateId } = p;
    const matching = certificateId === undefined ? p.all : p.all.filter((d) => d.certificateId === certificateId);
    const tested = p.maxDevices === undefined ? matching : matching.slice(0, Math.max(0, p.maxDevices));
    let results: PushResult[];
    try {
      results = await pushService(deps).test(app.name, userId, {
        ...(certificateId !== undefined && { certificateId }),
        ...(p.maxDevices !== undefined && { maxDevices: p.maxDevices }),
      });
    } catch (err) {
      const code = unreachableCode(err);
      if (code === undefined) throw err;
      return { kind: 'unreachable', app, userId, ...(certificateId !== undefined && { certificateId }), code };
    }
    return {
      kind: 'tested',
      app,
      userId,
      ...(certificateId !== undefined && { certificateId }),
      results,
      tested,
      skipped: Math.max(0, matching.length - results.length),
      uploadedWith: [...new Set(p.all.map((d) => d.certificateId))],
    };
  },
  audit(p, f) {
    const base = { app: p.appConfig.name, target: p.userId };
    if (f.kind === 'unreachable') return { ...base, outcome: 'provider unreachable' };
    if (f.results.length === 0) return { ...base, outcome: 'no devices' };
    const passed = f.results.filter((r) => r.ok).length;
    const verdicts = [...new Set(f.results.map((r) => r.verdict))].join(',');
    return { ...base, outcome: `${passed}/${f.results.length} delivered`, detail: verdicts + (f.skipped > 0 ? `; ${f.skipped} older not tested` : '') };
  },
};

// Certificate health

export interface CertificatesFinding {
  app: AppConfig;
  health: CertificateHealth[];
}

export const certificatesCheck: Check<{ app?: string }, { appConfig: AppConfig }, CertificatesFinding> = {
  name: 'push.certs',
  prepare: (deps, input) => ({ appConfig: requireApp(deps.config, input.app) }),
  async run(deps, p) {
    const health = deps.credentials ? await deps.credentials(p.appConfig) : await pushService(deps).certificates(p.appConfig.name);
    return { app: p.appConfig, health };
  },
};
