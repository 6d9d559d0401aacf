// The words of fcm's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

const DELETE_FCM_TOKEN = 'Delete this token; the user must open the app (logged in) so it fetches a new FCM token and uploads it.';
const UPLOAD_APNS_KEY =
  'In the Firebase console > Project settings > Cloud Messaging > Apple app, upload a valid APNs auth key (.p8) enabled for Sandbox and Production.';
const NEW_KEY_FIX =
  'Download a new key from the Firebase console > Project settings > Service accounts > Generate new private key, and point serviceAccountFile at it.';

/** Which step of a test push: the dry run (validate_only) or the real send. */
type Step = 'validate' | 'send';
const STEP: Record<Step, string> = { validate: 'dry run', send: 'send' };

export const fcm = {
  names: {
    display: 'FCM',
    article: 'an',
    device: 'Android (FCM)',
    credentialKind: 'service account',
    token: 'an FCM registration token',
    tokenSource: 'the token from FirebaseMessaging.getToken()',
  } satisfies ProviderNames as ProviderNames,

  /**
   * FCM v1 error codes (the FcmError detail), the canonical statuses firebase-admin falls back to, and the
   * firebase-admin `messaging/…` and `app/…` codes it throws (push-failures.md §3).
   */
  reasons: {
    // FCM HTTP v1 ErrorCode
    UNSPECIFIED_ERROR: { cause: 'FCM failed without saying why.', fix: 'Try again; if it repeats, check status.firebase.google.com.' },
    INVALID_ARGUMENT: {
      cause: 'FCM rejected the message as invalid.',
      fix: 'The message text names the bad field; if it is the token, delete it and have the app upload a new one.',
    },
    UNREGISTERED: {
      cause:
        'The FCM token is no longer valid: the app was uninstalled, its data cleared, the token rotated, or the device was inactive for more than 270 days.',
      fix: DELETE_FCM_TOKEN,
    },
    SENDER_ID_MISMATCH: {
      cause:
        'The token was issued by another Firebase project than the one this service account belongs to (for example a debug build with the dev google-services.json).',
      fix: "Upload the token with the certificate ID whose service account is from the app's Firebase project, or configure that project's service account here.",
    },
    QUOTA_EXCEEDED: {
      cause: "FCM's sending quota was exceeded (for the project, or for this device).",
      fix: 'Wait a few minutes before testing again.',
    },
    UNAVAILABLE: {
      cause: 'FCM is overloaded or temporarily unavailable.',
      fix: 'Try again in a few minutes; check status.firebase.google.com.',
    },
    INTERNAL: { cause: 'FCM had an internal error.', fix: 'Try again in a few minutes.' },
    THIRD_PARTY_AUTH_ERROR: {
      cause:
        'FCM could not deliver to the iPhone: the APNs key or certificate uploaded to Firebase is missing, expired, for the wrong team or bundle, or restricted to one APNs environment.',
      fix: UPLOAD_APNS_KEY,
    },
    APNS_AUTH_ERROR: {
      cause: 'FCM could not authenticate with APNs for this iOS app: the APNs credential uploaded to Firebase is invalid.',
      fix: 'In the Firebase console > Project settings > Cloud Messaging > Apple app, upload a valid APNs auth key (.p8).',
    },
    // Canonical statuses that carry a different meaning than the firebase-admin code they map to
    UNAUTHENTICATED: {
      cause:
        "FCM did not accept imops' own access token: the service account's OAuth token was rejected (firebase-admin reports this as a third-party auth error, which is misleading).",
      fix: 'Check the service-account file for this certificate ID: download a new key from the Firebase console > Project settings > Service accounts.',
    },
    PERMISSION_DENIED: {
      cause:
        'The service account may not send through FCM for this project: it lacks the cloudmessaging.messages.create permission, the FCM API is disabled, or the project ID is wrong.',
      fix: 'Use a service account of the app\'s Firebase project with the "Firebase Cloud Messaging API Admin" role, enable the Firebase Cloud Messaging API, and check projectId in imops.yml.',
    },
    // firebase-admin codes
    'messaging/registration-token-not-registered': {
      cause: 'The FCM token is no longer valid: the app was uninstalled, its data cleared, the token rotated, or the device was inactive for a long time.',
      fix: DELETE_FCM_TOKEN,
    },
    'messaging/installation-id-not-registered': { cause: 'The Firebase installation is no longer registered.', fix: DELETE_FCM_TOKEN },
    'messaging/invalid-registration-token': {
      cause: 'This is not a valid FCM registration token: it is corrupted, truncated, or a token of another push service (an APNs or vendor token).',
      fix: 'Check what the app uploads: it must be the token from FirebaseMessaging.getToken(). Delete this one.',
    },
    'messaging/invalid-argument': {
      cause: 'FCM rejected the message as invalid.',
      fix: 'The message text names the bad field; report it to the imops maintainers if it is not the token.',
    },
    'messaging/mismatched-credential': {
      cause: 'The token belongs to another Firebase project than this service account, or the service account may not send for this project.',
      fix: 'Make sure the app was built with the google-services.json of the same Firebase project as the service account of this certificate ID.',
    },
    'messaging/message-rate-exceeded': { cause: "FCM's sending rate was exceeded.", fix: 'Wait a few minutes before testing again.' },
    'messaging/device-message-rate-exceeded': {
      cause: 'Too many messages were sent to this device in a short time.',
      fix: 'Wait a few minutes before testing this device again.',
    },
    'messaging/topics-message-rate-exceeded': { cause: 'Too many messages were sent to a topic.', fix: 'Wait a few minutes.' },
    'messaging/third-party-auth-error': {
      cause: 'FCM could not deliver to the iPhone: the APNs key or certificate uploaded to Firebase is missing, expired or restricted to one APNs environment.',
      fix: UPLOAD_APNS_KEY,
    },
    'messaging/authentication-error': {
      cause: "FCM refused the request's authentication (a non-JSON 401/403, usually from a proxy or a revoked service account).",
      fix: 'Check the service-account file for this certificate ID and any proxy in front of FCM (providers.fcm.url).',
    },
    'messaging/server-unavailable': {
      cause: "FCM stayed unavailable after firebase-admin's retries.",
      fix: 'Try again in a few minutes; check status.firebase.google.com.',
    },
    'messaging/internal-error': { cause: 'FCM had an internal error.', fix: 'Try again in a few minutes.' },
    'messaging/unknown-error': {
      cause: 'FCM returned an error firebase-admin does not know.',
      fix: 'Try again; if it repeats, report the raw reason to the imops maintainers.',
    },
    'messaging/payload-size-limit-exceeded': {
      cause: 'The message is larger than FCM allows (4096 bytes).',
      fix: 'Report it to the imops maintainers: the test message should be small.',
    },
    'messaging/invalid-data-payload-key': {
      cause: 'The data payload uses a reserved key (from, gcm, google.*).',
      fix: 'Report it to the imops maintainers.',
    },
    'messaging/invalid-options': { cause: 'A message option (for example the TTL) is invalid.', fix: 'Report it to the imops maintainers.' },
    'messaging/invalid-package-name': {
      cause: 'The token is for another Android package name than the message allows.',
      fix: "Check that the app's package name matches the Firebase app registration.",
    },
    'messaging/invalid-recipient': {
      cause: 'The message has no valid recipient (firebase-admin refused it before sending).',
      fix: 'Check the uploaded token is not empty.',
    },
    'messaging/invalid-payload': {
      cause: 'firebase-admin refused the message payload before sending.',
      fix: 'Report it to the imops maintainers.',
    },
    'messaging/too-many-topics': { cause: 'The device is subscribed to too many topics.', fix: 'Unsubscribe the device from unused topics.' },
    'messaging/topics-subscription-rate-exceeded': { cause: 'Topic subscriptions changed too fast.', fix: 'Wait a few minutes.' },
    'app/invalid-credential': {
      cause: 'imops could not get an OAuth access token for this service account.',
      fix: 'Check the service-account file for this certificate ID; download a new key from the Firebase console > Project settings > Service accounts.',
    },
    invalid_grant: {
      cause: "Google refused the service account's signed assertion (invalid_grant): the server clock is off, or the key was revoked or deleted.",
      fix: 'Sync the server clock (NTP); if it is right, create a new key in the Firebase console > Project settings > Service accounts and replace the file.',
    },
    'app/network-error': {
      cause: 'imops could not reach FCM.',
      fix: 'Check that the server can reach fcm.googleapis.com and oauth2.googleapis.com (or providers.fcm.url), and any proxy or firewall in between.',
    },
    'app/network-timeout': {
      cause: 'FCM did not answer in time.',
      fix: 'Try again; if it repeats, check the network path to fcm.googleapis.com (or providers.fcm.url).',
    },
  },

  /** A code imops does not know. */
  unknownCode: {
    cause: (code: string | undefined) => `FCM failed with ${code ?? 'an unknown error'}, which imops does not know.`,
    fix: 'Try again; if it repeats, report the reason to the imops maintainers.',
  },

  /** One test push (test-push.ts). */
  test: {
    dryRunAccepted: (projectId: string) => `FCM accepted a dry run (validate_only) for project ${projectId}: credential and token are good; nothing was sent.`,
    accepted: (projectId: string) => `FCM accepted the test notification for project ${projectId} (dry run, then the real send).`,
    nothingToFix: 'Nothing to fix on the push side.',
    acceptedFix:
      'Nothing to fix on the push side. If nothing shows on the phone: check that notifications are allowed for the app (Android 13+ asks), that battery optimisation does not kill it, and that the user is logged in (after logout IM sends no offline push).',
    timedOut: (ms: number, step: Step) => `FCM did not answer within ${ms} ms (${STEP[step]}).`,
    timedOutFix: 'Check the network path to fcm.googleapis.com (or providers.fcm.url) and try again.',
    /**
     * A step failed: firebase-admin's code and message (FCM's own words), the reason's cause, and what looks
     * wrong with the token's text when the token was refused.
     */
    failed: (step: Step, code: string | undefined, message: string, cause: string, tokenProblems?: string[]) =>
      `FCM ${STEP[step]} failed with ${code ?? 'an error'}${message ? ` ("${message}")` : ''}: ${cause}${tokenProblems?.length ? ` The token itself looks wrong: ${tokenProblems.join(' ')}` : ''}`,
  },

  /** The credential check (credential.ts): a service-account file. */
  credential: {
    summary: (email: string | undefined, projectId: string | undefined) => `service account ${email ?? '(no client_email)'}, project ${projectId ?? '(none)'}`,
    /** Before the file could be read. */
    unread: 'service account',
    file: 'service-account file',
    fileFix: 'Check serviceAccountFile in imops.yml.',
    newKeyFix: NEW_KEY_FIX,
    notObject: 'The service-account file is JSON but not an object.',
    notJson: 'The service-account file is not valid JSON.',
    notServiceAccount: (type: string) => `The file is a "${type}" credential, not a service account.`,
    /** `fields` are the JSON keys missing (project_id, private_key, client_email). */
    missing: (fields: string[]) => `The service-account file lacks ${fields.join(', ')}.`,
    escapedKey: 'The private_key has literal "\\n" instead of line breaks, so it cannot be read.',
    escapedKeyFix: 'Use the JSON file exactly as downloaded from Firebase; do not copy the key through an environment variable or editor that escapes it.',
    /** `type` is the key's type in capitals (EC, ED25519), or undefined when unknown. */
    notRsa: (type: string | undefined) => `The private_key is ${type}, but Google service-account keys are RSA.`,
    keyUnreadable: 'The private_key in the service-account file cannot be read.',
    otherProject: (projectId: string, accountProject: string) =>
      `projectId is ${projectId} but the service account belongs to ${accountProject}; FCM will refuse it unless the account was granted access to ${projectId}.`,
    otherProjectFix: (projectId: string, accountProject: string) => `Remove projectId (to use ${accountProject}) or use a service account of ${projectId}.`,
  },

  /** What looks wrong with the text of an FCM registration token (token-shape.ts). */
  token: {
    badCharacters:
      'The token looks like an FCM registration token but contains characters FCM tokens never have (only letters, digits, "_", "-" and ":"), so it was altered on the way.',
    short: (length: number) =>
      `The token looks like an FCM registration token but is only ${length} characters long (they are usually over 140), so it is probably cut short.`,
  },
};
