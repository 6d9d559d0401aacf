import type { AppConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { isAllowed, principalName } from '../access/policy.js';
import { explainNoDevices } from '../push/service.js';
import type { Device, PushResult } from '../push/types.js';
import { certificateFacts, providerFor } from '../push/providers/index.js';
import { errorReply, text, type Action, type Block, type Choice, type Field, type Form, type Reply } from './reply.js';
import { appNames, capitalise, clip, correlationId, describeError, guard, requireAccess, requireRate, resolveApp, when, ReplyError, type Ctx } from './context.js';
import { encodeId, IDS } from './ids.js';
import type { Args, FormResult, Plan, Principal } from './types.js';

/** Select value meaning "every certificate the user uploaded with". */
export const ALL_CERTIFICATES = '*';

/**
 * Devices one chat test run sends to: the most recently seen (the phones the user is likely holding now). Every
 * device gets a real notification, and a stale list can hold many reinstalls.
 */
export const MAX_TEST_DEVICES = 20;

export function planPushcheck(ctx: Ctx, principal: Principal, args: Args): Plan {
  return { kind: 'reply', visibility: 'ephemeral', run: () => guard(ctx, 'pushcheck', () => deviceCard(ctx, principal, args.app, args.userId ?? '', undefined)) };
}

export function pushForm(ctx: Ctx): Form {
  const names = appNames(ctx.config);
  return {
    id: IDS.pushForm,
    title: 'Push check',
    submitLabel: 'Show devices',
    fields: [
      { type: 'text', id: 'userId', label: 'UserID', placeholder: 'exactly as the client logs in', required: true, maxLength: 200 },
      ...(names.length > 0 ? [{ type: 'select' as const, id: 'app', label: 'App', options: names.map((n) => ({ label: n, value: n })), required: true, initial: names[0]! }] : []),
    ],
  };
}

export function submitPushForm(ctx: Ctx, principal: Principal, values: Record<string, string>): FormResult {
  const errors: Record<string, string> = {};
  const userId = values.userId ?? '';
  const app = (values.app ?? '').trim() || undefined;
  if (userId.trim() === '') errors.userId = 'Enter the UserID';
  if (app !== undefined && !appNames(ctx.config).includes(app)) errors.app = `Unknown app; configured: ${appNames(ctx.config).join(', ')}`;
  if (Object.keys(errors).length > 0) return { kind: 'errors', errors };
  return { kind: 'plan', plan: planPushcheck(ctx, principal, { userId, app }) };
}

/** A select changes the card in place; the button replaces it with the results. */
export function pushAction(ctx: Ctx, principal: Principal, kind: string, parts: string[], value: string | undefined): Plan | undefined {
  if (kind === IDS.pushSelect) {
    const [app, userId] = parts;
    if (app === undefined || userId === undefined) return undefined;
    const cert = value && value !== ALL_CERTIFICATES ? value : undefined;
    return { kind: 'update', visibility: 'ephemeral', run: () => guard(ctx, 'pushcheck select', () => deviceCard(ctx, principal, app, userId, cert)) };
  }
  if (kind === IDS.pushRun) {
    const [app, cert, userId] = parts;
    if (app === undefined || cert === undefined || userId === undefined) return undefined;
    return { kind: 'update', visibility: 'ephemeral', run: () => guard(ctx, 'pushcheck test', () => runTest(ctx, principal, app, userId, cert === ALL_CERTIFICATES ? undefined : cert)) };
  }
  return undefined;
}

function ids(app: string, userId: string, cert: string | undefined): { select: string; run: string } {
  const select = encodeId(IDS.pushSelect, app, userId);
  const run = encodeId(IDS.pushRun, app, cert ?? ALL_CERTIFICATES, userId);
  if (!select || !run) {
    throw new ReplyError(errorReply('That UserID is too long for a push check', `"${clip(userId, 40)}" is ${userId.length} characters; IM UserIDs are at most 32 bytes.`,
      'Check the UserID: copy it from the client log or the IM console.'));
  }
  return { select, run };
}

function fieldList(...pairs: [string, string | undefined][]): Field[] {
  return pairs.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '').map(([label, value]) => ({ label, value }));
}

function certificateLabel(app: AppConfig, id: string): string {
  const c = app.certificates.find((x) => x.id === id);
  if (!c) return `${id} · not configured in imops`;
  const { environment, bundleId } = certificateFacts(c);
  return `${id} · ${providerFor(c.platform).displayName}${environment ? ` ${environment}` : ''}${bundleId ? ` (${bundleId})` : ''}`;
}

