/**
 * The scenario table: input -> what the user sees, written once and run against the core alone
 * (test/scenarios/core.test.ts) and end to end through each chat adapter (test/slack, test/discord).
 *
 * Inputs are given as Slack text and as the parsed subcommand/args (what Discord sends as typed options);
 * core.test.ts checks the two agree. Placeholders like {sig:alice} are filled from the world (real UserSigs
 * signed with keys generated for the run).
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';
import { createCommandCore } from '../../src/commands/core.js';
import type { CommandCore, Principal, Platform } from '../../src/commands/types.js';
import type { Block, Form, Reply, Status } from '../../src/commands/reply.js';
import type { Config } from '../../src/config/types.js';
import { PUSH_TEST_LIMIT, type RateLimits } from '../../src/access/rate-limit.js';
import { DEFAULT_PROVIDERS } from '../../src/config/types.js';
import { generateUserSig } from '../../src/usersig/index.js';
import { openServices, type Services } from '../../src/services.js';
import { startPushFixture, apnsToken, fcmToken, type PushFixture } from '../emulators/push-fixture.js';
import { ImEmulator } from '../emulators/im.js';
import { imClients } from '../../src/im/index.js';
import { catalogue } from '../../src/text/index.js';
import { languageProblems } from '../text/language.js';

// ---------------------------------------------------------------------------------------------------------
// The world every scenario runs in

export const USERS = {
  /** Listed in access.usersig.generate and access.push.test. */
  admin: { slack: 'UADMIN01', discord: '100000000000000001' },
  /** Listed nowhere. */
  stranger: { slack: 'USTRANGER', discord: '100000000000000002' },
  /** Listed like admin; the rows that run into the rate limits act as this user, so admin's budget stays whole. */
  hasty: { slack: 'UHASTY01', discord: '100000000000000003' },
} as const;
export type Who = keyof typeof USERS;

/** The locale column: every row runs in each language, its words from that language's catalogue. */
export type ScenarioLocale = 'en' | 'zh-CN';
export const SCENARIO_LOCALES: readonly ScenarioLocale[] = ['en', 'zh-CN'];

/** A Chinese reader's clock, as Slack reports it for someone in China. */
export const CHINA = 'Asia/Shanghai';

export function principal(platform: Exclude<Platform, 'cli' | 'api'>, who: Who, locale: ScenarioLocale = 'en'): Principal {
  return {
    platform,
    userId: USERS[who][platform],
    roles: [],
    channelId: 'C0SCENARIO',
    ...(locale === 'zh-CN' && { locale, ...(platform === 'slack' && { timeZone: CHINA }) }),
  };
}

export const PROD = { name: 'prod', sdkAppId: 1400000001 };
export const STAGING = { name: 'staging', sdkAppId: 1400000002 };

export interface World {
  config: Config;
  services: Services;
  core: CommandCore;
  fixture?: PushFixture;
  /** Tencent IM for app prod (alice PushOnline, iris logged out, ghost unknown). */
  im: ImEmulator;
  /** Every log line written by the core and the services (and the adapter, when it is given `log`). */
  logLines: string[];
  log: Logger;
  /** Everything that must never appear in a log line or a public message. */
  secrets: { keys: string[]; tokens: string[]; userSigs: string[] };
  /** Full device tokens by UserID, as seeded. */
  tokens: Record<string, string[]>;
  /** Fill {sig:…} placeholders in a scenario input. */
  fill(text: string): string;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** Start the APNs/FCM emulators (needed for "Start testing" rows). Default true. */
  push?: boolean;
  /** Provider timeout for the emulators, in ms. */
  providerTimeoutMs?: number;
  /** Extra access entries (for example an adapter's own test user). */
  access?: Record<string, string[]>;
  /** The core's per-person limits; default the shipped ones (RATE_LIMITS). Benchmarks pass NO_RATE_LIMITS. */
  rateLimits?: RateLimits;
  /** The core's clock (ms); default Date.now. */
  now?: () => number;
  /** Simulated latency of each IM REST call (benchmarks). */
  imLatencyMs?: number;
}

