import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig, ApnsEnvironment, Config } from '../config/types.js';
import { maskToken, type Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { evictionWarnings, uploadWarnings, type DeviceInput, type DeviceStore } from '../push/devices.js';
import { unknownCertificate } from '../push/preflight.js';
import { certificateFacts, isPlatform, PLATFORMS } from '../push/providers/index.js';
import type { Device, PushPlatform } from '../push/types.js';
import { verifyUserSig } from '../usersig/index.js';
import { BodyTooLargeError, readBody, sendJson, type Router } from './router.js';

export interface DeviceRoutesDeps {
  config: Config;
  devices: DeviceStore;
  log: Logger;
  metrics: Metrics;
}

/** A device report is a few hundred bytes; anything near this is not one. */
export const DEVICE_BODY_LIMIT = 16 * 1024;
const TOKEN_MAX = 4096;
const FIELD_MAX = 256;

/**
 * The device API that client apps call with the user's own UserSig:
 *  - `PUT /v1/devices` after login, as the IM SDK reports its push token;
 *  - `DELETE /v1/devices` on logout (one token, or all of the user's when the body names none).
 * Credentials: `Authorization: UserSig <sig>`, `X-SDKAppID`, `X-UserID`, verified with that app's key.
 */
export function registerDeviceRoutes(router: Router, deps: DeviceRoutesDeps): void {
  const { config, devices, log, metrics } = deps;
  const count = (outcome: string) => metrics.deviceUploads.inc({ outcome });
  const writes = groupCommits(devices);

  router.add('PUT', '/v1/devices', async (req, res) => {
    const caller = authenticate(req, res, config);
    if (!caller) return count('unauthorized');
    const body = await readJsonBody(req, res);
    if (!body) return count(res.statusCode === 413 ? 'too_large' : 'invalid_body');

    const parsed = parseUpload(body);
    if (!parsed.ok) {
      sendJson(res, 400, {
        error: 'invalid_body',
        message: `the device report has ${parsed.problems.length === 1 ? 'a bad field' : `${parsed.problems.length} bad fields`}: ${parsed.problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`,
        fields: parsed.problems,
      });
      return count('invalid_body');
    }
    const report = parsed.value;
    const cert = caller.app.certificates.find((c) => c.id === report.certificateId);
    if (!cert) {
      sendJson(res, 400, unknownCertificateAnswer(caller.app, report.certificateId));
      return count('unknown_certificate');
    }

    const warnings = [...uploadWarnings(cert, report), ...parsed.ignored.map((f) => `The field "${f}" is not part of a device report and was ignored.`)];
    const { device, created, evicted } = await writes.upsert({
      app: caller.app.name,
      userId: caller.userId,
      certificateId: cert.id,
      // What the client said, even when it contradicts the certificate: the check shows and explains it.
      platform: report.platform ?? cert.platform,
      token: report.token,
      ...optional(report),
      warnings,
    });
    // Debug, not info: at thousands of uploads a second one line each would cost more than the upload itself
    // (measured: 782/s at info vs 3,400/s without); imops_device_uploads_total counts them.
    log.debug(
      { app: caller.app.name, userId: caller.userId, certificateId: cert.id, device: maskToken(report.token), created, warnings: warnings.length, ...(evicted.length > 0 && { evicted: evicted.map((d) => maskToken(d.token)) }) },
      created ? 'device uploaded' : 'device upload refreshed',
    );
    // Stored warnings describe this device's report; an eviction concerns another device, so only the answer says it.
    const answered = [...warnings, ...evictionWarnings(evicted, devices.maxPerUser)];
    sendJson(res, created ? 201 : 200, { created, device: publicDevice(device), warnings: answered, ...(evicted.length > 0 && { evicted: evicted.map(publicDevice) }) });
    count(answered.length ? 'stored_with_warnings' : 'stored');
  });

  router.add('DELETE', '/v1/devices', async (req, res) => {
    const caller = authenticate(req, res, config);
    if (!caller) return;
    const body = await readJsonBody(req, res, true);
    if (body === undefined) return;
    let token: string | undefined;
    if (body !== null) {
      const raw = body.token;
      if (raw !== undefined && raw !== null && (typeof raw !== 'string' || raw === '' || raw.length > TOKEN_MAX)) {
        const problem = { field: 'token', problem: `must be the device token as a non-empty string of at most ${TOKEN_MAX} characters, or absent to remove all of the user's devices` };
        sendJson(res, 400, { error: 'invalid_body', message: `the request has a bad field: token ${problem.problem}`, fields: [problem] });
        return;
      }
      token = typeof raw === 'string' ? raw : undefined;
    }
    const removed = devices.remove(caller.app.name, caller.userId, token);
    log.debug({ app: caller.app.name, userId: caller.userId, device: token === undefined ? 'all' : maskToken(token), removed }, 'devices removed');
    sendJson(res, 200, { removed });
  });
}

/**
 * Uploads that arrive in the same turn of the event loop are written in one transaction: a commit costs far
 * more than a row (measured 250 µs alone, 30 µs each in groups of 16), and clients upload in bursts.
 */
function groupCommits(store: DeviceStore) {
  type Result = ReturnType<DeviceStore['upsert']>;
  let pending: { input: DeviceInput; resolve: (r: Result) => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    try {
      const results = store.upsertMany(batch.map((p) => p.input));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch {
      // One bad row must not fail its neighbours: write them one by one, each with its own outcome.
      for (const p of batch) {
        try {
          p.resolve(store.upsert(p.input));
        } catch (err) {
          p.reject(err);
        }
      }
    }
  };
  return {
    upsert(input: DeviceInput): Promise<Result> {
      return new Promise((resolve, reject) => {
        if (pending.push({ input, resolve, reject }) === 1) setImmediate(flush);
      });
    },
  };
}

interface Caller {
  app: AppConfig;
  userId: string;
}

/** Verify the caller's UserSig; on failure answer 401 and return undefined. Never echoes the UserSig. */
function authenticate(req: IncomingMessage, res: ServerResponse, config: Config): Caller | undefined {
  const deny = (error: string, message: string, fix: string, extra: Record<string, unknown> = {}) => {
    res.setHeader('www-authenticate', 'UserSig');
    sendJson(res, 401, { error, message, fix, ...extra });
    return undefined;
  };
  const authorization = req.headers.authorization;
  const match = authorization === undefined ? null : /^UserSig\s+(\S+)\s*$/i.exec(authorization);
  const sdkAppIdText = header(req, 'x-sdkappid');
  const userId = header(req, 'x-userid');
  const missing = [
    ...(match ? [] : ['Authorization: UserSig <sig>']),
    ...(sdkAppIdText ? [] : ['X-SDKAppID']),
    ...(userId ? [] : ['X-UserID']),
  ];
  if (missing.length > 0) {
    return deny(
      'unauthorized',
      `missing or malformed ${missing.join(', ')}`,
      'send the user\'s own UserSig as "Authorization: UserSig <sig>", with the app\'s SDKAppID in X-SDKAppID and the UserID in X-UserID',
    );
  }
  const sdkAppId = /^\d{1,10}$/.test(sdkAppIdText!) ? Number(sdkAppIdText) : NaN;
  const app = config.apps.find((a) => a.sdkAppId === sdkAppId);
  if (!app) {
    return deny(
      'unknown_sdkappid',
      `SDKAppID ${JSON.stringify(sdkAppIdText)} is not configured on this imops server`,
      'send the SDKAppID the app logs in with, or add that app to imops.yml',
    );
  }
  const verification = verifyUserSig({ sdkAppId, secretKey: app.secretKey, userId: userId!, userSig: match![1]! });
  if (!verification.valid) {
    return deny('invalid_usersig', `the UserSig is not valid for SDKAppID ${sdkAppId} and UserID ${JSON.stringify(userId)}: ${verification.verdict}`, verification.fix, {
      verdict: verification.verdict,
      cause: verification.cause,
      ...(verification.imErrorCode !== undefined && { imErrorCode: verification.imErrorCode }),
    });
  }
  if (verification.privateMap !== undefined) {
    // Authentic, but a TRTC room-entry key: the IM server refuses it as a login credential, and so do we.
    return deny(
      'privatemapkey_not_usersig',
      `the credential is a TRTC PrivateMapKey for SDKAppID ${sdkAppId} and UserID ${JSON.stringify(userId)}, not a UserSig`,
      'send the user\'s login UserSig (the one passed to the IM SDK\'s login), not the PrivateMapKey used to enter a TRTC room',
      {
        cause: 'A PrivateMapKey grants entry to one TRTC room; it is not a login credential, and the IM server rejects it as a UserSig (70009).',
        imErrorCode: 70009,
      },
    );
  }
  return { app, userId: userId! };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === '' ? undefined : s;
}

/**
 * Read and parse a JSON object body. Answers 413 or 400 itself and returns undefined then.
 * With `optional`, an empty body is `null`.
 */
async function readJsonBody(req: IncomingMessage, res: ServerResponse, optional = false): Promise<Record<string, unknown> | null | undefined> {
  const tooLarge = () => {
    res.setHeader('connection', 'close');
    sendJson(res, 413, { error: 'payload_too_large', message: `the request body is larger than ${DEVICE_BODY_LIMIT} bytes; a device report is a small JSON object`, limit: DEVICE_BODY_LIMIT });
    return undefined;
  };
  if (Number(req.headers['content-length'] ?? 0) > DEVICE_BODY_LIMIT) return tooLarge();
  let raw: Buffer;
  try {
    raw = await readBody(req, DEVICE_BODY_LIMIT);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return tooLarge();
    throw err;
  }
  if (raw.length === 0 && optional) return null;
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    sendJson(res, 400, { error: 'invalid_body', message: 'the body is not JSON', fix: 'send a JSON object with Content-Type: application/json' });
    return undefined;
  }
  if (body === null && optional) return null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendJson(res, 400, { error: 'invalid_body', message: 'the body must be a JSON object', fix: 'send {"certificateId": "…", "token": "…"}' });
    return undefined;
  }
  return body as Record<string, unknown>;
}

