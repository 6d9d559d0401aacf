// Push findings as replies: the device card, NO_DEVICES, and the results of a test run.
import type { DeviceList, PushTestFinding } from '../checks/push.js';
import type { AppConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { explainNoDevices } from '../push/service.js';
import type { Device } from '../push/types.js';
import { clip } from '../text.js';
import type { Catalogue } from '../text/en/index.js';
import { capitalise, when } from './common.js';
import { errorReply, text, type Action, type Block, type Choice, type Field, type Reply } from './reply.js';

function fieldList(...pairs: [string, string | undefined][]): Field[] {
  return pairs.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '').map(([label, value]) => ({ label, value }));
}

export function platformName(t: Catalogue, platform: string): string {
  return t.push.platformNames[platform] ?? platform;
}

export function certificateLabel(t: Catalogue, app: AppConfig, id: string): string {
  const c = app.certificates.find((x) => x.id === id);
  if (!c) return t.push.certificateNotConfigured(id);
  return c.platform === 'apns' ? `${id} · APNs ${c.environment} (${c.bundleId})` : `${id} · ${platformName(t, c.platform)}`;
}

function deviceBlock(t: Catalogue, app: AppConfig, d: Device, nowMs: number): Block {
  const L = t.labels;
  const warnings = [...d.warnings];
  if (!app.certificates.some((c) => c.id === d.certificateId)) warnings.push(t.push.notConfiguredWarning(d.certificateId, app.name));
  return {
    type: 'item',
    status: warnings.length ? 'warning' : 'info',
    title: t.push.deviceTitle(t.push.deviceKinds[d.platform] ?? d.platform, d.certificateId),
    fields: fieldList(
      [L.platform, d.platform],
      [L.certificateId, certificateLabel(t, app, d.certificateId)],
      [L.token, maskToken(d.token)],
      [L.environment, d.environment],
      [L.uploaded, when(d.lastSeen, nowMs)],
      [L.firstUploaded, d.firstUploaded !== d.lastSeen ? when(d.firstUploaded, nowMs) : undefined],
      [L.appVersion, d.appVersion],
      [L.device, [d.deviceModel, d.osVersion].filter(Boolean).join(', ') || undefined],
      [L.warnings, warnings.length ? warnings.join('; ') : undefined],
    ),
  };
}

/** NO_DEVICES, with the same cause, fix and reasons as the CLI. `others`: the certificate IDs the user did upload with. */
export function noDevicesReply(t: Catalogue, app: AppConfig, userId: string, certificateId?: string, others: readonly string[] = []): Reply {
  const none = explainNoDevices(app, userId, certificateId, others);
  const filtered = certificateId !== undefined && others.length > 0;
  return {
    status: 'warning',
    title: filtered ? t.push.noDevicesWithCertTitle(userId, certificateId) : t.push.noDevicesTitle(userId, app.name),
    visibility: 'ephemeral',
    blocks: [{ type: 'list', title: t.labels.usualReasons, items: none.reasons.map((r) => `${capitalise(r)}.`) }],
    cause: none.cause,
    fix: none.fix,
    code: none.verdict,
  };
}

export interface CardActions {
  select: string;
  run: string;
  all: string;
}

/** The user's devices, a certificate select and the button that starts the test. */
export function deviceCard(t: Catalogue, f: DeviceList, selected: string | undefined, ids: CardActions, maxDevices: number, nowMs: number): Reply {
  const { app, userId, devices } = f;
  const certIds = [...new Set(devices.map((d) => d.certificateId))];
  const options: Choice[] = [
    { label: t.push.allCertificates(devices.length), value: ids.all },
    ...certIds.map((id) => ({ label: clip(certificateLabel(t, app, id), 70), value: id })),
  ];
  const shown = selected ? devices.filter((d) => d.certificateId === selected) : devices;
  const actions: Action[] = [
    { type: 'select', id: ids.select, placeholder: t.push.certificateToTest, options, selected: selected ?? ids.all },
    { type: 'button', id: ids.run, label: t.push.startTesting, style: 'primary' },
  ];
  return {
    status: 'info',
    title: t.push.devicesTitle(userId, app.name),
    visibility: 'ephemeral',
    blocks: [text(t.push.cardIntro(devices.length, selected, shown.length, maxDevices)), ...shown.map((d) => deviceBlock(t, app, d, nowMs))],
    actions,
  };
}

export function testResultsReply(t: Catalogue, f: PushTestFinding, maxDevices: number, rerun: Action[]): Reply {
  if (f.kind === 'unreachable') {
    return errorReply(t.push.unreachable.title, t.push.unreachable.cause(f.code), t.push.unreachable.fix, { actions: rerun });
  }
  const { app, userId, certificateId: cert, results, skipped } = f;
  if (results.length === 0) return noDevicesReply(t, app, userId, cert, f.uploadedWith);
  const passed = results.filter((r) => r.ok).length;
  const allDown = results.every((r) => r.verdict === 'PROVIDER_UNAVAILABLE' || r.verdict === 'NETWORK');
  const title = passed === results.length ? t.push.resultsTitle.allPassed(passed, results.length)
    : allDown ? t.push.resultsTitle.allDown
    : t.push.resultsTitle.failed(results.length - passed, results.length);
  const L = t.labels;
  return {
    status: passed === results.length ? 'success' : 'failure',
    title,
    visibility: 'ephemeral',
    blocks: [
      text(t.push.resultsIntro(userId, app.name, cert)),
      ...(skipped > 0 ? [text(t.push.skippedNote(results.length, results.length + skipped, maxDevices, skipped, cert !== undefined))] : []),
      ...results.map((r): Block => ({
        type: 'item',
        status: r.ok ? 'success' : 'failure',
        title: t.push.resultTitle(r.ok, platformName(t, r.platform), r.certificateId, r.verdict),
        fields: fieldList(
          [L.token, r.token],
          [L.providerStatus, r.provider.status !== undefined ? String(r.provider.status) : undefined],
          [L.providerReason, r.provider.reason],
          [L.environment, r.provider.environment],
          [L.messageId, r.id],
        ),
        ...(!r.ok && { cause: r.cause, fix: r.fix }),
      })),
    ],
    actions: rerun,
  };
}
