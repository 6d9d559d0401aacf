import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHINA,
  checkIn,
  fillValues,
  rowIn,
  SCENARIO_LOCALES,
  SCENARIOS,
  seenFromErrors,
  slackText,
  USERS,
  type Scenario,
  type ScenarioLocale,
  type Seen,
} from '../scenarios/table.js';
import { blockAction, seenFromMessage, seenFromView, startHarness, viewSubmission, type Harness, type Message, type View } from './harness.js';

/** One bot per language, each with its own world (rate-limit budgets) and its own Slack. */
const harnesses = new Map<ScenarioLocale, Harness>();
beforeAll(async () => {
  for (const locale of SCENARIO_LOCALES) {
    const h = await startHarness();
    // Slack tells the bot each person's language and zone (users.info with include_locale).
    if (locale === 'zh-CN') for (const u of Object.values(USERS)) h.fake.setUser(u.slack, { locale: 'zh-CN', tz: CHINA });
    harnesses.set(locale, h);
  }
});
afterAll(async () => {
  for (const h of harnesses.values()) await h.close();
});

interface State {
  message?: Message;
  view?: View;
  errors?: Record<string, string>;
}

function responseIdOf(url: string): string {
  return decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
}

/** Drive one row through real Bolt: signed slash command, then each step as Slack would send it. */
async function runOnSlack(original: Scenario, locale: ScenarioLocale): Promise<Seen> {
  const h = harnesses.get(locale)!;
  const row = rowIn(original, locale);
  const who = row.as ?? 'admin';
  const opened = h.fake.calls.filter((c) => c.method === 'views.open').length;
  const first = await h.command(row.command, slackText(row, h.world), who);
  expect(first.status).toBe(200);
  let state: State = first.json
    ? { message: first.json as Message }
    : await Promise.race([
        h.fake.waitForCall('views.open', opened + 1).then((c) => ({ view: c.args.view as View })),
        h.fake.waitForResponse(first.responseId).then((r) => ({ message: r.body as Message })),
      ]);
  for (const step of row.steps ?? []) {
    if ('submit' in step) {
      if (!state.view) throw new Error(`expected a modal, saw ${JSON.stringify(state)}`);
      const meta = JSON.parse(state.view.private_metadata ?? '{}') as { r?: string };
      expect(meta.r).toBeDefined();
      const id = responseIdOf(meta.r!);
      const before = h.fake.responses.filter((r) => r.id === id).length;
      const res = await h.interact(viewSubmission(state.view, fillValues(step.submit, h.world), who));
      expect(res.status).toBe(200);
      if (res.json?.response_action === 'errors') {
        state = { errors: res.json.errors as Record<string, string> };
      } else {
        expect(res.text).toBe('');
        state = { message: (await h.fake.waitForResponse(id, before + 1)).body as Message };
      }
    } else {
      if (!state.message) throw new Error('expected a message to act on');
      const url = h.fake.responseUrl();
      const views = h.fake.calls.filter((c) => c.method === 'views.open').length;
      const res = await h.interact(blockAction(state.message, step, who, url));
      // The click is acknowledged empty at once; the card is replaced through response_url, or a modal opens.
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const next: State = await Promise.race<State>([
        h.fake.waitForCall('views.open', views + 1).then((c) => ({ view: c.args.view as View })),
        h.fake.waitForResponse(responseIdOf(url)).then((r) => ({ message: r.body as Message })),
      ]);
      if (next.message) expect(next.message.replace_original).toBe(true);
      state = next;
    }
  }
  if (state.errors) return seenFromErrors(state.errors);
  if (state.view) return seenFromView(state.view);
  return seenFromMessage(state.message!);
}

describe.each(SCENARIO_LOCALES)('scenario table through Slack (real Bolt, signed requests, fake Web API), in %s', (locale) => {
  for (const row of SCENARIOS) {
    it(row.name, async () => {
      const seen = await runOnSlack(row, locale);
      expect(checkIn(locale, row, seen, harnesses.get(locale)!.world)).toEqual([]);
    });
  }
});

describe('Slack end to end', () => {
  it("asked Slack for each person's language once, with include_locale", () => {
    for (const h of harnesses.values()) {
      const asked = h.fake.calls.filter((c) => c.method === 'users.info');
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((c) => String(c.args.include_locale) === 'true')).toBe(true);
      // Cached: one lookup per person, however many commands they ran.
      expect(new Set(asked.map((c) => c.args.user)).size).toBe(asked.length);
    }
  });

  it('never posted a public message through the Web API, and no public reply carries a secret', () => {
    for (const h of harnesses.values()) {
      expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
      const secrets = [...h.world.secrets.keys, ...h.world.secrets.tokens, ...h.world.secrets.userSigs];
      for (const r of h.fake.responses.filter((x) => x.body.response_type === 'in_channel')) {
        const text = JSON.stringify(r.body);
        for (const s of secrets) expect(text).not.toContain(s);
      }
    }
  });

  it('wrote no secret key, UserSig, device token or Slack token to the log', () => {
    for (const h of harnesses.values()) {
      const log = h.world.logLines.join('\n');
      expect(log.length).toBeGreaterThan(0);
      for (const s of [...h.world.secrets.keys, ...h.world.secrets.tokens, ...h.world.secrets.userSigs]) expect(log).not.toContain(s);
      expect(log).not.toMatch(/xox[bp]-|xapp-/);
    }
  });
});
