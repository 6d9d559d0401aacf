// The words of apns's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

/** An APNs environment, as imops.yml spells it. */
type Env = 'production' | 'sandbox';

/** Which builds of an app register with an APNs environment (their tokens belong to it). */
const BUILD_KIND: Record<Env, string> = {
  sandbox: 'development build (run from Xcode, or a debug build)',
  production: 'TestFlight, Ad Hoc or App Store build',
};

const other = (env: Env): Env => (env === 'production' ? 'sandbox' : 'production');

export const apns = {
  names: {
    display: 'APNs',
    article: 'an',
    device: 'iOS (APNs)',
    credentialKind: 'key or certificate',
    token: 'an APNs device token (hex)',
    tokenSource: 'the APNs device token from didRegisterForRemoteNotificationsWithDeviceToken',
  } satisfies ProviderNames as ProviderNames,

  /** "APNs production, com.example.app": a certificate named without its ID. */
  certificate: (env: Env, bundleId: string) => `APNs ${env}, ${bundleId}`,

  /** Every `reason` Apple lists (push-failures.md §1.2). */
  reasons: {
    BadCollapseId: {
      cause: 'APNs rejected the apns-collapse-id header: it is longer than 64 bytes.',
      fix: 'This is a sender bug, not a device problem: hash or shorten the collapse ID to at most 64 bytes.',
    },
    BadDeviceToken: {
      cause:
        'APNs rejected the device token in both environments: it is not a token APNs knows (corrupted, truncated, base64 instead of hex, or not an APNs token at all).',
      fix: 'Ask the user to reinstall or log in again so the app uploads a fresh token from didRegisterForRemoteNotificationsWithDeviceToken (hex, usually 64 characters).',
    },
    BadExpirationDate: {
      cause: 'APNs rejected the apns-expiration header: it is not a UNIX time in seconds.',
      fix: 'Send the expiration as whole epoch seconds (0 = deliver once, do not store).',
    },
    BadMessageId: {
      cause: 'APNs rejected the apns-id header: it is not a canonical UUID.',
      fix: 'Send a lowercase 8-4-4-4-12 UUID, or leave the header out and let APNs assign one.',
    },
    BadPriority: {
      cause: 'APNs rejected the apns-priority header: only 10, 5 and 1 are allowed.',
      fix: 'Use priority 10 for alerts, 5 for background (content-available) pushes.',
    },
    BadTopic: {
      cause: 'APNs rejected the apns-topic: the bundle ID configured for this certificate is misspelled, or has the wrong suffix for the push type.',
      fix: "Set bundleId of this certificate in imops.yml to the app's exact bundle ID (Xcode > target > Signing & Capabilities), without .voip or other suffixes for alerts.",
    },
    DeviceTokenNotForTopic: {
      cause: 'The token belongs to another app: it was issued for a different bundle ID (for example a dev flavour com.x.dev vs com.x) or another team.',
      fix: 'Check which build the user runs: upload its token with the certificate ID configured for that bundle ID, or configure a certificate for the bundle ID the build uses.',
    },
    DuplicateHeaders: {
      cause: 'APNs saw the same header twice in the request, which usually means a proxy in between duplicated headers.',
      fix: 'Check any HTTP proxy between imops and APNs (providers.apns.productionUrl / sandboxUrl); send directly to Apple to confirm.',
    },
    IdleTimeout: {
      cause: 'APNs closed the connection because it was idle for too long.',
      fix: 'Run the check again: imops opens a new connection. If it keeps happening, a proxy is holding idle connections open.',
    },
    InvalidPushType: {
      cause: 'APNs rejected the apns-push-type header: the value is unknown or does not fit the topic.',
      fix: 'Send apns-push-type alert to the plain bundle ID; other push types need their own topic suffix.',
    },
    MissingDeviceToken: {
      cause: 'The request had no device token: the app uploaded an empty token.',
      fix: "Fix the app's upload: it must send the token from didRegisterForRemoteNotificationsWithDeviceToken after login.",
    },
    MissingTopic: {
      cause: 'APNs needs an apns-topic for token (.p8) authentication and multi-topic certificates, and none was sent.',
      fix: 'Set bundleId for this certificate in imops.yml.',
    },
    PayloadEmpty: {
      cause: 'APNs received an empty notification body.',
      fix: 'This is a sender bug: send a JSON payload with an aps dictionary.',
    },
    TopicDisallowed: {
      cause: 'APNs does not allow pushes to this topic: push notifications are not enabled for the App ID, or the topic is restricted.',
      fix: 'Enable the Push Notifications capability for the App ID in the Apple Developer portal, and check bundleId in imops.yml.',
    },
    BadCertificate: {
      cause:
        'APNs refused the client certificate: it is revoked, corrupted, not paired with its key, or not an APNs certificate (e.g. an iOS Distribution certificate).',
      fix: 'Create a new "Apple Push Notification service SSL (Sandbox & Production)" certificate, or move to a .p8 token key, and update it in place in the IM console so the certificate ID stays the same.',
    },
    BadCertificateEnvironment: {
      cause: 'The certificate is for the other APNs environment (a "Development" certificate used against production, or the reverse).',
      fix: 'Use a universal "Apple Push Services" certificate, or set this certificate\'s environment in imops.yml to the one it was issued for.',
    },
    ExpiredProviderToken: {
      cause: 'APNs says the signed provider token (JWT) is older than one hour; usually the clock of the sending server is wrong.',
      fix: 'Sync the server clock (NTP) and run the check again; imops signs a fresh token.',
    },
    Forbidden: {
      cause: 'The credential is not allowed to push to this topic: the key or certificate belongs to another team, or its access was revoked.',
      fix: 'Check in the Apple Developer portal that the key/certificate and the App ID belong to the same team, and that the key is not revoked.',
    },
    InvalidProviderToken: {
      cause:
        "APNs could not verify the provider token: the Key ID or Team ID is wrong, the .p8 does not belong to that Key ID, the key is revoked, or the bundle ID is outside the key's team or scope.",
      fix: 'Compare keyId and teamId in imops.yml with Apple Developer > Keys and Membership, and use the .p8 downloaded for that key ID.',
    },
    MissingProviderToken: {
      cause:
        'APNs got neither a provider token nor a client certificate: the credential never reached APNs (a TLS-terminating proxy can strip the client certificate).',
      fix: "Check the certificate's auth settings in imops.yml, and that no proxy terminates TLS between imops and APNs.",
    },
    UnrelatedKeyIdInToken: {
      cause: 'The Key ID differs from the one the first push on this connection used: keys from several teams were mixed on one connection.',
      fix: "Run the check again on a fresh connection; if it repeats, give each team's key its own certificate entry in imops.yml.",
    },
    BadEnvironmentKeyInToken: {
      cause: 'The .p8 key is restricted to the other APNs environment (Apple lets a key be limited to Sandbox or Production).',
      fix: "Use a key enabled for this certificate's environment (or for both) in Apple Developer > Keys, or set the certificate's environment to the one the key allows.",
    },
    BadEnvironmentKeyIdInToken: {
      cause: 'The .p8 key is restricted to the other APNs environment (Apple lets a key be limited to Sandbox or Production).',
      fix: "Use a key enabled for this certificate's environment (or for both) in Apple Developer > Keys, or set the certificate's environment to the one the key allows.",
    },
    BadPath: {
      cause: 'APNs did not recognise the request path: something between imops and APNs rewrote the URL.',
      fix: 'Check providers.apns.productionUrl / sandboxUrl: they must be the bare host (https://api.push.apple.com), with no path.',
    },
    MethodNotAllowed: {
      cause: 'APNs accepts only POST, and received another method: a proxy changed the request.',
      fix: 'Check the proxy configured in providers.apns; send directly to Apple to confirm.',
    },
    ExpiredToken: {
      cause: 'The device token has expired: it is old and APNs no longer accepts it.',
      fix: 'Delete this token; the user must open the app (logged in) so it registers and uploads a new one.',
    },
    Unregistered: {
      cause: 'The token is no longer active: the app was uninstalled, or notifications were reset on the device, at the time shown.',
      fix: 'Delete this token; pushes resume once the user reinstalls or opens the app and it uploads a new token.',
    },
    PayloadTooLarge: {
      cause: 'The notification payload is larger than 4096 bytes.',
      fix: 'Send an ID in the push and fetch the content in the app (notification service extension).',
    },
    TooManyProviderTokenUpdates: {
      cause: 'The provider token was renewed too often (more than once per 20 minutes), typically by several processes each signing their own.',
      fix: 'Wait 20 minutes before testing again; share one signed token per key across workers.',
    },
    TooManyRequests: {
      cause: 'Too many pushes were sent to this device token in a short time.',
      fix: 'Wait a few minutes before testing this device again.',
    },
    InternalServerError: {
      cause: 'APNs had an internal error.',
      fix: 'Nothing is wrong with the app or the token: try again in a few minutes.',
    },
    ServiceUnavailable: {
      cause: 'APNs is temporarily unavailable.',
      fix: 'Try again in a few minutes; check developer.apple.com/system-status.',
    },
    Shutdown: {
      cause: 'The APNs server was shutting down and closed the connection.',
      fix: 'Run the check again: imops reconnects to another APNs server.',
    },
  },

  /** A reason imops does not know (one Apple adds later), read by its HTTP status. */
  unknownReason: {
    said: (status: number | undefined, reason: string | undefined) =>
      `APNs answered ${status ?? 'without a status'}${reason ? ` with reason "${reason}"` : ''}, which imops does not know.`,
    credential: {
      cause: (said: string) => `${said} A 403 means APNs refused the credential.`,
      fix: 'Check the key or certificate for this certificate ID, and look the reason up in Apple\'s "Handling notification responses from APNs".',
    },
    unregistered: {
      cause: (said: string) => `${said} A 410 means the token is no longer valid.`,
      fix: 'Delete this token; the app must upload a new one.',
    },
    rateLimited: {
      cause: (said: string) => `${said} A 429 means too many requests.`,
      fix: 'Wait a few minutes before testing again.',
    },
    unavailable: {
      cause: (said: string) => `${said} A 5xx is a problem on Apple's side.`,
      fix: 'Try again in a few minutes.',
    },
    rejected: {
      cause: (said: string) => `${said} APNs rejected the request.`,
      fix: 'Look the reason up in Apple\'s "Handling notification responses from APNs" and report it to the imops maintainers.',
    },
  },

  /** One test push (test-push.ts). */
  test: {
    /** node-apn refused the credential before sending; `message` is its own (scrubbed) text. */
    libraryRefused: (certificateId: string, message: string) => `Nothing was sent: the APNs library refused certificate ${certificateId}: ${message}.`,
    libraryRefusedFix: 'Run `imops push certs` and fix the problems it lists for this certificate.',
    /** The token was rejected in `env` and accepted in the other environment. */
    otherEnvironment: (env: Env, firstReason: string, apnsId: string | undefined, certificateId: string) =>
      `This is a ${other(env)} token: APNs ${env} rejected it (${firstReason}) and APNs ${other(env)} accepted the same test push (apns-id ${apnsId ?? 'none'}). The app is a ${BUILD_KIND[other(env)]}, which registers with APNs ${other(env)}, but it uploaded its token with certificate ${certificateId}, configured for ${env}.`,
    /** `tokenEnv` is the environment the token belongs to; `certificateId` the certificate configured for it. */
    useOtherCertificate: (tokenEnv: Env, certificateId: string, bundleId: string) =>
      `The app must upload its token with certificate ID ${certificateId} (the ${tokenEnv} certificate for ${bundleId}) in ${tokenEnv === 'sandbox' ? 'debug' : 'release'} builds: set the ${tokenEnv} certificate ID in the app's push configuration (e.g. TUIOfflinePushCertificateIDForAPNS) for this build type.`,
    noOtherCertificate: (tokenEnv: Env, bundleId: string) =>
      `No ${tokenEnv} certificate for ${bundleId} is configured: upload one in the IM console and add it to imops.yml, then have ${BUILD_KIND[tokenEnv]}s report its certificate ID; or test with a ${BUILD_KIND[other(tokenEnv)]}.`,
    /** The other environment knows the token and says it is gone (410); `cause` is that reason's cause. */
    goneInOtherEnvironment: (env: Env, firstReason: string, secondReason: string | undefined, cause: string) =>
      `This is a ${other(env)} token (APNs ${env} said ${firstReason}), and APNs ${other(env)} says it is no longer valid (${secondReason}). ${cause}`,
    /**
     * APNs refused the push: its status and reason, the reason's cause, what looks wrong with the token's text
     * (when the token was refused) and when APNs last saw it valid (a 410).
     */
    answered: (env: Env, status: number | undefined, reason: string | undefined, cause: string, tokenProblems?: string[], lastValid?: string) =>
      `APNs ${env} answered ${status ?? ''} ${reason ?? ''}`.replace(/\s+/g, ' ').trim() +
      `: ${cause}${tokenProblems?.length ? ` The token itself looks wrong: ${tokenProblems.join(' ')}` : ''}${lastValid ? ` (APNs last saw the token valid at ${lastValid}.)` : ''}`,
    deliveredBackground: (env: Env, bundleId: string) => `APNs ${env} accepted a background push for ${bundleId} (nothing is shown on the device).`,
    /** `title` is the test notification's own title (data: it is sent as is). */
    delivered: (env: Env, bundleId: string, uniqueId: string | undefined, title: string) =>
      `APNs ${env} accepted the test notification for ${bundleId}${uniqueId ? ` (apns-unique-id ${uniqueId}: look it up in the Push Notifications Console delivery log)` : ''}. It shows as an alert titled "${title}" unless the app is in the foreground.`,
    nothingToFix: 'Nothing to fix on the push side.',
    deliveredFix:
      'Nothing to fix on the push side. If the user still sees nothing: check the notification permission and Focus mode on the device, and that the user is logged in (after logout IM sends no offline push).',
    /** No answer: `detail` is one of `network` below. */
    noAnswer: (env: Env, detail: string) => `No answer from APNs ${env}: ${detail}.`,
    /** What went wrong on the way; `message` is the library's own (scrubbed) text. */
    network: {
      timeout: (ms: number) => `APNs did not answer within ${ms} ms (providers.apns.timeoutMs)`,
      dns: (message: string) => `the APNs host name cannot be resolved (${message})`,
      tls: (message: string) => `the TLS connection to APNs failed: ${message}`,
      connect: (message: string) => `cannot connect to APNs: ${message}`,
      goaway: (goaway: string) => `APNs closed the connection (${goaway}) before answering`,
      closed: 'the connection to APNs was closed before it answered (a GOAWAY or a dropped connection)',
      noResult: 'node-apn returned neither a success nor a failure',
      unknown: 'unknown error',
    },
    networkFix: {
      tls: 'If a proxy intercepts TLS, set providers.apns.caFile to its CA certificate; otherwise check the server clock and its CA store.',
      dns: 'Check DNS on the imops server, and providers.apns.productionUrl / sandboxUrl in imops.yml.',
      connect: 'Check that the server can reach APNs on port 443 (or 2197) through any firewall or proxy, and the URLs in providers.apns.',
      timeout: 'Run the check again; if it keeps timing out, check the network path to APNs (or raise providers.apns.timeoutMs).',
      closed: 'Run the check again: imops opens a new connection. If it keeps happening, check any proxy between imops and APNs.',
      other: 'Run the check again; if it repeats, check the network path to APNs and the imops log.',
    },
  },

  /** The credential check (credential.ts): a .p8 key, or a certificate as PKCS#12 or PEM. */
  credential: {
    tokenSummary: (keyId: string, teamId: string, bundleId: string, env: Env) => `token key ${keyId}, team ${teamId}, topic ${bundleId}, ${env}`,
    /** Before the certificate could be read. */
    certificateSummary: (bundleId: string, env: Env) => `certificate for ${bundleId}, ${env}`,
    /** `uid` is the certificate's UID (its bundle ID); `envs` the environments it supports; `expires` a date. */
    readSummary: (uid: string | undefined, envs: Env[], expires: string) =>
      `certificate ${uid ?? '(no UID)'}, ${envs.join(' + ') || 'no APNs environment'}, expires ${expires}`,
    badKeyId: (keyId: string) => `The Key ID "${keyId}" is not 10 capital letters or digits.`,
    badKeyIdFix: 'Copy the Key ID from Apple Developer > Certificates, IDs & Profiles > Keys (it is also in the file name AuthKey_<KeyID>.p8).',
    badTeamId: (teamId: string) => `The Team ID "${teamId}" is not 10 capital letters or digits.`,
    badTeamIdFix: 'Copy the Team ID from Apple Developer > Membership details.',
    keyFileNamedFor: (nameId: string, keyId: string) => `The key file is named for Key ID ${nameId}, but keyId is ${keyId}.`,
    keyFileNamedForFix: (nameId: string, keyId: string) => `Apple names the file AuthKey_<KeyID>.p8: set keyId to ${nameId}, or use the .p8 of key ${keyId}.`,
    /** What each file is called when it cannot be read, and where to look. */
    files: {
      p8: '.p8 key file',
      p8Fix: 'Check auth.keyFile in imops.yml: it must point to the AuthKey_<KeyID>.p8 downloaded from Apple.',
      p12: 'PKCS#12 file',
      p12Fix: 'Check auth.file in imops.yml: it must point to the .p12 exported from Keychain Access (certificate and private key).',
      cert: 'certificate file',
      certFix: 'Check auth.certFile in imops.yml.',
      key: 'key file',
      keyFix: 'Check auth.keyFile in imops.yml.',
    },
    p8Unreadable: 'The .p8 file is not a readable private key.',
    p8UnreadableFix: 'Download the key again from Apple Developer > Keys (a .p8 can be downloaded only once: if it is lost, create a new key).',
    /** `type` is the key's type in capitals (RSA, EC), or undefined when unknown; `curve` its named curve. */
    p8WrongKey: (type: string | undefined, curve: string | undefined) =>
      `The .p8 file holds a ${type ?? 'unknown'}${curve ? ` ${curve}` : ''} key, but APNs token keys are EC P-256.`,
    p8WrongKeyFix: 'Use the .p8 Apple gave for an APNs key (Keys > "Apple Push Notifications service (APNs)"), not another key.',
    p8NotPkcs8: 'The .p8 key is not in PKCS#8 form ("BEGIN PRIVATE KEY") as Apple ships it; it was converted somewhere.',
    p8NotPkcs8Fix: 'Use the original AuthKey_<KeyID>.p8 file from Apple.',
    p12NoCertificate: 'The .p12 file holds no certificate.',
    p12NoCertificateFix: 'Export the APNs certificate together with its private key from Keychain Access (select both, Export 2 items).',
    p12NoKey: 'The .p12 file holds no private key.',
    p12NoKeyFix: 'Export the APNs certificate together with its private key from Keychain Access (expand the certificate, select both).',
    p12Passphrase: 'The .p12 passphrase is wrong (or missing).',
    p12PassphraseFix: 'Set auth.passphrase in imops.yml to the password chosen when the .p12 was exported.',
    p12Unreadable: 'The .p12 file cannot be read as PKCS#12.',
    p12UnreadableFix: 'Export the certificate again from Keychain Access as "Personal Information Exchange (.p12)".',
    notX509: 'The certificate cannot be parsed as X.509.',
    notX509Fix: 'Export the APNs certificate again (PEM or .p12).',
    keyUnreadable: 'The private key cannot be read (or it is encrypted).',
    keyUnreadableFix: 'Export the private key without a password, or use a .p12 with auth.passphrase.',
    keyMismatch: 'The certificate and the private key do not belong together.',
    keyMismatchFix: 'Export the certificate with its own private key (in Keychain Access, expand the certificate and export both).',
    expired: (date: string) => `The certificate expired on ${date}.`,
    expiredFix:
      'Create a new APNs certificate in Apple Developer and update it in place in the IM console (editing keeps the certificate ID; re-creating changes it), then replace the file here.',
    expiresSoon: (days: number, date: string) => `The certificate expires in ${days} day${days === 1 ? '' : 's'} (${date}).`,
    expiresSoonFix: 'Renew it now in Apple Developer and update it in place in the IM console (editing keeps the certificate ID).',
    notYetValid: (from: string) => `The certificate is not valid before ${from}.`,
    notYetValidFix: 'Check the server clock, or wait until the certificate becomes valid.',
    notApns: "This is not an APNs certificate: it has neither of Apple's push environment extensions.",
    notApnsFix:
      'Create an "Apple Push Notification service SSL (Sandbox & Production)" certificate for the App ID; a development or distribution signing certificate cannot send pushes.',
    sandboxOnly: 'The certificate is for the sandbox (development) environment only, but this certificate ID is configured for production.',
    sandboxOnlyFix: 'Use a universal "Apple Push Services" certificate, or set environment: sandbox for this certificate ID (and give production its own).',
    productionOnly: 'The certificate is for production only, but this certificate ID is configured for sandbox.',
    productionOnlyFix: 'Use a universal "Apple Push Services" certificate, or set environment: production for this certificate ID.',
    otherBundle: (uid: string, bundleId: string) => `The certificate was issued for ${uid}, but bundleId is ${bundleId}.`,
    otherBundleFix: (uid: string, bundleId: string) => `Set bundleId to ${uid} if that is the app, or use the certificate issued for ${bundleId}.`,
  },

  /** What looks wrong with the text of an APNs device token (token-shape.ts). */
  token: {
    wrapped: 'The token is wrapped in < > (the NSData description format); the app should send only the hex digits.',
    spaces: 'The token contains spaces; an APNs token is hex digits with nothing between them.',
    base64: (bytes: number) =>
      `The token is base64 (${bytes} bytes), not hex: the app must send the token bytes as hex digits (for example 64 hex digits for 32 bytes).`,
    oddDigits: (digits: number) => `The token has an odd number of hex digits (${digits}), so it is cut short or corrupted.`,
    short: (digits: number) => `The token is ${digits} hex digits; APNs tokens are usually 64, so it is probably cut short.`,
  },

  /** What the client reported with its token that does not fit the certificate (index.ts reportWarnings). */
  report: {
    /** `reported` is the environment the client sent (as it spelled it). */
    environment: (reported: string, certificateId: string, env: Env) =>
      `The app reported a ${reported} token but certificate ${certificateId} is for ${env}: debug builds get sandbox tokens, release builds production tokens, and each needs its own certificate ID.`,
    bundleId: (reported: string, certificateId: string, bundleId: string) =>
      `The app reported bundle ID ${reported} but certificate ${certificateId} pushes to ${bundleId}: APNs will answer DeviceTokenNotForTopic.`,
  },
};
