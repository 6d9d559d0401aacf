// The push provider registry. A new provider is one folder next to this file and one entry in PROVIDERS; config
// loading, preflight, the tester, upload warnings and every answer that names a platform go through here.
import type { ProviderSettingsBase, PushProvider, CertificateFacts, Inspection } from './types.js';
import { en, say, type Catalogue, type Words } from '../../text/index.js';
import { apns } from './apns/index.js';
import { fcm } from './fcm/index.js';
import { honor } from './honor/index.js';
import { huawei } from './huawei/index.js';
import { meizu } from './meizu/index.js';
import { oppo } from './oppo/index.js';
import { vivo } from './vivo/index.js';
import { xiaomi } from './xiaomi/index.js';

export const PROVIDERS = [apns, fcm, huawei, honor, xiaomi, oppo, vivo, meizu] as const;

type Registered = (typeof PROVIDERS)[number];

/** `apns`, `fcm`, …: the `platform` of certificates and devices. */
export type PushPlatform = Registered['id'];
/** A configured certificate entry of any registered provider. */
export type CertificateConfig = Parameters<Registered['describeCertificate']>[0];
/** The `providers:` section: one block per registered provider. */
export type ProvidersConfig = { [P in Registered as P['id']]: P['defaults'] };

/** A provider seen through the registry: its certificate is whichever the `platform` it was chosen by names. */
export type RegisteredProvider = PushProvider<PushPlatform, CertificateConfig, ProviderSettingsBase, unknown, unknown, unknown>;

export const PLATFORMS: readonly PushPlatform[] = PROVIDERS.map((p) => p.id);

const BY_ID: ReadonlyMap<string, RegisteredProvider> = new Map<string, RegisteredProvider>(PROVIDERS.map((p) => [p.id, p]));

export function isPlatform(value: unknown): value is PushPlatform {
  return typeof value === 'string' && BY_ID.has(value);
}

/** The provider of a certificate's or device's platform. */
export function providerFor(platform: PushPlatform): RegisteredProvider {
  const provider = BY_ID.get(platform);
  if (!provider) throw new Error(`no push provider is registered for platform ${JSON.stringify(platform)}`);
  return provider;
}

export const DEFAULT_PROVIDERS = Object.fromEntries(PROVIDERS.map((p) => [p.id, p.defaults])) as ProvidersConfig;

/** "apns or fcm", "apns, fcm, huawei or honor": for messages that list the platforms (English by default: config errors). */
export function platformList(t: Catalogue = en): string {
  return t.pushWords.common.orList(PLATFORMS);
}

/** "APNs, FCM, Huawei Push Kit, …": every registered provider by name, for sentences that must not list two. */
export function providerNames(t: Catalogue = en): string {
  return t.pushWords.common.list(PLATFORMS.map((p) => t.providers[p].names.display));
}

/** "10086 (APNs production, com.example.app)", "20001 (FCM)": how every answer names a configured certificate. */
export function describeCertificate(c: CertificateConfig): Words {
  return say((t, $) => t.pushWords.common.certificate(c.id, $(providerFor(c.platform).describeCertificate(c))));
}

/** What a client developer needs to pick the right certificate ID; nothing about the credential itself. */
export function certificateFacts(c: CertificateConfig): CertificateFacts {
  return providerFor(c.platform).certificateFacts(c);
}

/** One certificate's credential health (`now` in ms, for tests). */
export function inspectCertificate(c: CertificateConfig, now: number = Date.now()): Promise<Inspection> {
  return providerFor(c.platform).inspect(c, now);
}

export async function checkCertificate(c: CertificateConfig, now: number = Date.now()) {
  return (await inspectCertificate(c, now)).health;
}
