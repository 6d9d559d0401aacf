// Push findings as replies: the device card, NO_DEVICES, and the results of a test run.
import type { DeviceList } from '../checks/devices.js';
import type { CertificatesFinding, PushTestFinding } from '../checks/push.js';
import type { AppConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { isPlatform, providerFor, providerNames } from '../push/providers/index.js';
import type { Device, HealthLevel } from '../push/types.js';
import { clip } from '../text.js';
import type { Catalogue } from '../text/en/index.js';
import { inLocale } from '../text/words.js';
import { command, when } from './common.js';
import { errorReply, text, type Action, type Block, type Choice, type Field, type Reply, type Status } from './reply.js';

function fieldList(...pairs: [string, string | undefined][]): Field[] {
  return pairs.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '').map(([label, value]) => ({ label, value }));
}

/** A provider by name, as the reader's catalogue writes it. A stored platform imops no longer knows is shown as it is. */
export function platformName(t: Catalogue, platform: string): string {
  return isPlatform(platform) ? t.providers[platform].names.display : platform;
}

function deviceLabel(t: Catalogue, platform: string): string {
  return isPlatform(platform) ? t.providers[platform].names.device : platform;
}

/** "10086 · APNs production, com.example.app" */
export function certificateLabel(t: Catalogue, app: AppConfig, id: string): string {
  const c = app.certificates.find((x) => x.id === id);
  return c ? `${id} · ${inLocale(providerFor(c.platform).describeCertificate(c), t)}` : t.push.certificateNotConfigured(id);
}

function deviceBlock(t: Catalogue, app: AppConfig, d: Device, nowMs: number): Block {
  const L = t.labels;
  const warnings = d.warnings.map((w) => inLocale(w, t));
  if (!app.certificates.some((c) => c.id === d.certificateId)) warnings.push(t.push.notConfiguredWarning(d.certificateId, app.name));
  return {
    type: 'item',
    status: warnings.length ? 'warning' : 'info',
    title: t.push.deviceTitle(deviceLabel(t, d.platform), d.certificateId),
    fields: fieldList(
      [L.platform, d.platform],
      [L.certificateId, certificateLabel(t, app, d.certificateId)],
      [L.token, maskToken(d.token)],
      [L.environment, d.environment],
      [L.uploaded, when(t, d.lastSeen, nowMs)],
      [L.firstUploaded, d.firstUploaded !== d.lastSeen ? when(t, d.firstUploaded, nowMs) : undefined],
      [L.appVersion, d.appVersion],
      [L.device, [d.deviceModel, d.osVersion].filter(Boolean).join(', ') || undefined],
      [L.warnings, warnings.length ? t.pushWords.common.warningsLine(warnings) : undefined],
    ),
  };
}

export interface NoDevices {
  verdict: 'NO_DEVICES';
  cause: string;
  fix: string;
  reasons: readonly string[];
}

/**
 * Why a UserID has nothing to test, for every surface that says NO_DEVICES. `others` are the certificate IDs the
 * user did upload with, when a certificate filter left nothing.
 */
export function explainNoDevices(t: Catalogue, app: AppConfig, userId: string, certificateId?: string, others: readonly string[] = []): NoDevices {
  const w = t.push.noDevices;
  if (certificateId !== undefined && others.length > 0) {
    const ids = [...new Set(others)].sort();
    return { verdict: 'NO_DEVICES', cause: w.otherCause(userId, certificateId, ids), fix: w.otherFix(ids), reasons: [w.otherCertificateReason, ...w.reasons] };
  }
  return { verdict: 'NO_DEVICES', cause: w.cause(userId, app.name, app.sdkAppId), fix: w.fix, reasons: w.reasons };
}

