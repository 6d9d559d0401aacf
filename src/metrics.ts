/**
 * A small Prometheus registry: counters and histograms with labels, rendered in the text exposition format.
 * Enough for imops' handful of series, without a dependency.
 */

type Labels = Record<string, string>;

const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const renderLabels = (labels: Labels, extra: Labels = {}) => {
  const all = { ...labels, ...extra };
  const parts = Object.entries(all).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    const entry = this.values.get(k);
    if (entry) entry.value += by;
    else this.values.set(k, { labels, value: by });
  }

  get(labels: Labels = {}): number {
    return this.values.get(key(labels))?.value ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${renderLabels(labels)} ${value}`);
    return lines.join('\n');
  }
}

export class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  ) {}

  observe(seconds: number, labels: Labels = {}): void {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    this.buckets.forEach((b, i) => {
      if (seconds <= b) s.counts[i]!++;
    });
    s.sum += seconds;
    s.count++;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket${renderLabels(s.labels, { le: String(b) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${renderLabels(s.labels, { le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${renderLabels(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${renderLabels(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/** The series imops exports. One instance per process (or per test). */
export class Metrics {
  readonly commands = new Counter('imops_commands_total', 'Chat and CLI commands by command name and outcome.');
  readonly commandSeconds = new Histogram('imops_command_duration_seconds', 'Time to answer a command, by command name.');
  readonly pushVerdicts = new Counter('imops_push_verdicts_total', 'Test push results by platform and verdict.');
  readonly pushSeconds = new Histogram('imops_push_duration_seconds', 'Time for one test push, by platform.');
  readonly usersigVerdicts = new Counter('imops_usersig_verdicts_total', 'UserSig verifications by verdict.');
  readonly httpRequests = new Counter('imops_http_requests_total', 'HTTP requests by route and status.');
  readonly httpSeconds = new Histogram('imops_http_request_duration_seconds', 'HTTP request latency by route.');
  readonly deviceUploads = new Counter('imops_device_uploads_total', 'Device uploads by outcome.');

  render(): string {
    return [this.commands, this.commandSeconds, this.pushVerdicts, this.pushSeconds, this.usersigVerdicts, this.httpRequests, this.httpSeconds, this.deviceUploads]
      .map((m) => m.render())
      .join('\n') + '\n';
  }
}