/** Build a core over real services: in-memory store, the real push service, the APNs/FCM emulators. */
export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const fixture = options.push === false ? undefined : await startPushFixture({ timeoutMs: options.providerTimeoutMs ?? 3000 });
  const keys = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
  const im = new ImEmulator({
    apps: [{ sdkAppId: PROD.sdkAppId, secretKey: keys[0]! }],
    ...(options.imLatencyMs !== undefined && { latencyMs: options.imLatencyMs }),
  });
  const imOrigin = await im.start();
  im.user('alice', { imported: true, status: 'PushOnline', detail: [{ Platform: 'iPhone', Status: 'PushOnline' }] });
  im.user('iris', { imported: true, status: 'Offline' });
  const allowed = (['admin', 'hasty'] as const).flatMap((w) => [`slack:${USERS[w].slack}`, `discord:${USERS[w].discord}`]);
  const config: Config = {
    source: 'scenario.yml',
    apps: [
      {
        ...PROD,
        secretKey: keys[0]!,
        certificates: fixture ? structuredClone(fixture.certificates) : [],
        im: { admin: 'administrator', origin: imOrigin, testSender: 'administrator' },
      },
      { ...STAGING, secretKey: keys[1]!, certificates: [] },
    ],
    access: {
      'usersig.generate': [...allowed, ...(options.access?.['usersig.generate'] ?? [])],
      'push.test': [...allowed, ...(options.access?.['push.test'] ?? [])],
    },
    providers: fixture?.providers ?? structuredClone(DEFAULT_PROVIDERS),
    dataDir: ':memory:',
  };
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const log = createLogger({ level: 'debug', destination: sink });
  const services = await openServices({ config, log, dataDir: ':memory:' });

  const tokens: Record<string, string[]> = {};
  const seed = async (
    userId: string,
    certificateId: string,
    platform: 'apns' | 'fcm',
    token: string,
    extra: { environment?: 'production' | 'sandbox'; appVersion?: string } = {},
  ) => {
    await services.devices.upsert({
      app: PROD.name,
      userId,
      certificateId,
      platform,
      token,
      appVersion: extra.appVersion ?? '5.2.0',
      ...(extra.environment && { environment: extra.environment }),
    });
    (tokens[userId] ??= []).push(token);
  };
  // alice: an iPhone on the production certificate and an Android phone: both deliver.
  await seed('alice', '10086', 'apns', apnsToken(), { environment: 'production' });
  await seed('alice', '20001', 'fcm', fcmToken());
  // carol: a development build's token uploaded under the production certificate.
  const carolToken = apnsToken();
  await seed('carol', '10086', 'apns', carolToken, { environment: 'production' });
  fixture?.tokenOnlyIn('sandbox', carolToken);
  // dave: uploaded with a certificate ID nobody configured.
  await seed('dave', '99999', 'apns', apnsToken());
  // iris: logged out from her iPhone an hour ago (IM's State.StateChange callback).
  await seed('iris', '10086', 'apns', apnsToken(), { environment: 'production' });
  await services.store.events.append([
    {
      app: PROD.name,
      userId: 'iris',
      command: 'State.StateChange',
      at: Date.now() - 3_600_000,
      data: { Action: 'Logout', Reason: 'Unregister', OptPlatform: 'iPhone' },
    },
  ]);

  const nowS = Math.floor(Date.now() / 1000);
  const sigs: Record<string, string> = {
    alice: generateUserSig({ sdkAppId: PROD.sdkAppId, secretKey: keys[0]!, userId: 'alice', now: nowS }),
    'alice:expired': generateUserSig({ sdkAppId: PROD.sdkAppId, secretKey: keys[0]!, userId: 'alice', expireSeconds: 86400, now: nowS - 3 * 86400 }),
    'alice:staging': generateUserSig({ sdkAppId: STAGING.sdkAppId, secretKey: keys[1]!, userId: 'alice', now: nowS }),
    'alice:otherkey': generateUserSig({ sdkAppId: PROD.sdkAppId, secretKey: randomBytes(32).toString('hex'), userId: 'alice', now: nowS }),
  };
  sigs['alice:standard-base64'] = `${sigs.alice!.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')}+/=`;

  const core = createCommandCore({
    config,
    log,
    push: services.push,
    audit: services.audit,
    events: services.store.events,
    im: imClients(),
    ...(options.rateLimits && { rateLimits: options.rateLimits }),
    ...(options.now && { now: options.now }),
  });
  return {
    config,
    services,
    core,
    fixture,
    im,
    logLines,
    log,
    secrets: { keys, tokens: Object.values(tokens).flat(), userSigs: Object.values(sigs) },
    tokens,
    fill: (text) =>
      text.replace(/\{sig:([a-z:-]+)\}/g, (_, k: string) => {
        const s = sigs[k];
        if (!s) throw new Error(`no UserSig named ${k} in the scenario world`);
        return s;
      }),
    async close() {
      await services.close();
      await fixture?.close();
      await im.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// What the user sees, whatever the platform

/** A platform's message or modal reduced to what a person sees. Each adapter test builds one from its own output. */
export interface Seen {
  kind: 'message' | 'form' | 'form-errors';
  ephemeral: boolean;
  /** Recovered from the rendering (Slack: the header emoji; Discord: the embed colour). */
  status?: Status;
  title: string;
  /** Every visible word: title, text, fields (label and value), list items, cause, fix, code, footer. */
  text: string;
  fieldLabels: string[];
  /** Monospace blocks (a generated UserSig). */
  code: string[];
  /** Button labels, and "select" for each select menu. */
  actions: string[];
  /** For forms: field ids; for form-errors: the field ids that carry an error. */
  formFields: string[];
}

export interface Expectation {
  kind?: Seen['kind'];
  status?: Status;
  ephemeral: boolean;
  /** Words the title contains (case-insensitive). */
  title?: string[];
  /** Words found anywhere in what is shown (case-insensitive). */
  says?: string[];
  fields?: string[];
  /** A code block is shown (and only then may a UserSig appear). */
  code?: boolean;
  actions?: string[];
  formFields?: string[];
}

export type Step =
  /** Submit the form the command opened, with these values. */
  | { submit: Record<string, string> }
  /** Choose a value in the message's select menu (the card updates in place). */
  | { select: string }
  /** Press the button with this label (the result replaces the message). */
  | { click: string };

export interface Scenario {
  name: string;
  as?: Who;
  command: 'usersig' | 'pushcheck' | 'triage' | 'imstatus';
  /** Slack: the text after the command. */
  text: string;
  /** The same input as typed options (Discord). Secret options (userSig) go through the form Discord opens. */
  subcommand?: string;
  args: Record<string, string>;
  /** Steps after the first response; the expectation is about what is shown after the last one. */
  steps?: Step[];
  expect: Expectation;
  /** Rows that only make sense as free text (Discord's typed options cannot express them). */
  only?: 'slack';
  /** Needs the APNs/FCM emulators. */
  push?: boolean;
  /** What a Chinese reader sees, beyond the language-neutral part of `expect` (the zh-CN column of the table). */
  zh?: { title?: string[]; says?: string[] };
}

const GEN_FIELDS = ['SDKAppID', 'UserID', 'Generated', 'Expires'];
const DEVICE_FIELDS = ['Platform', 'Certificate ID', 'Token', 'Uploaded', 'App version'];
const NO_DEVICE_WORDS = ['no devices', 'ends here', 'after login', 'logged out', 'wrong app'];

export const SCENARIOS: Scenario[] = [
  // /usersig
  {
    name: 'help lists every subcommand',
    command: 'usersig',
    text: 'help',
    subcommand: 'help',
    args: {},
    expect: { status: 'info', ephemeral: true, title: ['how to use'], says: ['gen', 'verify', 'inspect', 'explain', '180d'] },
  },
  {
    name: 'gen signs a UserSig, shown only to the caller',
    command: 'usersig',
    text: 'gen alice 30d prod',
    subcommand: 'gen',
    args: { userId: 'alice', expiry: '30d', app: 'prod' },
    expect: { status: 'success', ephemeral: true, title: ['UserSig', 'alice'], fields: GEN_FIELDS, code: true, says: ['1400000001', '30 days'] },
  },
  {
    name: 'gen takes the app in place of the expiry',
    command: 'usersig',
    text: 'gen alice staging',
    subcommand: 'gen',
    args: { userId: 'alice', app: 'staging' },
    expect: { status: 'success', ephemeral: true, title: ['alice'], fields: GEN_FIELDS, code: true, says: ['1400000002', '180 days'] },
  },
  {
    name: 'gen without an app when several are configured asks which',
    command: 'usersig',
    text: 'gen alice',
    subcommand: 'gen',
    args: { userId: 'alice' },
    expect: { status: 'error', ephemeral: true, title: ['which app'], says: ['prod', 'staging'] },
  },
  {
    name: 'gen with an unknown app lists the configured ones',
    command: 'usersig',
    text: 'gen alice 1d nope',
    subcommand: 'gen',
    args: { userId: 'alice', expiry: '1d', app: 'nope' },
    expect: { status: 'error', ephemeral: true, title: ['unknown app'], says: ['prod', 'staging'] },
  },
  {
    name: 'gen with a bad expiry says how to write one',
    command: 'usersig',
    text: 'gen alice forever prod',
    subcommand: 'gen',
    args: { userId: 'alice', expiry: 'forever', app: 'prod' },
    expect: { status: 'error', ephemeral: true, says: ['forever', '180d', '12h'] },
  },
  {
    name: 'gen is refused to someone not in access, naming the key to add',
    as: 'stranger',
    command: 'usersig',
    text: 'gen alice 30d prod',
    subcommand: 'gen',
    args: { userId: 'alice', expiry: '30d', app: 'prod' },
    expect: { status: 'error', ephemeral: true, title: ['not allowed'], says: ['access.usersig.generate: ["'] },
  },
  {
    name: 'gen without a UserID shows usage',
    command: 'usersig',
    text: 'gen',
    subcommand: 'gen',
    args: {},
    only: 'slack',
    expect: { status: 'error', ephemeral: true, says: ['missing <userId>', '/usersig gen <userId> [expiry] [app]'] },
  },
  {
    name: 'an unknown subcommand shows usage',
    command: 'usersig',
    text: 'frobnicate alice',
    args: {},
    only: 'slack',
    expect: { status: 'error', ephemeral: true, says: ['unknown subcommand', '/usersig verify <userId> <userSig> [app]'] },
  },
  {
    name: 'verify a good UserSig',
    command: 'usersig',
    text: 'verify alice {sig:alice} prod',
    subcommand: 'verify',
    args: { userId: 'alice', userSig: '{sig:alice}', app: 'prod' },
    expect: {
      status: 'success',
      ephemeral: true,
      title: ['valid', 'alice'],
      fields: ['Verdict', 'SDKAppID', 'UserID', 'Generated', 'Expires'],
      says: ['VALID', '1400000001'],
    },
  },
  {
    name: 'verify an expired UserSig: verdict, cause, fix and IM code',
    command: 'usersig',
    text: 'verify alice {sig:alice:expired} prod',
    subcommand: 'verify',
    args: { userId: 'alice', userSig: '{sig:alice:expired}', app: 'prod' },
    expect: { status: 'failure', ephemeral: true, title: ['invalid', 'EXPIRED'], fields: ['Verdict', 'Expires'], says: ['IM 70001', 'cause', 'fix'] },
  },
  {
    name: 'verify against another UserID',
    command: 'usersig',
    text: 'verify bob {sig:alice} prod',
    subcommand: 'verify',
    args: { userId: 'bob', userSig: '{sig:alice}', app: 'prod' },
    expect: { status: 'failure', ephemeral: true, title: ['USERID_MISMATCH'], says: ['IM 70013'] },
  },
  {
    name: 'verify a UserSig signed for another app',
    command: 'usersig',
    text: 'verify alice {sig:alice:staging} prod',
    subcommand: 'verify',
    args: { userId: 'alice', userSig: '{sig:alice:staging}', app: 'prod' },
    expect: { status: 'failure', ephemeral: true, title: ['SDKAPPID_MISMATCH'], says: ['IM 70014', '1400000002'] },
  },
  {
    name: 'verify a UserSig signed with another key',
    command: 'usersig',
    text: 'verify alice {sig:alice:otherkey} prod',
    subcommand: 'verify',
    args: { userId: 'alice', userSig: '{sig:alice:otherkey}', app: 'prod' },
    expect: { status: 'failure', ephemeral: true, title: ['SIGNATURE_MISMATCH'], says: ['IM 70009'] },
  },
  {
    name: 'verify a UserSig converted to standard base64',
    command: 'usersig',
    text: 'verify alice {sig:alice:standard-base64} prod',
    subcommand: 'verify',
    args: { userId: 'alice', userSig: '{sig:alice:standard-base64}', app: 'prod' },
    expect: { status: 'failure', ephemeral: true, title: ['MALFORMED'] },
  },
  {
    name: 'verify without the UserSig opens a form for it',
    command: 'usersig',
    text: 'verify alice',
    subcommand: 'verify',
    args: { userId: 'alice' },
    expect: { kind: 'form', ephemeral: true, formFields: ['userId', 'userSig', 'app'] },
  },
  {
    name: 'inspect decodes without a key',
    command: 'usersig',
    text: 'inspect {sig:alice}',
    subcommand: 'inspect',
    args: { userSig: '{sig:alice}' },
    expect: { status: 'info', ephemeral: true, title: ['decoded', 'alice'], fields: ['SDKAppID', 'UserID', 'Expires'], says: ['1400000001', 'app prod'] },
  },
  {
    name: 'explain a known IM error code, for the whole channel',
    command: 'usersig',
    text: 'explain 70013',
    subcommand: 'explain',
    args: { code: '70013' },
    expect: { status: 'info', ephemeral: false, title: ['70013'], says: ['UserID', 'fix'] },
  },
  // TRTC reports negative codes; the minus sign is part of the code (-100018 is not 100018).
  {
    name: 'explain a negative TRTC room-entry code',
    command: 'usersig',
    text: 'explain -100018',
    subcommand: 'explain',
    args: { code: '-100018' },
    expect: { status: 'info', ephemeral: false, title: ['-100018', 'ERR_SERVER_INFO_ECDH_GET_TINYID'], says: ['TRTC', 'fix'] },
  },
  {
    name: 'explain a negative TRTC Web code',
    command: 'usersig',
    text: 'explain -10019',
    subcommand: 'explain',
    args: { code: '-10019' },
    expect: { status: 'info', ephemeral: false, title: ['-10019', 'PRIVATE_MAP_KEY_INVALID'], says: ['privateMapKey'] },
  },
  {
    name: 'explain a negated IM code as TRTC reports it',
    command: 'usersig',
    text: 'explain -70001',
    subcommand: 'explain',
    args: { code: '-70001' },
    expect: { status: 'info', ephemeral: false, title: ['-70001'], says: ['70001', 'negated'] },
  },
  {
    name: 'explain an unknown code says so',
    command: 'usersig',
    text: 'explain 424242',
    subcommand: 'explain',
    args: { code: '424242' },
    expect: { status: 'warning', ephemeral: false, title: ['424242', 'not in the imops catalogue'] },
  },
  {
    name: 'with no arguments /usersig opens a form',
    command: 'usersig',
    text: '',
    args: {},
    only: 'slack',
    expect: { kind: 'form', ephemeral: true, formFields: ['action', 'app', 'userId', 'expiry', 'userSig'] },
  },
  {
    name: 'the form wants a UserID to generate',
    command: 'usersig',
    text: '',
    args: {},
    only: 'slack',
    steps: [{ submit: { action: 'gen', app: 'prod', userId: '', expiry: '' } }],
    expect: { kind: 'form-errors', ephemeral: true, formFields: ['userId'] },
  },
  {
    name: 'the form checks the expiry in place',
    command: 'usersig',
    text: '',
    args: {},
    only: 'slack',
    steps: [{ submit: { action: 'gen', app: 'prod', userId: 'alice', expiry: 'soon' } }],
    expect: { kind: 'form-errors', ephemeral: true, formFields: ['expiry'] },
  },
  {
    name: 'the form generates',
    command: 'usersig',
    text: '',
    args: {},
    only: 'slack',
    steps: [{ submit: { action: 'gen', app: 'prod', userId: 'alice', expiry: '12h' } }],
    expect: { status: 'success', ephemeral: true, title: ['alice'], fields: GEN_FIELDS, code: true, says: ['12 hours'] },
  },
  {
    name: 'the verify form checks the pasted UserSig',
    command: 'usersig',
    text: 'verify alice prod',
    subcommand: 'verify',
    args: { userId: 'alice', app: 'prod' },
    steps: [{ submit: { userId: 'alice', userSig: '{sig:alice:expired}' } }],
    expect: { status: 'failure', ephemeral: true, title: ['EXPIRED'], says: ['IM 70001'] },
  },

  // /pushcheck
  {
    name: 'pushcheck lists the devices with a certificate select and a start button',
    command: 'pushcheck',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    expect: {
      status: 'info',
      ephemeral: true,
      title: ['alice'],
      fields: DEVICE_FIELDS,
      actions: ['select', 'Start testing'],
      says: ['10086', '20001', 'apns', 'fcm'],
    },
  },
  {
    name: 'pushcheck with no devices says so and why',
    command: 'pushcheck',
    text: 'bob prod',
    args: { userId: 'bob', app: 'prod' },
    expect: { status: 'warning', ephemeral: true, title: ['no devices', 'bob'], says: NO_DEVICE_WORDS },
  },
  {
    name: 'pushcheck shows a certificate nobody configured',
    command: 'pushcheck',
    text: 'dave prod',
    args: { userId: 'dave', app: 'prod' },
    expect: {
      status: 'info',
      ephemeral: true,
      title: ['dave'],
      fields: [...DEVICE_FIELDS.filter((f) => f !== 'App version'), 'Warnings'],
      says: ['99999', 'not configured'],
    },
  },
  {
    name: 'pushcheck is refused to someone not in access',
    as: 'stranger',
    command: 'pushcheck',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    expect: { status: 'error', ephemeral: true, title: ['not allowed'], says: ['access.push.test: ["'] },
  },
  {
    name: 'pushcheck with an unknown app lists the configured ones',
    command: 'pushcheck',
    text: 'alice nope',
    args: { userId: 'alice', app: 'nope' },
    expect: { status: 'error', ephemeral: true, title: ['unknown app'], says: ['prod', 'staging'] },
  },
  {
    name: 'pushcheck with too many words shows usage',
    command: 'pushcheck',
    text: 'alice prod extra',
    args: {},
    only: 'slack',
    expect: { status: 'error', ephemeral: true, says: ['unexpected argument', '/pushcheck <userId> [app]'] },
  },
  {
    name: 'with no arguments /pushcheck opens a form',
    command: 'pushcheck',
    text: '',
    args: {},
    only: 'slack',
    expect: { kind: 'form', ephemeral: true, formFields: ['userId', 'app'] },
  },
  {
    name: 'the pushcheck form wants a UserID',
    command: 'pushcheck',
    text: '',
    args: {},
    only: 'slack',
    steps: [{ submit: { userId: ' ', app: 'prod' } }],
    expect: { kind: 'form-errors', ephemeral: true, formFields: ['userId'] },
  },
  {
    name: 'the pushcheck form shows the devices',
    command: 'pushcheck',
    text: '',
    args: {},
    only: 'slack',
    steps: [{ submit: { userId: 'alice', app: 'prod' } }],
    expect: { status: 'info', ephemeral: true, title: ['alice'], fields: DEVICE_FIELDS, actions: ['select', 'Start testing'] },
  },
  {
    name: 'Start testing pushes to every device and replaces the card with the results',
    push: true,
    command: 'pushcheck',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    steps: [{ click: 'Start testing' }],
    expect: { status: 'success', ephemeral: true, title: ['delivered', '2 of 2'], says: ['PASS', 'DELIVERED', '10086', '20001'], actions: ['Test again'] },
  },
  {
    name: 'choosing a certificate tests only its devices',
    push: true,
    command: 'pushcheck',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    steps: [{ select: '20001' }, { click: 'Start testing' }],
    expect: { status: 'success', ephemeral: true, title: ['1 of 1'], says: ['PASS', '20001', 'certificate 20001'] },
  },
  {
    name: 'a development token under the production certificate fails with cause and fix',
    push: true,
    command: 'pushcheck',
    text: 'carol prod',
    args: { userId: 'carol', app: 'prod' },
    steps: [{ click: 'Start testing' }],
    expect: { status: 'failure', ephemeral: true, title: ['failed'], says: ['FAIL', 'cause', 'fix', 'BadDeviceToken'] },
  },
  {
    name: 'an unconfigured certificate fails before anything is sent',
    push: true,
    command: 'pushcheck',
    text: 'dave prod',
    args: { userId: 'dave', app: 'prod' },
    steps: [{ click: 'Start testing' }],
    expect: { status: 'failure', ephemeral: true, title: ['failed'], says: ['FAIL', 'UNKNOWN_CERTIFICATE', '99999'] },
  },

  // Rate limits. hasty runs dave's check (it fails before anything is sent) until the limit; the next press
  // is refused with the wait and the reason, and the button stays to press again later.
  {
    name: 'a person who ran too many push tests is told how long to wait and why',
    as: 'hasty',
    command: 'pushcheck',
    text: 'dave prod',
    args: { userId: 'dave', app: 'prod' },
    steps: [{ click: 'Start testing' }, ...Array.from({ length: PUSH_TEST_LIMIT.max }, () => ({ click: 'Test again' }))],
    expect: {
      status: 'warning',
      ephemeral: true,
      title: ['too many push tests', 'wait'],
      says: [`all ${PUSH_TEST_LIMIT.max} push tests`, '10 minutes', 'real notifications', 'other people are not affected', 'RATE_LIMITED'],
      actions: ['Test again'],
    },
  },
  {
    name: 'someone else can still run push tests meanwhile',
    push: true,
    command: 'pushcheck',
    text: 'dave prod',
    args: { userId: 'dave', app: 'prod' },
    steps: [{ click: 'Start testing' }],
    expect: { status: 'failure', ephemeral: true, title: ['failed'], says: ['UNKNOWN_CERTIFICATE'] },
  },

  // /triage and /imstatus (Tencent IM through its emulator; iris logged out from her iPhone an hour ago)
  {
    name: 'triage puts the logout first: IM sends no offline push after logout',
    command: 'triage',
    text: 'iris prod',
    args: { userId: 'iris', app: 'prod' },
    expect: {
      status: 'failure',
      ephemeral: true,
      title: ['triage', 'iris'],
      says: ['iris logged out at', 'from iPhone', 'no offline push after logout', 'IM online status', 'OFFLINE', 'Uploaded devices', 'Push certificates'],
      actions: ['Start testing', 'Check a UserSig', 'Send IM test message'],
    },
  },
  {
    name: 'triage of a user IM does not know says there is no account',
    command: 'triage',
    text: 'ghost prod',
    args: { userId: 'ghost', app: 'prod' },
    expect: { status: 'failure', ephemeral: true, title: ['ghost', 'NOT_IMPORTED'], says: ['no account', 'never logged in'] },
  },
  {
    name: 'triage Start testing adds the provider test pushes',
    push: true,
    command: 'triage',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    steps: [{ click: 'Start testing' }],
    expect: { status: 'success', ephemeral: true, title: ['alice'], says: ['Test pushes', 'test pushes accepted', 'PushOnline'], actions: ['Check a UserSig'] },
  },
  {
    name: 'triage takes a UserSig through a form and verifies it',
    command: 'triage',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    steps: [{ click: 'Check a UserSig' }, { submit: { userSig: '{sig:alice:expired}' } }],
    expect: { status: 'failure', ephemeral: true, title: ['alice', 'EXPIRED'], says: ['UserSig', 'expired'] },
  },
  {
    name: 'triage is refused to someone not in access.push.test (it shows device data)',
    as: 'stranger',
    command: 'triage',
    text: 'iris prod',
    args: { userId: 'iris', app: 'prod' },
    expect: { status: 'error', ephemeral: true, title: ['not allowed'], says: ['access.push.test'] },
  },
  {
    name: 'imstatus says whether offline push can reach the user, per platform',
    command: 'imstatus',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    expect: {
      status: 'success',
      ephemeral: true,
      title: ['alice', 'PushOnline'],
      says: ['iPhone: PushOnline', 'offline push'],
      actions: ['Send IM test message'],
    },
  },
  {
    name: 'imstatus of a logged-out user: Offline, no push at all',
    command: 'imstatus',
    text: 'iris prod',
    args: { userId: 'iris', app: 'prod' },
    expect: { status: 'failure', ephemeral: true, title: ['iris', 'Offline'], says: ['no push at all', 'Log in again'] },
  },
  {
    name: 'the IM test message asks first and says it lands in the chat history',
    command: 'imstatus',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    steps: [{ click: 'Send IM test message' }],
    expect: {
      status: 'warning',
      ephemeral: true,
      title: ['send a test message', 'alice'],
      says: ['chat history', 'administrator'],
      actions: ['Send test message', 'Cancel'],
    },
  },
  {
    name: 'confirming sends the IM test message',
    command: 'imstatus',
    text: 'alice prod',
    args: { userId: 'alice', app: 'prod' },
    steps: [{ click: 'Send IM test message' }, { click: 'Send test message' }],
    expect: { ephemeral: true, title: ['test message sent', 'alice'], says: ['chat history', 'imops push test'] },
  },
];

// ---------------------------------------------------------------------------------------------------------
// Checking what was seen

/** The words of a neutral Reply, as any faithful renderer shows them (used for the core-only run). */
export function seenFromReply(r: Reply): Seen {
  const parts: string[] = [r.title];
  const fieldLabels: string[] = [];
  const codeBlocks: string[] = [];
  const visit = (b: Block) => {
    switch (b.type) {
      case 'text':
        parts.push(b.text);
        break;
      case 'code':
        codeBlocks.push(b.text);
        parts.push(b.text);
        break;
      case 'fields':
        for (const f of b.fields) {
          fieldLabels.push(f.label);
          parts.push(`${f.label}: ${f.value}`);
        }
        break;
      case 'list':
        parts.push(b.title, ...b.items);
        break;
      case 'item':
        parts.push(b.title);
        for (const f of b.fields) {
          fieldLabels.push(f.label);
          parts.push(`${f.label}: ${f.value}`);
        }
        if (b.cause) parts.push(`Cause: ${b.cause}`);
        if (b.fix) parts.push(`Fix: ${b.fix}`);
        break;
    }
  };
  r.blocks.forEach(visit);
  if (r.cause) parts.push(`Cause: ${r.cause}`);
  if (r.fix) parts.push(`Fix: ${r.fix}`);
  if (r.code) parts.push(r.code);
  if (r.footer) parts.push(r.footer);
  const actions = (r.actions ?? []).map((a) => (a.type === 'button' ? a.label : 'select'));
  for (const a of r.actions ?? []) if (a.type === 'select') parts.push(a.placeholder, ...a.options.map((o) => o.label));
  return {
    kind: 'message',
    ephemeral: r.visibility === 'ephemeral',
    status: r.status,
    title: r.title,
    text: parts.join('\n'),
    fieldLabels,
    code: codeBlocks,
    actions,
    formFields: [],
  };
}

export function seenFromForm(f: Form): Seen {
  return {
    kind: 'form',
    ephemeral: true,
    title: f.title,
    text: [f.title, ...f.fields.map((x) => x.label)].join('\n'),
    fieldLabels: [],
    code: [],
    actions: [],
    formFields: f.fields.map((x) => x.id),
  };
}

export function seenFromErrors(errors: Record<string, string>): Seen {
  return {
    kind: 'form-errors',
    ephemeral: true,
    title: '',
    text: Object.values(errors).join('\n'),
    fieldLabels: [],
    code: [],
    actions: [],
    formFields: Object.keys(errors),
  };
}

/** What is wrong with what the user saw; empty when it matches the row. */
export function check(row: Scenario, seen: Seen, world: Pick<World, 'secrets' | 'tokens'>): string[] {
  const e = row.expect;
  const problems: string[] = [];
  const lower = seen.text.toLowerCase();
  const kind = e.kind ?? 'message';
  if (seen.kind !== kind) problems.push(`expected a ${kind}, saw a ${seen.kind}: ${seen.title || seen.text.slice(0, 200)}`);
  if (e.status && seen.status !== e.status) problems.push(`status ${seen.status}, expected ${e.status} (${seen.title})`);
  if (seen.ephemeral !== e.ephemeral) problems.push(`ephemeral ${seen.ephemeral}, expected ${e.ephemeral}`);
  for (const w of e.title ?? []) if (!seen.title.toLowerCase().includes(w.toLowerCase())) problems.push(`title "${seen.title}" lacks "${w}"`);
  for (const w of e.says ?? []) if (!lower.includes(w.toLowerCase())) problems.push(`does not say "${w}"`);
  for (const f of e.fields ?? []) if (!seen.fieldLabels.includes(f)) problems.push(`no field "${f}" (has ${seen.fieldLabels.join(', ')})`);
  for (const a of e.actions ?? []) if (!seen.actions.includes(a)) problems.push(`no action "${a}" (has ${seen.actions.join(', ')})`);
  if (e.formFields) {
    const want = [...e.formFields].sort().join(',');
    const got = [...seen.formFields].sort().join(',');
    if (want !== got) problems.push(`form fields ${got}, expected ${want}`);
  }
  if (e.code === true && seen.code.length === 0) problems.push('no code block');
  if (!e.code && seen.code.length > 0) problems.push('an unexpected code block');
  // Secrets: keys and full device tokens never; a UserSig only inside the code block of an ephemeral generate.
  for (const k of world.secrets.keys) if (seen.text.includes(k)) problems.push('shows a secret key');
  for (const t of world.secrets.tokens) if (seen.text.includes(t)) problems.push('shows a full device token');
  const outside = seen.code.reduce((t, c) => t.split(c).join(''), seen.text);
  for (const s of world.secrets.userSigs) if (outside.includes(s)) problems.push('echoes a UserSig');
  if (seen.code.length > 0 && !seen.ephemeral) problems.push('a credential in a public message');
  if (/[A-Za-z0-9*_-]{100,}/.test(outside)) problems.push('something UserSig-like outside a code block');
  return problems;
}

/** The row's Slack text, with placeholders filled. */
export function slackText(row: Scenario, world: Pick<World, 'fill'>): string {
  return world.fill(row.text);
}

/** The row's typed options, with placeholders filled. */
export function typedArgs(row: Scenario, world: Pick<World, 'fill'>): Record<string, string> {
  return Object.fromEntries(Object.entries(row.args).map(([k, v]) => [k, world.fill(v)]));
}

export function fillValues(values: Record<string, string>, world: Pick<World, 'fill'>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, world.fill(v)]));
}

