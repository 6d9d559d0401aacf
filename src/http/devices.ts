import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig, Config } from '../config/types.js';
import { maskToken, type Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Principal } from '../access/principal.js';
import { runCheck, type CheckDeps } from '../checks/check.js';
import { removeDevicesCheck, reportDeviceCheck, type DeviceReport } from '../checks/devices.js';
import type { DeviceStore } from '../store/ports.js';
import { certificateFacts, isPlatform, PLATFORMS } from '../push/providers/index.js';
import type { Device } from '../push/types.js';
import { clip } from '../text.js';
import { en } from '../text/en/index.js';
import { inLocale } from '../text/words.js';
import { verifyUserSig } from '../usersig/index.js';
import { trackAuthFailures, type AuthFailures } from './auth-failures.js';
import { BodyTooLargeError, readBody, sendJson, type Router } from './router.js';

export interface DeviceRoutesDeps {
  config: Config;
  devices: DeviceStore;
  log: Logger;
  metrics: Metrics;
  /** Failed authentications per remote address (default: more than 30 in 60 s gets 429). */
  authFailures?: AuthFailures;
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
  const failures = deps.authFailures ?? trackAuthFailures();
  const authenticate = (req: IncomingMessage, res: ServerResponse) => authenticateCaller(req, res, config, metrics, failures);
  const checkDeps: CheckDeps = { config, log, now: Date.now, devices, metrics };

  router.add('PUT', '/v1/devices', async (req, res) => {
    const caller = authenticate(req, res);
    if (!caller) return count('unauthorized');
    const body = await readJsonBody(req, res);
    if (!body) return count(res.statusCode === 413 ? 'too_large' : 'invalid_body');

    const parsed = parseDeviceReport(body);
    if (!parsed.ok) {
      sendJson(res, 400, {
        error: 'invalid_body',
        message: `the device report has ${parsed.problems.length === 1 ? 'a bad field' : `${parsed.problems.length} bad fields`}: ${parsed.problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`,
        fields: parsed.problems,
      });
      return count('invalid_body');
    }
    // PUT and DELETE reach the store after the same awaits (reading the body, then the check runner), and the
    // store applies writes in call order: a logout pipelined behind this upload is applied after it.
    const f = await runCheck(checkDeps, principalOf(caller), reportDeviceCheck, {
      app: caller.app,
      userId: caller.userId,
      report: parsed.value,
      ignoredFields: parsed.ignored.map((k) => clip(k, 64)),
    });
    // Debug, not info: at thousands of uploads a second one line each would cost more than the upload itself
    // (measured: 782/s at info vs 3,400/s without); imops_device_uploads_total counts them.
    log.debug(
      {
        app: caller.app.name,
        userId: caller.userId,
        certificateId: f.device.certificateId,
        device: maskToken(f.device.token),
        created: f.created,
        warnings: f.warnings.length,
        ...(f.evicted.length > 0 && { evicted: f.evicted.map((d) => maskToken(d.token)) }),
      },
      f.created ? 'device uploaded' : 'device upload refreshed',
    );
    // Stored warnings describe this device's report; an eviction concerns another device, so only the answer says it.
    const answered = [...f.warnings, ...f.evictionWarnings];
    sendJson(res, f.created ? 201 : 200, {
      created: f.created,
      device: publicDevice(f.device),
      // The device API speaks English: its reader is a client developer's log, not a chat user.
      warnings: answered.map((w) => inLocale(w, en)),
      ...(f.evicted.length > 0 && { evicted: f.evicted.map(publicDevice) }),
      ...(f.unknownCertificate && { platformFrom: f.unknownCertificate.platformFrom, certificates: caller.app.certificates.map(certificateFacts) }),
    });
    count(f.unknownCertificate ? 'unknown_certificate' : answered.length ? 'stored_with_warnings' : 'stored');
  });

  router.add('DELETE', '/v1/devices', async (req, res) => {
    const caller = authenticate(req, res);
    if (!caller) return;
    const body = await readJsonBody(req, res, true, '{"token": "…"} to remove one device, {"all": true} or no body to remove all');
    if (body === undefined) return;
    const target = removalTarget(body);
    if (!target.ok) {
      sendJson(res, 400, {
        error: 'invalid_body',
        message: `the request has a bad field: ${target.problem.field} ${target.problem.problem}`,
        fields: [target.problem],
        fix: DELETE_FIX,
      });
      return;
    }
    const { removed } = await runCheck(checkDeps, principalOf(caller), removeDevicesCheck, {
      app: caller.app,
      userId: caller.userId,
      ...(target.token !== undefined && { token: target.token }),
    });
    log.debug(
      { app: caller.app.name, userId: caller.userId, device: target.token === undefined ? 'all' : maskToken(target.token), removed },
      'devices removed',
    );
    sendJson(res, 200, { removed });
  });
}

const DELETE_FIX = 'send {"token": "<device token>"} to remove one device, or {"all": true} (or no body at all) to remove all of the user\'s devices';