/** NO_DEVICES, with the same cause, fix and reasons as the CLI. `others`: the certificate IDs the user did upload with. */
export function noDevicesReply(t: Catalogue, app: AppConfig, userId: string, certificateId?: string, others: readonly string[] = []): Reply {
  const none = explainNoDevices(t, app, userId, certificateId, others);
  const filtered = certificateId !== undefined && others.length > 0;
  return {
    status: 'warning',
    title: filtered ? t.push.noDevicesWithCertTitle(userId, certificateId) : t.push.noDevicesTitle(userId, app.name),
    visibility: 'ephemeral',
    blocks: [{ type: 'list', title: t.labels.usualReasons, items: none.reasons.map((r) => t.pushWords.common.sentence(r)) }],
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
export function deviceCard(t: Catalogue, f: DeviceList, selected: string | undefined, ids: CardActions | undefined, maxDevices: number, nowMs: number): Reply {
  const { app, userId, devices } = f;
  const shown = selected ? devices.filter((d) => d.certificateId === selected) : devices;
  const items = shown.map((d) => deviceBlock(t, app, d, nowMs));
  const title = t.push.devicesTitle(userId, app.name);
  // The terminal has no buttons: it says which command tests the devices instead.
  if (!ids)
    return {
      status: 'info',
      title,
      visibility: 'ephemeral',
      blocks: [text(t.push.terminalIntro(devices.length, command('terminal', `push test ${userId}`))), ...items],
    };
  const certIds = [...new Set(devices.map((d) => d.certificateId))];
  const options: Choice[] = [
    { label: t.push.allCertificates(devices.length), value: ids.all },
    ...certIds.map((id) => ({ label: clip(certificateLabel(t, app, id), 70), value: id })),
  ];
  const actions: Action[] = [
    { type: 'select', id: ids.select, placeholder: t.push.certificateToTest, options, selected: selected ?? ids.all },
    { type: 'button', id: ids.run, label: t.push.startTesting, style: 'primary' },
  ];
  return {
    status: 'info',
    title,
    visibility: 'ephemeral',
    blocks: [text(t.push.cardIntro(devices.length, selected, shown.length, maxDevices)), ...items],
    actions,
  };
}

export function testResultsReply(t: Catalogue, f: PushTestFinding, maxDevices: number, rerun: Action[], nowMs: number): Reply {
  if (f.kind === 'unreachable') {
    const cert = f.app.certificates.find((c) => c.id === f.certificateId);
    const provider = cert ? platformName(t, cert.platform) : t.pushWords.common.allProviders(providerNames(t));
    return errorReply(t.push.unreachable.title, t.push.unreachable.cause(f.code, provider), t.push.unreachable.fix(provider), { actions: rerun });
  }
  const { app, userId, certificateId: cert, results, skipped } = f;
  if (results.length === 0) return noDevicesReply(t, app, userId, cert, f.uploadedWith);
  const passed = results.filter((r) => r.ok).length;
  const allDown = results.every((r) => r.verdict === 'PROVIDER_UNAVAILABLE' || r.verdict === 'NETWORK');
  const title =
    passed === results.length
      ? t.push.resultsTitle.allPassed(passed, results.length)
      : allDown
        ? t.push.resultsTitle.allDown
        : t.push.resultsTitle.failed(results.length - passed, results.length);
  const L = t.labels;
  return {
    status: passed === results.length ? 'success' : 'failure',
    title,
    visibility: 'ephemeral',
    blocks: [
      text(t.push.resultsIntro(userId, app.name, cert)),
      ...(skipped > 0 ? [text(t.push.skippedNote(results.length, results.length + skipped, maxDevices, skipped, cert !== undefined))] : []),
      ...results.map((r, i): Block => {
        // Results come in the order the devices were listed; match on the masked token in case one changed since.
        const d = f.tested[i] && maskToken(f.tested[i].token) === r.token ? f.tested[i] : undefined;
        return {
          type: 'item',
          status: r.ok ? 'success' : 'failure',
          title: t.push.resultTitle(r.ok, platformName(t, r.platform), r.certificateId, r.verdict),
          fields: fieldList(
            [L.token, r.token],
            [L.providerStatus, r.provider.status !== undefined ? String(r.provider.status) : undefined],
            [L.providerReason, r.provider.reason],
            [L.environment, r.provider.environment],
            [L.messageId, r.id],
            [L.appVersion, d?.appVersion],
            [L.uploaded, d && when(t, d.lastSeen, nowMs)],
            [L.warnings, d?.warnings.length ? t.pushWords.common.warningsLine(d.warnings.map((w) => inLocale(w, t))) : undefined],
          ),
          ...(!r.ok && { cause: inLocale(r.cause, t), fix: inLocale(r.fix, t) }),
        };
      }),
    ],
    actions: rerun,
  };
}

const HEALTH_STATUS: Record<HealthLevel, Status> = { ok: 'success', warning: 'warning', failure: 'failure' };

/** Credential health of an app's certificates: one item each, problems with their fixes. */
export function certificatesReply(t: Catalogue, f: CertificatesFinding): Reply {
  const { app, health } = f;
  const count = (level: HealthLevel) => health.filter((h) => h.level === level).length;
  const status: Status = count('failure') > 0 ? 'failure' : count('warning') > 0 ? 'warning' : 'success';
  return {
    status,
    title: t.push.certificatesTitle(app.name, count('ok'), count('warning'), count('failure')),
    visibility: 'ephemeral',
    blocks: health.map((h): Block => {
      const cert = app.certificates.find((c) => c.id === h.certificateId);
      return {
        type: 'item',
        status: HEALTH_STATUS[h.level],
        title: t.push.certificateTitle(h.level, cert ? certificateLabel(t, app, cert.id) : `${h.certificateId} · ${platformName(t, h.platform)}`),
        fields: [
          { label: t.labels.checked, value: inLocale(h.summary, t) },
          ...h.problems.flatMap((p) => [
            { label: p.level === 'failure' ? t.labels.problem : t.labels.warning, value: inLocale(p.problem, t) },
            { label: t.labels.fix, value: inLocale(p.fix, t) },
          ]),
        ],
      };
    }),
  };
}
