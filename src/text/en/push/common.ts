// The words of the push check outside any one provider: preflight, token shape, upload warnings, the tester.
// Providers are named by their `names` (t.providers[platform].names), passed in by the caller.
import type { ProviderNames } from './names.js';

/** A certificate ID the app does not have in imops (`configured`: each configured one, already described). */
export interface UnknownCertificateFacts {
  id: string;
  app: string;
  sdkAppId: number;
  configured: readonly string[];
}

/** Where the platform stored for a device under an unconfigured certificate ID came from. */
export type PlatformFrom = 'report' | 'token' | 'guess';

const list = (items: readonly string[]) => items.join(', ');
const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

const unknownProblem = (u: UnknownCertificateFacts) => {
  const where = `app ${u.app} (SDKAppID ${u.sdkAppId})`;
  return u.configured.length
    ? `certificate ID ${JSON.stringify(u.id)} is not configured for ${where}; configured: ${list(u.configured)}`
    : `certificate ID ${JSON.stringify(u.id)} is not configured: ${where} has no push certificates in imops`;
};

const unknownFix = (u: UnknownCertificateFacts) =>
  u.configured.length
    ? `use one of the configured certificate IDs with the token (the sandbox one for debug builds, the production one for release builds), or add certificate ${JSON.stringify(u.id)} to imops.yml if it is a new one from the IM console`
    : 'add the push certificates from the IM console (Push > Access settings) under the app in imops.yml';

/** "any push token imops knows (APNs, FCM, …)": `names` lists every registered provider. */
const unknownToken = (names: string) => `does not look like any push token imops knows (${names})`;