function deviceBlock(ctx: Ctx, app: AppConfig, d: Device): Block {
  const warnings = [...d.warnings];
  if (!app.certificates.some((c) => c.id === d.certificateId)) {
    warnings.push(`certificate ID ${d.certificateId} is not configured for app ${app.name}: a push cannot be sent with it`);
  }
  return {
    type: 'item',
    status: warnings.length ? 'warning' : 'info',
    title: `${providerFor(d.platform).deviceLabel} · certificate ${d.certificateId}`,
    fields: fieldList(
      ['Platform', d.platform],
      ['Certificate ID', certificateLabel(app, d.certificateId)],
      ['Token', maskToken(d.token)],
      ['Environment', d.environment],
      ['Uploaded', when(d.lastSeen, ctx.now())],
      ['First uploaded', d.firstUploaded !== d.lastSeen ? when(d.firstUploaded, ctx.now()) : undefined],
      ['App version', d.appVersion],
      ['Device', [d.deviceModel, d.osVersion].filter(Boolean).join(', ') || undefined],
      ['Warnings', warnings.length ? warnings.join('; ') : undefined],
    ),
  };
}

/**
 * NO_DEVICES in chat, with the same cause, fix and reasons as the CLI (explainNoDevices). `others` are the
 * certificate IDs the user did upload with, when a certificate filter left nothing.
 */
export function noDevicesReply(app: AppConfig, userId: string, certificateId?: string, others: readonly string[] = []): Reply {
  const none = explainNoDevices(app, userId, certificateId, others);
  const filtered = certificateId !== undefined && others.length > 0;
  return {
    status: 'warning',
    title: filtered ? `No devices for ${userId} with certificate ${certificateId}` : `No devices for ${userId} in ${app.name}`,
    visibility: 'ephemeral',
    blocks: [{ type: 'list', title: 'Usual reasons', items: none.reasons.map((r) => capitalise(r) + '.') }],
    cause: none.cause,
    fix: none.fix,
    code: none.verdict,
  };
}

