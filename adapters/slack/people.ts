// Who a Slack user is, as far as replies care: their language and time zone, from users.info with
// include_locale. Looked up once per person and kept for an hour; a slow or failed lookup never delays an answer
// past WAIT_MS, and the reply then falls back to the workspace's configured language.
import type { WebClient } from '@slack/web-api';
import { describeError, localeOf, type Locale, type Logger } from '../../src/commands/adapter.js';

export interface SlackPerson {
  locale?: Locale;
  timeZone?: string;
}

export interface PeopleOptions {
  /** How long a person's answer is kept (default an hour: people rarely change language). */
  ttlMs?: number;
  /** How long an answer waits for a lookup not yet cached (default 600 ms: Slack wants an answer within 3 s). */
  waitMs?: number;
  /** People remembered at most (the oldest are forgotten first). */
  max?: number;
  now?: () => number;
}

export type PersonLookup = (userId: string) => Promise<SlackPerson>;

export function slackPeople(client: Pick<WebClient, 'users'>, log: Logger, options: PeopleOptions = {}): PersonLookup {
  const { ttlMs = 3_600_000, waitMs = 600, max = 10_000, now = Date.now } = options;
  const known = new Map<string, { at: number; person: Promise<SlackPerson> }>();
  let warned = false;

  const ask = async (userId: string): Promise<SlackPerson> => {
    try {
      const res = await client.users.info({ user: userId, include_locale: true });
      const user = res.user;
      const locale = localeOf(user?.locale);
      return { ...(locale && { locale }), ...(user?.tz && { timeZone: user.tz }) };
    } catch (err) {
      // Without the users:read scope every lookup fails the same way: say it once, then use the defaults.
      if (!warned) log.warn({ err: describeError(err) }, 'Slack users.info failed: replies use the configured language (the app needs the users:read scope)');
      warned = true;
      return {};
    }
  };

  return async (userId) => {
    let entry = known.get(userId);
    if (!entry || now() - entry.at > ttlMs) {
      if (known.size >= max) known.delete(known.keys().next().value as string);
      entry = { at: now(), person: ask(userId) };
      known.delete(userId);
      known.set(userId, entry);
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<SlackPerson>((resolve) => (timer = setTimeout(() => resolve({}), waitMs)));
    try {
      return await Promise.race([entry.person, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