export const common = {
  /** Names and descriptions one after another: "APNs, FCM, Huawei Push Kit". */
  list,
  /** A choice among values: "apns, fcm or huawei". */
  orList: (items: readonly string[]) => (items.length < 2 ? items.join('') : `${list(items.slice(0, -1))} or ${items[items.length - 1]}`),
  /** A clause (lower-case, no full stop) as a sentence of its own: list items. */
  sentence: (clause: string) => `${capitalise(clause)}.`,
  /** Several warnings on one line (a device's field). */
  warningsLine: (warnings: readonly string[]) => warnings.join('; '),
  /** "10086 (APNs production, com.example.app)": how every answer names a configured certificate. */
  certificate: (id: string, description: string) => `${id} (${description})`,
  /** Every push provider, when no certificate says which one: "the push providers (APNs, FCM, …)". */
  allProviders: (names: string) => `the push providers (${names})`,
  /** A certificate's credential in a watch round's summary line. */
  credentialState: { ok: 'ok', bad: 'bad' } as Record<'ok' | 'bad', string>,

  /** A certificate ID the app does not have in imops: for the CLI, a test push, and an upload's warnings. */
  unknownCertificate: {
    /** A clause: lower-case, no full stop (it is run on in other sentences). */
    problem: unknownProblem,
    /** A clause: lower-case, no full stop. */
    fix: unknownFix,
    /** The test push's UNKNOWN_CERTIFICATE. */
    cause: (u: UnknownCertificateFacts) => `The app uploaded this token with ${unknownProblem(u)}.`,
    fixSentence: (u: UnknownCertificateFacts) => `${capitalise(unknownFix(u))}.`,
  },

  /** A test push stopped before anything was sent. */
  preflight: {
    expoCause: (certificateId: string, p: ProviderNames) =>
      `Certificate ${certificateId} is ${p.article} ${p.display} certificate, but the token is an Expo push token, which ${p.display} cannot use.`,
    expoFix: (p: ProviderNames) => `Make the app upload its native ${p.display} token (getDevicePushTokenAsync), not the Expo token.`,
    /** The token is another provider's (`token`) than the certificate's (`cert`). */
    otherTokenCause: (certificateId: string, cert: ProviderNames, token: ProviderNames) =>
      `Certificate ${certificateId} is ${cert.article} ${cert.display} certificate, but the token looks like ${token.token}: the app uploaded its ${token.device} token with the ${cert.device} certificate ID.`,
    /** `listed`: the configured certificates of the token's provider. */
    otherTokenFix: (certificateId: string, cert: ProviderNames, token: ProviderNames, listed: readonly string[]) =>
      `Upload ${token.display} tokens with ${token.article} ${token.display} certificate ID${listed.length ? ` (${list(listed)})` : ' (none is configured; add one to imops.yml)'}, and upload ${cert.tokenSource} with ${certificateId}.`,
    /** The device was uploaded as another platform (`reported`) than the certificate's. */
    otherPlatformCause: (certificateId: string, reported: ProviderNames, cert: ProviderNames) =>
      `The device was uploaded as ${reported.device}, but certificate ${certificateId} is for ${cert.device}.`,
    otherPlatformFix: (reported: ProviderNames, listed: readonly string[]) =>
      `Upload the token with an ${reported.device} certificate ID: ${list(listed) || 'none is configured; add one to imops.yml'}.`,
    /** `problem`: the credential check's first failure, when there is one. */
    unusableCause: (certificateId: string, problem: string | undefined) =>
      `Nothing was sent: certificate ${certificateId} cannot be used. ${problem ?? 'Its credential could not be loaded.'}`,
    unusableFix: 'Run `imops push certs` to see every problem with this certificate.',
  },

  /** The tester's own answers. */
  tester: {
    /** A sweep of a vendor without a dry run: the token's shape is wrong (`problems`: sentences). */
    noDryRunBadTokenCause: (p: ProviderNames, problems: readonly string[]) =>
      `Nothing was sent (${p.display} has no dry run): the token does not look like ${p.token}: ${problems.join(' ')}`,
    noDryRunBadTokenFix: (certificateId: string, p: ProviderNames) => `Upload ${p.tokenSource} with certificate ${certificateId}.`,
    noDryRunOkCause: (certificateId: string, p: ProviderNames) =>
      `Nothing was sent (${p.display} has no dry run): the credential of certificate ${certificateId} is usable and the token looks right.`,
    noDryRunOkFix: 'Nothing to fix that can be seen without sending; `imops push test` sends a visible test notification.',
    unexpectedCause: 'imops failed while sending the test push (an unexpected error; it is in the imops log).',
    unexpectedFix: 'Run the check again; if it repeats, report it to the imops maintainers with the log line.',
    /** A certificate's summary with what the provider said when asked (`push certs --live`). */
    withLive: (summary: string, live: string) => `${summary}; live: ${live}`,
  },

  /** What a token's text alone shows (each a sentence). `names`: every provider imops knows, listed. */
  token: {
    empty: 'The token is empty: the app uploaded no token at all.',
    padded: 'The token has spaces or line breaks around it; the app should send the token alone.',
    quoted: 'The token is wrapped in quotes; the app should send the token without them.',
    control: 'The token contains control characters, so it was corrupted on the way.',
    urlEncoded: 'The token is URL-encoded (it contains %XX); the app should send it decoded.',
    expo: (names: string) =>
      `This is an Expo push token (ExponentPushToken[…]): it works only through Expo's push service, not directly with any push provider imops knows (${names}); the app must upload its native device token (getDevicePushTokenAsync).`,
    unknownWithSpaces: (names: string) => `The token contains spaces, so it ${unknownToken(names)}.`,
    unknown: (names: string) => `The token ${unknownToken(names)}.`,
  },

  /** Warnings stored with an uploaded device (and the upload's answer). */
  upload: {
    reportedPlatform: (reported: string, certificateId: string, cert: ProviderNames) =>
      `The app reported platform ${reported} but certificate ${certificateId} is ${cert.article} ${cert.display} certificate: it uploaded with the wrong certificate ID.`,
    otherToken: (certificateId: string, cert: ProviderNames, token: ProviderNames) =>
      `The token looks like ${token.token} but certificate ${certificateId} is ${cert.article} ${cert.display} certificate: the app uploaded its ${token.display} token with the ${cert.display} certificate ID.`,
    /** Stored under a certificate ID that is not configured. */
    storedUnknown: (u: UnknownCertificateFacts) =>
      `Stored, but ${unknownProblem(u)}. A test push to this device will report UNKNOWN_CERTIFICATE until the app uploads with a configured ID or the certificate is added to imops.yml.`,
    storedAs: (p: ProviderNames, from: PlatformFrom) =>
      `Stored as ${p.article} ${p.display} device (${
        { report: 'as the app reported', token: 'because the token looks like one', guess: 'a guess: neither the app nor the token says which' }[from]
      }).`,
    ignoredField: (field: string) => `The field "${field}" is not part of a device report and was ignored.`,
    /** An upload's answer: another device of the user was forgotten to make room. */
    evicted: (max: number, p: ProviderNames, certificateId: string, token: string, lastSeen: string) =>
      `This UserID already had ${max} devices, the most imops keeps per user: its least recently seen device (${p.display}, certificate ${certificateId}, token ${token}, last seen ${lastSeen}) was removed to make room. Apps should DELETE /v1/devices at logout so that old tokens do not pile up.`,
  },

  /** A credential file, read by every provider's check (`what`: "APNs key file", "service account file"…). */
  credentialFile: {
    unreadable: (what: string, path: string, code: string) => `The ${what} ${path} cannot be read (${code}).`,
    readableByOthers: (what: string, path: string, mode: string) =>
      `The ${what} ${path} is readable by other users of this server (mode ${mode}); restrict it with chmod 600 ${path}.`,
    readableByOthersFix: (path: string) => `Run \`chmod 600 ${path}\`, owned by the user imops runs as: the file holds a private key.`,
  },
};
