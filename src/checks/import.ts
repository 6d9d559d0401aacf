// `imops devices import`: devices a team already keeps, as JSON lines (design.md "Device upload and import").
// Each good line is stored like an upload (warnings included); a bad one is rejected with its line number and
// the rest go on. Batches of IMPORT_BATCH lines are one transaction each, so a large file loads in seconds.
import type { AppConfig, ApnsEnvironment } from '../config/types.js';
import { unknownCertificateUpload, uploadWarnings } from '../push/devices.js';
import { isPlatform } from '../push/providers/index.js';
import type { ImportedDevice } from '../store/ports.js';
import type { Check } from './check.js';
import { requireApp } from './refusal.js';

export const IMPORT_BATCH = 1000;
export const IMPORT_TOKEN_MAX = 4096;
export const IMPORT_FIELD_MAX = 256;
/** A line longer than this is not a device (and is not parsed). */
export const IMPORT_LINE_MAX = 16_384;
/** Rejections listed in the finding (memory stays bounded on a file of garbage); the count goes on beyond it. */
export const IMPORT_REJECTIONS_LISTED = 100_000;

/** Why a line was rejected: typed, worded by src/present. */
export type ImportProblem =
  | { kind: 'not_json' }
  | { kind: 'not_object' }
  | { kind: 'too_long'; max: number }
  | { kind: 'missing'; field: string }
  | { kind: 'not_string'; field: string; max: number }
  | { kind: 'platform'; value: string }
  | { kind: 'environment'; value: string }
  | { kind: 'last_seen'; value: string };

export interface ImportInput {
  app?: string;
  /** The file's lines, in order (a stream: a large file is never held whole). */
  lines: AsyncIterable<string>;
}

export interface ImportFinding {
  app: AppConfig;
  stored: number;
  updated: number;
  /** Rejected lines (1-based), at most IMPORT_REJECTIONS_LISTED of them. */
  rejected: { line: number; problem: ImportProblem }[];
  rejectedCount: number;
  /** Stored lines that carry upload warnings (wrong platform, unknown certificate…). */
  withWarnings: number;
}

type Parsed = { ok: true; device: ImportedDevice } | { ok: false; problem: ImportProblem };

function str(o: Record<string, unknown>, field: string, max: number, required: boolean): string | undefined | ImportProblem {
  const v = o[field];
  if (v === undefined || v === null) return required ? { kind: 'missing', field } : undefined;
  if (typeof v !== 'string' || (required && v.trim() === '') || v.length > max) return { kind: 'not_string', field, max };
  return v;
}
const isProblem = (v: unknown): v is ImportProblem => typeof v === 'object' && v !== null;

export function parseImportLine(app: AppConfig, text: string): Parsed {
  if (text.length > IMPORT_LINE_MAX) return { ok: false, problem: { kind: 'too_long', max: IMPORT_LINE_MAX } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not_json' } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: { kind: 'not_object' } };
  const o = raw as Record<string, unknown>;
  const userId = str(o, 'userId', IMPORT_FIELD_MAX, true);
  const certificateId = str(o, 'certificateId', IMPORT_FIELD_MAX, true);
  const token = str(o, 'token', IMPORT_TOKEN_MAX, true);
  const platform = str(o, 'platform', IMPORT_FIELD_MAX, false);
  const environment = str(o, 'environment', IMPORT_FIELD_MAX, false);
  const bundleId = str(o, 'bundleId', IMPORT_FIELD_MAX, false);
  for (const v of [userId, certificateId, token, platform, environment, bundleId]) if (isProblem(v)) return { ok: false, problem: v };
  if (platform !== undefined && !isPlatform(platform)) return { ok: false, problem: { kind: 'platform', value: platform as string } };
  if (environment !== undefined && environment !== 'production' && environment !== 'sandbox') {
    return { ok: false, problem: { kind: 'environment', value: environment as string } };
  }
  let lastSeen: number | undefined;
  if (o.lastSeen !== undefined && o.lastSeen !== null) {
    const t = typeof o.lastSeen === 'number' ? o.lastSeen : typeof o.lastSeen === 'string' ? Date.parse(o.lastSeen) : Number.NaN;
    if (!Number.isFinite(t) || t < 0) return { ok: false, problem: { kind: 'last_seen', value: String(o.lastSeen).slice(0, 40) } };
    lastSeen = t;
  }
  const report = {
    token: token as string,
    ...(platform !== undefined && { platform: platform as string }),
    ...(environment !== undefined && { environment: environment as ApnsEnvironment }),
    ...(bundleId !== undefined && { bundleId: bundleId as string }),
  };
  const cert = app.certificates.find((c) => c.id === certificateId);
  const unknown = cert ? undefined : unknownCertificateUpload(app, certificateId as string, report);
  const warnings = cert ? uploadWarnings(cert, report) : unknown!.warnings;
  const resolvedPlatform = isPlatform(platform) ? platform : (cert?.platform ?? unknown!.platform);
  return {
    ok: true,
    device: {
      app: app.name,
      userId: userId as string,
      certificateId: certificateId as string,
      platform: resolvedPlatform,
      token: report.token,
      ...(report.environment !== undefined && { environment: report.environment }),
      ...(report.bundleId !== undefined && { bundleId: report.bundleId }),
      ...(warnings.length > 0 && { warnings }),
      ...(lastSeen !== undefined && { lastSeen }),
    },
  };
}

export const importDevicesCheck: Check<ImportInput, ImportInput & { appConfig: AppConfig }, ImportFinding> = {
  name: 'devices.import',
  target: (i) => ({ app: i.app }),
  prepare: (deps, input) => ({ ...input, appConfig: requireApp(deps.config, input.app) }),
  async run(deps, { appConfig: app, lines }) {
    if (!deps.devices) throw new Error('this surface has no device store');
    const store = deps.devices;
    const finding: ImportFinding = { app, stored: 0, updated: 0, rejected: [], rejectedCount: 0, withWarnings: 0 };
    let batch: ImportedDevice[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const { stored, updated } = await store.importBatch(batch);
      finding.stored += stored;
      finding.updated += updated;
      batch = [];
    };
    let n = 0;
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      const parsed = parseImportLine(app, line);
      if (!parsed.ok) {
        finding.rejectedCount++;
        if (finding.rejected.length < IMPORT_REJECTIONS_LISTED) finding.rejected.push({ line: n, problem: parsed.problem });
        continue;
      }
      if (parsed.device.warnings?.length) finding.withWarnings++;
      batch.push(parsed.device);
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    await flush();
    return finding;
  },
  audit: (p, f) => ({ app: p.appConfig.name, outcome: `${f.stored} stored, ${f.updated} updated, ${f.rejectedCount} rejected` }),
};