// ---------------------------------------------------------------------------------------------------------
// Driving a row through the core alone (the in-process "test platform")

export type Via = 'text' | 'typed';

/** The invocation for a row: parsed from its Slack text, or built from its typed options as Discord sends them. */
export function invocationFor(row: Scenario, world: Pick<World, 'fill' | 'core'>, via: Via) {
  if (via === 'text') return world.core.parseText(row.command, slackText(row, world));
  const args = typedArgs(row, world);
  // Discord never puts a secret option on the command line: the core asks for it with a form.
  delete args.userSig;
  return { command: row.command, ...(row.subcommand && { subcommand: row.subcommand }), args, empty: Object.keys(args).length === 0 && !row.subcommand };
}

export async function runOnCore(
  original: Scenario,
  world: World,
  via: Via,
  platform: 'slack' | 'discord' = 'slack',
  locale: ScenarioLocale = 'en',
): Promise<Seen> {
  const row = rowIn(original, locale);
  const who = principal(platform, row.as ?? 'admin', locale);
  const core = world.core;
  let current: { form?: Form; reply?: Reply; errors?: Record<string, string> };
  const execute = async (plan: ReturnType<CommandCore['plan']>) => (plan.kind === 'form' ? { form: plan.form } : { reply: await plan.run() });
  current = await execute(core.plan(who, invocationFor(row, world, via)));
  const steps: Step[] = [...(row.steps ?? [])];
  // Typed input leaves the UserSig out: fill the form the core opened with it, as a Discord user would.
  if (via === 'typed' && row.args.userSig !== undefined && current.form && !steps.some((s) => 'submit' in s)) {
    steps.unshift({ submit: { userId: row.args.userId ?? '', userSig: row.args.userSig } });
  }
  for (const step of steps) {
    if ('submit' in step) {
      if (!current.form) throw new Error(`${row.name}: expected a form to submit, got ${current.reply?.title}`);
      const result = await core.submitForm(who, current.form.id, fillValues(step.submit, world));
      current = result.kind === 'errors' ? { errors: result.errors } : await execute(result.plan);
    } else {
      const actions = current.reply?.actions ?? [];
      const action = 'select' in step ? actions.find((a) => a.type === 'select') : actions.find((a) => a.type === 'button' && a.label === step.click);
      if (!action) throw new Error(`${row.name}: no ${'select' in step ? 'select' : `button "${step.click}"`} in ${current.reply?.title}`);
      const plan = core.action(who, action.id, 'select' in step ? step.select : undefined);
      // A button may open a form (a modal: Slack views.open, Discord showModal as the first answer).
      if (plan.kind !== 'update' && plan.kind !== 'form')
        throw new Error(`${row.name}: an action should update the message or open a form, planned ${plan.kind}`);
      current = await execute(plan);
    }
  }
  if (current.errors) return seenFromErrors(current.errors);
  if (current.form) return seenFromForm(current.form);
  return seenFromReply(current.reply!);
}

