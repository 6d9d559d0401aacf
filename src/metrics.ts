/**
 * imops' Prometheus series, on prom-client. Each `Metrics` owns its own `Registry` (never prom-client's global
 * one), so tests and several services in one process never share or collide on a series.
 *
 * The thin wrappers keep the calling API the rest of imops was written against (`inc(labels)`,
 * `observe(seconds, labels)`) and type each metric's label names, so a call with a misspelled or missing label
 * fails to compile instead of throwing at run time inside prom-client.
 *
 * Default process metrics (collectDefaultMetrics) are left out on purpose: each call starts an event-loop
 * monitor and a GC observer that are never released, one set per `Metrics`, and tests create dozens.
 */
import { Counter as PromCounter, Histogram as PromHistogram, Registry } from 'prom-client';

type Labels<L extends string> = Record<L, string>;

/** Matches one series' labels exactly, whatever order prom-client keeps them in. */
function sameLabels(a: Partial<Record<string, string | number>>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => String(a[k]) === b[k]);
}

export class Counter<L extends string = never> {
  private readonly metric: PromCounter<L>;
  constructor(registry: Registry, name: string, help: string, labelNames: readonly L[]) {
    this.metric = new PromCounter({ name, help, labelNames, registers: [registry] });
  }

  inc(labels: Labels<L>, by = 1): void {
    this.metric.inc(labels, by);
  }

  /** The current value of one series, 0 when it was never incremented. */
  async get(labels: Labels<L>): Promise<number> {
    const { values } = await this.metric.get();
    return values.find((v) => sameLabels(v.labels, labels))?.value ?? 0;
  }
}

export class Histogram<L extends string = never> {
  private readonly metric: PromHistogram<L>;
  constructor(registry: Registry, name: string, help: string, labelNames: readonly L[], buckets?: number[]) {
    // prom-client's default buckets (5 ms to 10 s) are the ones imops used before; listed only when overridden.
    this.metric = new PromHistogram({ name, help, labelNames, registers: [registry], ...(buckets ? { buckets } : {}) });
  }

  observe(seconds: number, labels: Labels<L>): void {
    this.metric.observe(labels, seconds);
  }
}

/** The series imops exports. One instance per process (or per test). */
export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter(this.registry, 'imops_commands_total', 'Chat and CLI commands by command name and outcome.', ['command', 'outcome']);
  readonly commandSeconds = new Histogram(this.registry, 'imops_command_duration_seconds', 'Time to answer a command, by command name.', ['command']);
  readonly pushVerdicts = new Counter(this.registry, 'imops_push_verdicts_total', 'Test push results by platform and verdict.', ['platform', 'verdict']);
  readonly pushSeconds = new Histogram(this.registry, 'imops_push_duration_seconds', 'Time for one test push, by platform.', ['platform']);
  readonly usersigVerdicts = new Counter(this.registry, 'imops_usersig_verdicts_total', 'UserSig verifications by verdict.', ['verdict']);
  readonly httpRequests = new Counter(this.registry, 'imops_http_requests_total', 'HTTP requests by route and status.', ['route', 'method', 'status']);
  readonly httpSeconds = new Histogram(this.registry, 'imops_http_request_duration_seconds', 'HTTP request latency by route.', ['route']);
  readonly sweepVerdicts = new Counter(this.registry, 'imops_sweep_verdicts_total', 'Sweep results by platform and verdict.', ['platform', 'verdict']);
  readonly watchAlerts = new Counter(this.registry, 'imops_watch_alerts_total', 'Watch alerts posted, by kind.', ['kind']);
  readonly deviceUploads = new Counter(this.registry, 'imops_device_uploads_total', 'Device uploads by outcome.', ['outcome']);

  /** The Content-Type of `metrics()`: the Prometheus text exposition format. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every series in the Prometheus text exposition format. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
