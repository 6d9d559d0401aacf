// `imops serve`'s watch: a round every `watch.every` (design.md "Sweep and watch"), its alerts posted to the
// `watch.notify` channels through the running chat adapters. Of several replicas only one runs each period
// (the store's lock); the alert state in the store makes each alert go out once per change.
import type { CheckDeps } from '../checks/check.js';
import { watchRound, type WatchFinding } from '../checks/watch.js';
import type { Config, WatchConfig } from '../config/types.js';
import { describeError, type Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { alertReply } from '../present/incidents.js';
import type { Reply } from '../present/reply.js';
import type { Services } from '../services.js';
import { catalogue, DEFAULT_LOCALE } from '../text/index.js';

export interface WatchLoop {
  /** Run a round now (unless one is running here, or another replica holds the lock) and post its alerts. */
  runRound(): Promise<WatchFinding | undefined>;
  /** No new rounds; waits for a running one to finish. */
  stop(): Promise<void>;
}

export interface WatchLoopOptions {
  config: Config;
  watch: WatchConfig;
  services: Services;
  log: Logger;
  metrics: Metrics;
  /** Post to one `watch.notify` target ("slack:C0123ABC"); rejects when it cannot. */
  post(target: string, reply: Reply): Promise<void>;
  /** Delay before the first round (ms): by default one period, so a restart loop does not sweep on every start. */
  firstRoundMs?: number;
}

export function startWatchLoop(o: WatchLoopOptions): WatchLoop {
  const { services, log, watch } = o;
  let running: Promise<WatchFinding | undefined> | undefined;
  let stopped = false;
  const deps: CheckDeps & { locks: Services['store']['locks']; alerts: Services['store']['alerts'] } = {
    config: o.config,
    log,
    now: Date.now,
    push: services.push,
    devices: services.devices,
    audit: services.audit,
    metrics: o.metrics,
    locks: services.store.locks,
    alerts: services.store.alerts,
  };

  const round = async (): Promise<WatchFinding | undefined> => {
    // The period lock outlives the round (most of a period), so another replica's timer in the same period skips.
    const finding = await watchRound(deps, watch, { periodMs: Math.max(30_000, Math.floor(watch.everyMs * 0.9)) });
    if (!finding.ran) {
      log.debug('watch round skipped: another replica runs this period');
      return finding;
    }
    log.info(
      {
        alerts: finding.alerts.map((a) => `${a.app}/${a.certificateId} ${a.kind} ${a.verdict}`),
        certificates: finding.certificates.length,
        ms: finding.elapsedMs,
      },
      'watch round finished',
    );
    // A channel has no one language: alerts use the configured default (locale.default, locale.timeZone).
    const t = catalogue(services.config.locale?.default ?? DEFAULT_LOCALE, services.config.locale?.timeZone);
    for (const alert of finding.alerts) {
      const reply = { ...alertReply(t, alert), locale: t.locale };
      for (const target of watch.notify) {
        try {
          await o.post(target, reply);
        } catch (err) {
          // The alert state is already saved: a channel that refuses does not make every round repeat it.
          log.error({ err: describeError(err), target, certificateId: alert.certificateId, kind: alert.kind }, 'could not post a watch alert');
        }
      }
    }
    return finding;
  };

  const runRound = () => {
    if (stopped) return Promise.resolve(undefined);
    running ??= round()
      .catch((err: unknown) => {
        log.error({ err: describeError(err) }, 'watch round failed; the next one runs on schedule');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      void runRound().finally(() => {
        if (!stopped) schedule(watch.everyMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(o.firstRoundMs ?? watch.everyMs);

  return {
    runRound,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