// ---------------------------------------------------------------------------------------------------------
// The locale column

/** Every leaf of the English catalogue that is a plain string, by value: how a label is found again in zh-CN. */
function leafPaths(value: unknown, path: string[], out: Map<string, string[]>): Map<string, string[]> {
  if (typeof value === 'string') {
    if (!out.has(value)) out.set(value, path);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leafPaths(v, [...path, k], out);
  }
  return out;
}
const EN_LEAVES = leafPaths(catalogue('en'), [], new Map());

/** A label (button, field) as the reader of `locale` sees it: the same catalogue entry in their language. */
export function labelIn(label: string, locale: ScenarioLocale): string {
  const path = locale === 'en' ? undefined : EN_LEAVES.get(label);
  if (!path) return label;
  const found = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalogue(locale));
  return typeof found === 'string' ? found : label;
}

/** Words of `expect.says` that are data, the same in every language: IDs, codes, commands, config keys. */
const DATA_WORDS = new Set(['prod', 'staging', 'apns', 'fcm', 'gen', 'verify', 'inspect', 'explain', 'privateMapKey', 'administrator']);
/** Capitalised words that are English all the same (a result's PASS / FAIL mark). */
const WORDS = new Set(['PASS', 'FAIL']);
function isData(word: string): boolean {
  if (WORDS.has(word)) return false;
  return !/[a-z]/.test(word) || DATA_WORDS.has(word) || /^[\w.-]*\d[\w.-]*$/.test(word) || /^(\/|access\.)/.test(word);
}