/**
 * What a DELETE removes. Only an empty body or an explicit {"all": true} removes every device: a misspelt or
 * mistyped field ({"Token": …}, {"tokens": […]}, {"token": null}, a JSON null) must not log a user out of all
 * their devices, so anything else without a string token is refused, naming the field.
 */
function removalTarget(body: Record<string, unknown> | null): { ok: true; token?: string } | { ok: false; problem: FieldProblem } {
  if (body === null) return { ok: true };
  const raw = body.token;
  if (typeof raw === 'string' && raw !== '' && raw.length <= TOKEN_MAX) {
    if (body.all !== undefined) return { ok: false, problem: { field: 'all', problem: 'cannot be combined with token: send one or the other' } };
    return { ok: true, token: raw };
  }
  if (raw !== undefined) {
    return { ok: false, problem: { field: 'token', problem: `must be the device token as a non-empty string of at most ${TOKEN_MAX} characters` } };
  }
  if (body.all === true && Object.keys(body).length === 1) return { ok: true };
  if (body.all !== undefined && body.all !== true) return { ok: false, problem: { field: 'all', problem: "must be true to remove all of the user's devices" } };
  const others = Object.keys(body).filter((k) => k !== 'all');
  const named = others
    .slice(0, 5)
    .map((k) => JSON.stringify(clip(k, 64)))
    .join(', ');
  return {
    ok: false,
    problem:
      others.length > 0
        ? {
            field: 'token',
            problem: `is missing (the body has ${named} instead): name the device token in "token", or send {"all": true} to remove all devices`,
          }
        : { field: 'token', problem: 'is missing: name the device token in "token", or send {"all": true} to remove all devices' },
  };
}

interface Caller {
  app: AppConfig;
  userId: string;
}

/** A client app, authenticated with its user's UserSig. */
const principalOf = (caller: Caller): Principal => ({ platform: 'api', userId: `${caller.app.sdkAppId}:${caller.userId}`, roles: [] });

/**
 * What the answer may repeat of a request value: at most 64 characters, JSON-quoted. A client can send a 32,000-
 * character X-UserID; echoing it in full (several times) made a 256 KB answer to a 228-byte request.
 */
const echo = (value: string) => JSON.stringify(clip(value, 64));
/** Bound on the verifier's own sentences, which may quote what the UserSig itself claims. */
const TEXT_MAX = 600;

/**
 * Verify the caller's UserSig; on failure answer 401 (or 429 to an address that keeps failing) and return
 * undefined. Never echoes the UserSig. Every verification is counted by verdict, like chat's.
 */
