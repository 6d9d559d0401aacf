// docker-compose.yml (issue 13): no Docker engine runs here, so this checks what would break `docker compose up`
// for two replicas on one Postgres: both replicas built from the Dockerfile, on the same database URL, started
// after Postgres is healthy, on different host ports; no secret written into the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './harness.js';

const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(text, { merge: true }) as {
  services: Record<string, { build?: string; image?: string; environment?: Record<string, string>; ports?: string[]; depends_on?: unknown }>;
};

describe('docker-compose.yml', () => {
  const replicas = Object.entries(compose.services).filter(([name]) => name.startsWith('imops'));

  it('runs two imops replicas from the Dockerfile on one Postgres 16, after it is healthy, on different ports', () => {
    expect(replicas).toHaveLength(2);
    expect(compose.services.postgres?.image).toBe('postgres:16');
    const urls = new Set(replicas.map(([, s]) => s.environment?.IMOPS_DATABASE_URL));
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(/^postgres:\/\/imops:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/imops$/);
    for (const [, s] of replicas) {
      expect(s.build).toBe('.');
      expect(s.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    }
    expect(new Set(replicas.flatMap(([, s]) => s.ports ?? [])).size).toBe(2);
  });

  it('takes every secret from the environment', () => {
    for (const [, s] of [...replicas, ['postgres', compose.services.postgres!] as const]) {
      for (const [k, v] of Object.entries(s.environment ?? {})) {
        if (/PASSWORD|SECRET|TOKEN|_KEY$/.test(k)) expect(v, k).toMatch(/^\$\{/);
      }
    }
  });
});