/** The row as a reader of `locale` runs it: labels in their language, the neutral expectations plus the zh column. */
export function rowIn(row: Scenario, locale: ScenarioLocale): Scenario {
  if (locale === 'en') return row;
  const e = row.expect;
  const steps = row.steps?.map((s): Step => ('click' in s ? { click: labelIn(s.click, locale) } : s));
  return {
    ...row,
    ...(steps && { steps }),
    expect: {
      ...(e.kind && { kind: e.kind }),
      ...(e.status && { status: e.status }),
      ephemeral: e.ephemeral,
      ...(e.code !== undefined && { code: e.code }),
      ...(e.formFields && { formFields: e.formFields }),
      ...(e.fields && { fields: e.fields.map((f) => labelIn(f, locale)) }),
      ...(e.actions && { actions: e.actions.map((a) => (a === 'select' ? a : labelIn(a, locale))) }),
      title: row.zh?.title ?? [],
      says: [...(e.says ?? []).filter(isData), ...(row.zh?.says ?? [])],
    },
  };
}

/** `check` in a language: the row's expectations, and every word shown in that language (no mixed replies). */
export function checkIn(locale: ScenarioLocale, row: Scenario, seen: Seen, world: Pick<World, 'secrets' | 'tokens'>): string[] {
  const problems = check(rowIn(row, locale), seen, world);
  // A form's text is its labels; an errors list is the fields' own messages: both are words too.
  return [...problems, ...languageProblems(seen.text, locale)];
}