function deviceCard(ctx: Ctx, principal: Principal, appName: string | undefined, userId: string, cert: string | undefined): Reply {
  requireAccess(ctx, principal, 'push.test', { app: appName, target: userId });
  const app = resolveApp(ctx.config, appName, `/pushcheck ${userId}`);
  const devices = ctx.push.devices(app.name, userId);
  if (devices.length === 0) return noDevicesReply(app, userId);
  const certIds = [...new Set(devices.map((d) => d.certificateId))];
  const selected = cert && certIds.includes(cert) ? cert : undefined;
  const { select, run } = ids(app.name, userId, selected);
  const options: Choice[] = [
    { label: `All certificates (${devices.length} device${devices.length === 1 ? '' : 's'})`, value: ALL_CERTIFICATES },
    ...certIds.map((id) => ({ label: clip(certificateLabel(app, id), 70), value: id })),
  ];
  const shown = selected ? devices.filter((d) => d.certificateId === selected) : devices;
  const actions: Action[] = [
    { type: 'select', id: select, placeholder: 'Certificate to test', options, selected: selected ?? ALL_CERTIFICATES },
    { type: 'button', id: run, label: 'Start testing', style: 'primary' },
  ];
  return {
    status: 'info',
    title: `Devices of ${userId} in ${app.name}`,
    visibility: 'ephemeral',
    blocks: [
      text(`${devices.length} device${devices.length === 1 ? '' : 's'} uploaded. ${selected ? `Testing certificate ${selected} only.` : 'Choose a certificate, or test them all.'} "Start testing" sends a test offline push to ${shown.length === 1 ? 'this device' : shown.length > MAX_TEST_DEVICES ? `the ${MAX_TEST_DEVICES} most recently seen of these ${shown.length} devices (a test run sends to at most ${MAX_TEST_DEVICES})` : `these ${shown.length} devices`}.`),
      ...shown.map((d) => deviceBlock(ctx, app, d)),
    ],
    actions,
  };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

function isProviderDown(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  return (code !== undefined && NETWORK_CODES.has(code)) || err.name === 'AbortError' || err.name === 'TimeoutError';
}

async function runTest(ctx: Ctx, principal: Principal, appName: string, userId: string, cert: string | undefined): Promise<Reply> {
  requireAccess(ctx, principal, 'push.test', { app: appName, target: userId });
  const app = resolveApp(ctx.config, appName, `/pushcheck ${userId}`);
  requireRate(ctx, principal, 'push.test', { app: app.name, target: userId }, { actions: rerun(app.name, userId, cert) });
  const audit = { principal: principalName(principal), action: 'push.test', app: app.name, target: userId };
  let results: PushResult[];
  try {
    results = await ctx.push.test(app.name, userId, { ...(cert && { certificateId: cert }), maxDevices: MAX_TEST_DEVICES });
  } catch (err) {
    if (!isProviderDown(err)) {
      ctx.audit.record({ ...audit, outcome: 'error' });
      throw err;
    }
    const id = correlationId();
    ctx.log.warn({ correlationId: id, err: describeError(err), app: app.name }, 'push provider unreachable');
    ctx.audit.record({ ...audit, outcome: 'provider unreachable' });
    return errorReply('The push provider could not be reached', `imops could not connect to APNs or FCM (${(err as NodeJS.ErrnoException).code ?? (err as Error).name}). Nothing was sent.`,
      'Check that the imops host can reach api.push.apple.com and fcm.googleapis.com (or the providers.* URLs in the config), then try again.',
      { footer: `Correlation ID: ${id}`, actions: rerun(app.name, userId, cert) });
  }
  // Read after the run: what the store holds now is what the next run would test.
  const uploaded = ctx.push.devices(app.name, userId);
  if (results.length === 0) {
    ctx.audit.record({ ...audit, outcome: 'no devices' });
    return noDevicesReply(app, userId, cert, [...new Set(uploaded.map((d) => d.certificateId))]);
  }
  const matching = cert ? uploaded.filter((d) => d.certificateId === cert).length : uploaded.length;
  const skipped = Math.max(0, matching - results.length);
  const passed = results.filter((r) => r.ok).length;
  ctx.audit.record({ ...audit, outcome: `${passed}/${results.length} delivered`, detail: [...new Set(results.map((r) => r.verdict))].join(',') + (skipped > 0 ? `; ${skipped} older not tested` : '') });
  const allDown = results.every((r) => r.verdict === 'PROVIDER_UNAVAILABLE' || r.verdict === 'NETWORK');
  const title = passed === results.length
    ? `Test push delivered: ${passed} of ${results.length} device${results.length === 1 ? '' : 's'} passed`
    : allDown ? `Test push not sent: the push provider is unavailable`
    : `Test push failed on ${results.length - passed} of ${results.length} device${results.length === 1 ? '' : 's'}`;
  return {
    status: passed === results.length ? 'success' : 'failure',
    title,
    visibility: 'ephemeral',
    blocks: [
      text(`UserID ${userId}, app ${app.name}${cert ? `, certificate ${cert}` : ''}.`),
      ...(skipped > 0 ? [text(`Tested the ${results.length} most recently seen of ${matching} devices: a test run sends to at most ${MAX_TEST_DEVICES}, so ${skipped} older device${skipped === 1 ? ' was' : 's were'} not sent a push. Old tokens are usually reinstalls${cert ? '' : '; choose a certificate to test a smaller set'}.`)] : []),
      ...results.map((r): Block => ({
        type: 'item',
        status: r.ok ? 'success' : 'failure',
        title: `${r.ok ? 'PASS' : 'FAIL'} · ${providerFor(r.platform).displayName} · certificate ${r.certificateId} · ${r.verdict}`,
        fields: fieldList(
          ['Token', r.token],
          ['Provider status', r.provider.status !== undefined ? String(r.provider.status) : undefined],
          ['Provider reason', r.provider.reason],
          ['Environment', r.provider.environment],
          ['Message ID', r.id],
        ),
        ...(!r.ok && { cause: r.cause, fix: r.fix }),
      })),
    ],
    actions: rerun(app.name, userId, cert),
  };
}

function rerun(app: string, userId: string, cert: string | undefined): Action[] {
  const id = encodeId(IDS.pushRun, app, cert ?? ALL_CERTIFICATES, userId);
  return id ? [{ type: 'button', id, label: 'Test again' }] : [];
}

/** UserIDs with uploaded devices are device data: only those who may run push checks see them. */
export function autocompleteUserIds(ctx: Ctx, principal: Principal, args: Args, partial: string): Choice[] {
  if (!isAllowed(ctx.config, principal, 'push.test')) return [];
  const names = appNames(ctx.config);
  const app = args.app && names.includes(args.app) ? args.app : names.length === 1 ? names[0] : undefined;
  if (!app) return [];
  return ctx.push.knownUserIds(app, partial, 25).map((u) => ({ label: u, value: u }));
}