interface Upload {
  certificateId: string;
  token: string;
  platform?: PushPlatform;
  environment?: ApnsEnvironment;
  bundleId?: string;
  appVersion?: string;
  deviceModel?: string;
  osVersion?: string;
}

export interface FieldProblem {
  field: string;
  problem: string;
}

const KNOWN_FIELDS = new Set(['certificateId', 'token', 'platform', 'environment', 'bundleId', 'appVersion', 'deviceModel', 'osVersion']);
const TEXT_FIELDS = ['bundleId', 'appVersion', 'deviceModel', 'osVersion'] as const;

/** Check every field and report every bad one at once, so a client developer fixes them in one go. */
export function parseUpload(body: Record<string, unknown>): { ok: true; value: Upload; ignored: string[] } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const value: Partial<Upload> = {};
  const present = (k: string) => body[k] !== undefined && body[k] !== null;

  const cert = body.certificateId;
  if (!present('certificateId')) problems.push({ field: 'certificateId', problem: 'is required: the certificate ID (businessID) the app registered its token with' });
  else if (typeof cert === 'number' && Number.isSafeInteger(cert) && cert >= 0) value.certificateId = String(cert);
  else if (typeof cert === 'string' && cert.trim() !== '' && cert.length <= FIELD_MAX) value.certificateId = cert.trim();
  else problems.push({ field: 'certificateId', problem: 'must be a non-empty string or number, such as "10086"' });

  const token = body.token;
  if (!present('token')) problems.push({ field: 'token', problem: 'is required: the device token the push SDK returned' });
  else if (typeof token !== 'string' || token.trim() === '') problems.push({ field: 'token', problem: 'must be a non-empty string' });
  else if (token.length > TOKEN_MAX) problems.push({ field: 'token', problem: `is ${token.length} characters; device tokens are at most a few hundred (limit ${TOKEN_MAX})` });
  else value.token = token;

  if (present('platform')) {
    if (isPlatform(body.platform)) value.platform = body.platform;
    else problems.push({ field: 'platform', problem: `must be ${PLATFORMS.map((p) => `"${p}"`).join(' or ')}` });
  }
  if (present('environment')) {
    if (body.environment === 'production' || body.environment === 'sandbox') value.environment = body.environment;
    else problems.push({ field: 'environment', problem: 'must be "production" or "sandbox" (debug builds get sandbox tokens)' });
  }
  for (const k of TEXT_FIELDS) {
    if (!present(k)) continue;
    const v = body[k];
    if (typeof v === 'string' && v.length <= FIELD_MAX) {
      if (v !== '') value[k] = v;
    } else problems.push({ field: k, problem: `must be a string of at most ${FIELD_MAX} characters` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: value as Upload, ignored: Object.keys(body).filter((k) => !KNOWN_FIELDS.has(k)).slice(0, 10) };
}

function unknownCertificateAnswer(app: AppConfig, id: string) {
  const { problem, fix } = unknownCertificate(app, id);
  return { error: 'unknown_certificate', message: problem, fix, certificates: app.certificates.map(certificateFacts) };
}

function optional(u: Upload) {
  return {
    ...(u.environment !== undefined && { environment: u.environment }),
    ...(u.bundleId !== undefined && { bundleId: u.bundleId }),
    ...(u.appVersion !== undefined && { appVersion: u.appVersion }),
    ...(u.deviceModel !== undefined && { deviceModel: u.deviceModel }),
    ...(u.osVersion !== undefined && { osVersion: u.osVersion }),
  };
}

/** The stored device as the client sees it back: the token masked, like everywhere else imops shows one. */
function publicDevice(d: Device) {
  const { app: _app, token, ...rest } = d;
  return { ...rest, token: maskToken(token) };
}