function authenticateCaller(req: IncomingMessage, res: ServerResponse, config: Config, metrics: Metrics, failures: AuthFailures): Caller | undefined {
  const address = req.socket.remoteAddress ?? 'unknown';
  const wait = failures.blockedFor(address);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    res.setHeader('retry-after', String(seconds));
    sendJson(res, 429, {
      error: 'too_many_failed_authentications',
      message: `too many requests with invalid credentials from this address; try again in ${seconds} s`,
      fix: "send the user's own valid UserSig; a client that retries a rejected UserSig in a loop should stop and log the user in again",
    });
    return undefined;
  }
  const deny = (error: string, message: string, fix: string, extra: Record<string, unknown> = {}) => {
    failures.failed(address);
    res.setHeader('www-authenticate', 'UserSig');
    sendJson(res, 401, { error, message, fix, ...extra });
    return undefined;
  };
  const authorization = req.headers.authorization;
  const match = authorization === undefined ? null : /^UserSig\s+(\S+)\s*$/i.exec(authorization);
  const sdkAppIdText = header(req, 'x-sdkappid');
  const userId = header(req, 'x-userid');
  const missing = [...(match ? [] : ['Authorization: UserSig <sig>']), ...(sdkAppIdText ? [] : ['X-SDKAppID']), ...(userId ? [] : ['X-UserID'])];
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
      `SDKAppID ${echo(sdkAppIdText!)} is not configured on this imops server`,
      'send the SDKAppID the app logs in with, or add that app to imops.yml',
    );
  }
  const verification = verifyUserSig({ sdkAppId, secretKey: app.secretKey, userId: userId!, userSig: match![1]! });
  metrics.usersigVerdicts.inc({ verdict: verification.verdict });
  if (!verification.valid) {
    // The verifier quotes the UserID it was given; the answer carries only the clipped form.
    const quoted = (text: string) => clip(text.split(JSON.stringify(userId)).join(echo(userId!)), TEXT_MAX);
    return deny(
      'invalid_usersig',
      `the UserSig is not valid for SDKAppID ${sdkAppId} and UserID ${echo(userId!)}: ${verification.verdict}`,
      quoted(verification.fix),
      {
        verdict: verification.verdict,
        cause: quoted(verification.cause),
        ...(verification.imErrorCode !== undefined && { imErrorCode: verification.imErrorCode }),
      },
    );
  }
  if (verification.privateMap !== undefined) {
    // Authentic, but a TRTC room-entry key: the IM server refuses it as a login credential, and so do we.
    return deny(
      'privatemapkey_not_usersig',
      `the credential is a TRTC PrivateMapKey for SDKAppID ${sdkAppId} and UserID ${echo(userId!)}, not a UserSig`,
      "send the user's login UserSig (the one passed to the IM SDK's login), not the PrivateMapKey used to enter a TRTC room",
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
async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  optional = false,
  example = '{"certificateId": "…", "token": "…"}',
): Promise<Record<string, unknown> | null | undefined> {
  const tooLarge = () => {
    res.setHeader('connection', 'close');
    sendJson(res, 413, {
      error: 'payload_too_large',
      message: `the request body is larger than ${DEVICE_BODY_LIMIT} bytes; a device report is a small JSON object`,
      limit: DEVICE_BODY_LIMIT,
    });
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
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendJson(res, 400, { error: 'invalid_body', message: 'the body must be a JSON object', fix: `send ${example}` });
    return undefined;
  }
  return body as Record<string, unknown>;
}

export interface FieldProblem {
  field: string;
  problem: string;
}

const KNOWN_FIELDS = new Set(['certificateId', 'token', 'platform', 'environment', 'bundleId', 'appVersion', 'deviceModel', 'osVersion']);
const TEXT_FIELDS = ['bundleId', 'appVersion', 'deviceModel', 'osVersion'] as const;

/** Check every field and report every bad one at once, so a client developer fixes them in one go. */
export function parseDeviceReport(
  body: Record<string, unknown>,
): { ok: true; value: DeviceReport; ignored: string[] } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const value: Partial<DeviceReport> = {};
  const present = (k: string) => body[k] !== undefined && body[k] !== null;

  const cert = body.certificateId;
  if (!present('certificateId'))
    problems.push({ field: 'certificateId', problem: 'is required: the certificate ID (businessID) the app registered its token with' });
  else if (typeof cert === 'number' && Number.isSafeInteger(cert) && cert >= 0) value.certificateId = String(cert);
  else if (typeof cert === 'string' && cert.trim() !== '' && cert.length <= FIELD_MAX) {
    const unsafe = unsafeText(cert);
    if (unsafe) problems.push({ field: 'certificateId', problem: unsafe });
    else value.certificateId = cert.trim();
  } else problems.push({ field: 'certificateId', problem: 'must be a non-empty string or number, such as "10086"' });

  const token = body.token;
  if (!present('token')) problems.push({ field: 'token', problem: 'is required: the device token the push SDK returned' });
  else if (typeof token !== 'string' || token.trim() === '') problems.push({ field: 'token', problem: 'must be a non-empty string' });
  else if (token.length > TOKEN_MAX)
    problems.push({ field: 'token', problem: `is ${token.length} characters; device tokens are at most a few hundred (limit ${TOKEN_MAX})` });
  else value.token = token;

  if (present('platform')) {
    if (isPlatform(body.platform)) value.platform = body.platform;
    else problems.push({ field: 'platform', problem: `must be one of: ${PLATFORMS.join(', ')}` });
  }
  if (present('environment')) {
    if (body.environment === 'production' || body.environment === 'sandbox') value.environment = body.environment;
    else problems.push({ field: 'environment', problem: 'must be "production" or "sandbox" (debug builds get sandbox tokens)' });
  }
  for (const k of TEXT_FIELDS) {
    if (!present(k)) continue;
    const v = body[k];
    if (typeof v === 'string' && v.length <= FIELD_MAX) {
      const unsafe = unsafeText(v);
      if (unsafe) problems.push({ field: k, problem: unsafe });
      else if (v !== '') value[k] = v;
    } else problems.push({ field: k, problem: `must be a string of at most ${FIELD_MAX} characters` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: value as DeviceReport,
    ignored: Object.keys(body)
      .filter((k) => !KNOWN_FIELDS.has(k))
      .slice(0, 10),
  };
}

/** What a client developer needs to pick the right ID; nothing about the credential itself. */
/**
 * Why a text field cannot be stored as sent, or undefined. The body is decoded as UTF-8, so invalid bytes arrive
 * as U+FFFD; bidirectional controls make a field display differently from what it holds (in chat replies, the
 * CLI, the audit log), which is how a spoofed bundle ID or version would hide.
 */
function unsafeText(v: string): string | undefined {
  if (v.includes('\uFFFD')) return 'is not valid UTF-8 (or holds U+FFFD): send the text as UTF-8';
  const bidi = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/.exec(v);
  if (bidi)
    return `contains the bidirectional control character U+${bidi[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which makes text display differently from what it is: send plain text`;
  return undefined;
}

/** The stored device as the client sees it back: the token masked, like everywhere else imops shows one. */
function publicDevice(d: Device) {
  const { app: _app, token, ...rest } = d;
  return { ...rest, token: maskToken(token) };
}
