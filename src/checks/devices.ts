// The device use cases: a client (or an admin) reports a device, removes devices, and someone lists them.
import type { AppConfig, ApnsEnvironment } from '../config/types.js';
import { evictionWarnings, unknownCertificateUpload, uploadWarnings, type AssumedFrom } from '../push/devices.js';
import type { Device, PushPlatform } from '../push/types.js';
import type { DeviceStore } from '../store/ports.js';
import type { Check, CheckDeps } from './check.js';
import { requireApp } from './refusal.js';
import { say, type Text } from '../text/index.js';

function store(deps: CheckDeps): DeviceStore {
  if (!deps.devices) throw new Error('this surface has no device store');
  return deps.devices;
}

/** What a client app reported after login (the upload API's body, or `imops devices add`'s flags). */
export interface DeviceReport {
  certificateId: string;
  token: string;
  platform?: PushPlatform;
  environment?: ApnsEnvironment;
  bundleId?: string;
  appVersion?: string;
  deviceModel?: string;
  osVersion?: string;
}

export interface ReportInput {
  app: AppConfig;
  userId: string;
  report: DeviceReport;
  /** Body fields that are not part of a report: stored as a warning so the client developer sees them. */
  ignoredFields?: string[];
}

export interface DeviceReported {
  app: AppConfig;
  device: Device;
  created: boolean;
  /** Stored with the device: what the test push will run into. */
  warnings: Text[];
  /** Devices of the same user forgotten to make room (the per-user cap), with what the answer says of them. */
  evicted: Device[];
  evictionWarnings: Text[];
  /** Set when the certificate ID is not configured: where the stored platform came from. */
  unknownCertificate?: { platformFrom: AssumedFrom };
}

/**
 * Store what the client reports, even when it looks wrong (design.md: showing what was really uploaded is the
 * point of the check), with warnings that say in advance what a test push will run into.
 */
export const reportDeviceCheck: Check<ReportInput, ReportInput, DeviceReported> = {
  name: 'devices.report',
  target: (i) => ({ app: i.app.name, target: i.userId }),
  prepare: (_deps, input) => input,
  async run(deps, { app, userId, report, ignoredFields = [] }) {
    const cert = app.certificates.find((c) => c.id === report.certificateId);
    const unknown = cert ? undefined : unknownCertificateUpload(app, report.certificateId, report);
    const ignored = ignoredFields.map((f) => say((t) => t.pushWords.common.upload.ignoredField(f)));
    const warnings = [...(cert ? uploadWarnings(cert, report) : unknown!.warnings), ...ignored];
    const devices = store(deps);
    // The store applies writes in call order: nothing may await between here and the call, or a removal
    // pipelined behind this report could overtake it.
    const { device, created, evicted } = await devices.upsert({
      app: app.name,
      userId,
      certificateId: report.certificateId,
      // What the client said, even when it contradicts the certificate: the check shows and explains it.
      platform: report.platform ?? cert?.platform ?? unknown!.platform,
      token: report.token,
      ...(report.environment !== undefined && { environment: report.environment }),
      ...(report.bundleId !== undefined && { bundleId: report.bundleId }),
      ...(report.appVersion !== undefined && { appVersion: report.appVersion }),
      ...(report.deviceModel !== undefined && { deviceModel: report.deviceModel }),
      ...(report.osVersion !== undefined && { osVersion: report.osVersion }),
      warnings,
    });
    return {
      app,
      device,
      created,
      warnings,
      evicted,
      evictionWarnings: evictionWarnings(evicted, devices.maxPerUser),
      ...(unknown && { unknownCertificate: { platformFrom: unknown.from } }),
    };
  },
  audit: (i, f) => ({
    app: i.app.name,
    target: i.userId,
    outcome: f.created ? 'created' : 'updated',
    detail: `certificate ${i.report.certificateId}${f.evicted.length ? `; ${f.evicted.length} old device evicted` : ''}`,
  }),
};

/** Logout: one token of the user, or all of them (`token` absent). */
export const removeDevicesCheck: Check<
  { app: AppConfig; userId: string; token?: string },
  { app: AppConfig; userId: string; token?: string },
  { removed: number }
> = {
  name: 'devices.remove',
  target: (i) => ({ app: i.app.name, target: i.userId }),
  prepare: (_deps, input) => input,
  async run(deps, { app, userId, token }) {
    return { removed: await store(deps).remove(app.name, userId, token) };
  },
};

// Listing

export interface DevicesInput {
  app?: string;
  userId: string;
}

export interface DeviceList {
  app: AppConfig;
  userId: string;
  /** Most recently seen first. */
  devices: Device[];
}

export const listDevicesCheck: Check<DevicesInput, DevicesInput & { appConfig: AppConfig }, DeviceList> = {
  name: 'devices.list',
  access: 'push.test',
  target: (i) => ({ app: i.app, target: i.userId }),
  prepare: (deps, input) => ({ ...input, appConfig: requireApp(deps.config, input.app) }),
  async run(deps, p) {
    if (!deps.push) throw new Error('this surface has no push service');
    return { app: p.appConfig, userId: p.userId, devices: await deps.push.devices(p.appConfig.name, p.userId) };
  },
};
