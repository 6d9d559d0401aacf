import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { configFileSchema, durationMs, type ConfigFile } from './schema.js';
import { parseConfigYaml } from './yaml.js';
import { configFileNotice, secretFileNotice } from './exposure.js';
import { PROVIDERS, providerFor } from '../push/providers/index.js';
import type { ProviderSettingsBase } from '../push/providers/types.js';
import { IM_REGION_HOSTS } from '../im/regions.js';
import { DEFAULT_PROVIDERS, type ImConfig, type AppConfig, type CertificateConfig, type Config, type DatabaseConfig, type ProvidersConfig } from './types.js';

export interface LoadOptions {
  /** Explicit path (`--config`); otherwise IMOPS_CONFIG, then ./imops.yml when it exists. */
  path?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface LoadedConfig {
  config: Config;
  /** Things the operator should know that do not stop imops (for example a trimmed secret key). */
  notices: string[];
}

export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const dataDir = resolve(cwd, env.IMOPS_DATA_DIR || './data');
  const explicit = options.path ?? (env.IMOPS_CONFIG || undefined);
  const path = explicit ? resolve(cwd, explicit) : existsSync(resolve(cwd, 'imops.yml')) ? resolve(cwd, 'imops.yml') : undefined;

  const loaded = path ? loadFile(path, env, dataDir) : loadFromEnv(env, dataDir);
  const database = databaseFrom(env);
  if (database) loaded.config.database = database;
  return loaded;
}

/** Most connections one process may ask for; Postgres' own default limit is 100 for all clients together. */
const MAX_POOL = 500;

/**
 * IMOPS_DATABASE_URL (and IMOPS_DATABASE_POOL): Postgres instead of the embedded SQLite store. The URL carries
 * credentials, so no message ever repeats it.
 */
function databaseFrom(env: NodeJS.ProcessEnv): DatabaseConfig | undefined {
  const url = env.IMOPS_DATABASE_URL?.trim();
  const poolText = env.IMOPS_DATABASE_POOL?.trim();
  if (!url) {
    if (poolText)
      throw new ConfigError(
        'environment',
        'IMOPS_DATABASE_POOL',
        'is set but IMOPS_DATABASE_URL is not',
        'set IMOPS_DATABASE_URL=postgres://… to use Postgres, or unset IMOPS_DATABASE_POOL',
      );
    return undefined;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')) {
    throw new ConfigError(
      'environment',
      'IMOPS_DATABASE_URL',
      'is not a postgres:// URL (its value is not shown: it may hold a password)',
      'set it to postgres://USER:PASSWORD@HOST:5432/DATABASE (percent-encode special characters in the password), or unset it to use the embedded SQLite store',
    );
  }
  const database: DatabaseConfig = { url };
  if (poolText) {
    const pool = Number(poolText);
    if (!/^\d+$/.test(poolText) || pool < 1 || pool > MAX_POOL)
      throw new ConfigError(
        'environment',
        'IMOPS_DATABASE_POOL',
        `must be a whole number from 1 to ${MAX_POOL}, got "${poolText.slice(0, 20)}"`,
        "for example 10 (connections per replica; replicas × pool must stay under the server's max_connections)",
      );
    database.pool = pool;
  }
  return database;
}

function loadFromEnv(env: NodeJS.ProcessEnv, dataDir: string): LoadedConfig {
  const source = 'environment';
  const notices: string[] = [];
  const base: Config = { source, apps: [], access: {}, providers: structuredClone(DEFAULT_PROVIDERS), dataDir };
  const id = env.IMOPS_SDKAPPID;
  const key = env.IMOPS_SECRET_KEY;
  if (!id && !key) return { config: base, notices };
  if (!id)
    throw new ConfigError(
      source,
      'IMOPS_SDKAPPID',
      'is not set but IMOPS_SECRET_KEY is',
      'set IMOPS_SDKAPPID to the SDKAppID of the key (IM console > Applications)',
    );
  if (!key) throw new ConfigError(source, 'IMOPS_SECRET_KEY', 'is not set but IMOPS_SDKAPPID is', 'set IMOPS_SECRET_KEY to the app key from the IM console');
  const sdkAppId = Number(id.trim());
  if (!/^\d+$/.test(id.trim()) || sdkAppId < 1 || sdkAppId > 0xffffffff) {
    // Never echo the value: with the two variables swapped, it is the secret key.
    throw new ConfigError(
      source,
      'IMOPS_SDKAPPID',
      `must be a positive whole number of at most 4294967295 (got ${id.length} characters that are not one)`,
      'set it to the SDKAppID from the IM console; IMOPS_SECRET_KEY holds the key',
    );
  }
  base.apps.push({ name: 'default', sdkAppId, secretKey: cleanSecretKey(key, 'IMOPS_SECRET_KEY', notices), certificates: [] });
  return { config: base, notices };
}

function loadFile(path: string, env: NodeJS.ProcessEnv, dataDir: string): LoadedConfig {
  const notices: string[] = [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(path, '', `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path given by --config or IMOPS_CONFIG');
  }
  const raw = parseConfigYaml(text, path);
  // Before interpolation: a secret that comes from ${ENV} is not in the file, whoever can read it.
  const exposed = configFileNotice(path, raw);
  if (exposed) notices.push(exposed);
  const expanded = interpolate(raw, env, path, []);
  const parsed = configFileSchema.safeParse(expanded);
  if (!parsed.success) throw zodToConfigError(path, parsed.error);
  const dir = dirname(path);
  const config = resolveFile(parsed.data, path, dir, dataDir, notices);
  return { config, notices };
}

/** Replace `${NAME}` in every string value; an unset variable is an error that names the field. */
function interpolate(value: unknown, env: NodeJS.ProcessEnv, source: string, at: (string | number)[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const v = env[name];
      if (v === undefined)
        throw new ConfigError(
          source,
          formatPath(at),
          `uses \${${name}}, which is not set in the environment`,
          `export ${name}=… before starting imops, or write the value in the file`,
        );
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, source, [...at, i]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, source, [...at, k])]));
  }
  return value;
}

function resolveIm(im: ConfigFile['apps'][number]['im']): ImConfig | undefined {
  if (!im) return undefined;
  const origin = (im.url ?? (im.region ? IM_REGION_HOSTS[im.region] : '')).replace(/\/+$/, '');
  return {
    admin: im.admin,
    origin,
    ...(im.region && { region: im.region }),
    testSender: im.testSender ?? im.admin,
    ...(im.callbackToken && { callbackToken: im.callbackToken }),
  };
}

function resolveFile(file: ConfigFile, source: string, dir: string, dataDir: string, notices: string[]): Config {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  const names = new Set<string>();
  const apps: AppConfig[] = file.apps.map((a, i) => {
    if (names.has(a.name)) throw new ConfigError(source, `apps[${i}].name`, `"${a.name}" is used by two apps`, 'give each app its own name');
    names.add(a.name);
    const twin = file.apps.findIndex((b) => b.sdkAppId === a.sdkAppId);
    if (twin !== i)
      throw new ConfigError(
        source,
        `apps[${i}].sdkAppId`,
        `${a.sdkAppId} is also the SDKAppID of apps[${twin}] (${file.apps[twin]!.name})`,
        'each app is one SDKAppID: uploads and checks could not tell them apart',
      );
    let secretKey: string;
    if (a.secretKeyFile !== undefined) {
      const keyPath = abs(a.secretKeyFile);
      try {
        secretKey = readFileSync(keyPath, 'utf8');
      } catch (err) {
        throw new ConfigError(source, `apps[${i}].secretKeyFile`, `cannot read ${keyPath} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      const exposed = secretFileNotice(keyPath, `apps[${i}].secretKeyFile`);
      if (exposed) notices.push(exposed);
      secretKey = cleanSecretKey(secretKey, `apps[${i}].secretKeyFile`, notices);
    } else {
      secretKey = cleanSecretKey(a.secretKey ?? '', `apps[${i}].secretKey`, notices);
    }
    if (!secretKey) throw new ConfigError(source, `apps[${i}].secretKey`, 'is empty', 'copy the key from the IM console (Applications > your app > key)');
    const ids = new Set<string>();
    const certificates: CertificateConfig[] = a.certificates.map((c, j) => {
      if (ids.has(c.id))
        throw new ConfigError(
          source,
          `apps[${i}].certificates[${j}].id`,
          `"${c.id}" is used twice in app ${a.name}`,
          'certificate IDs are unique within an app',
        );
      ids.add(c.id);
      return providerFor(c.platform).resolveCertificate(c, abs);
    });
    const im = resolveIm(a.im);
    return { name: a.name, sdkAppId: a.sdkAppId, secretKey, certificates, ...(im && { im }) };
  });
  return {
    source,
    apps,
    access: file.access,
    dataDir,
    providers: resolveProviders(file.providers, source, abs),
    ...(file.watch && { watch: { ...file.watch, everyMs: durationMs(file.watch.every) } }),
    ...(file.locale && { locale: file.locale }),
  };
}

/**
 * Each provider's block with its defaults and absolute paths. A `caFile` that is a folder or cannot be read
 * would fail only at the first push; it fails here instead, naming the field.
 */
function resolveProviders(raw: ConfigFile['providers'], source: string, abs: (p: string) => string): ProvidersConfig {
  const resolved = Object.fromEntries(
    PROVIDERS.map((p) => {
      const settings: ProviderSettingsBase = providerFor(p.id).resolveSettings(raw[p.id] ?? {}, abs);
      if (settings.caFile) checkCaFile(source, `providers.${p.id}.caFile`, settings.caFile);
      return [p.id, settings];
    }),
  );
  return resolved as ProvidersConfig;
}

function checkCaFile(source: string, field: string, path: string): void {
  let problem: string | undefined;
  try {
    if (!statSync(path).isFile()) problem = `${path} is a folder, not a CA certificate file`;
    else accessSync(path, constants.R_OK);
  } catch (err) {
    problem ??= `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (problem)
    throw new ConfigError(
      source,
      field,
      problem,
      "point it at the PEM file of the CA that signed the provider's (or the proxy's) TLS certificate, or remove it",
    );
}

/** The whole string is the HMAC key, so stray whitespace from a file or env var would break every signature. */
function cleanSecretKey(key: string, field: string, notices: string[]): string {
  const trimmed = key.trim();
  if (trimmed !== key) notices.push(`${field}: surrounding whitespace was trimmed from the secret key`);
  return trimmed;
}

function zodToConfigError(source: string, error: z.ZodError): ConfigError {
  const issue = error.issues[0];
  if (!issue) return new ConfigError(source, '', 'is not valid');
  const extra = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  let problem = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) problem = `is required (${issue.expected})`;
  return new ConfigError(source, formatPath(issue.path as (string | number)[]), problem + extra);
}

export function formatPath(path: readonly (string | number | symbol)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

export function findApp(config: Config, name?: string): AppConfig {
  if (config.apps.length === 0) {
    throw new ConfigError(config.source, 'apps', 'no app is configured', 'set IMOPS_SDKAPPID and IMOPS_SECRET_KEY, or list apps in imops.yml (see README)');
  }
  if (name === undefined) {
    if (config.apps.length === 1) return config.apps[0]!;
    throw new ConfigError(config.source, 'apps', `several apps are configured (${config.apps.map((a) => a.name).join(', ')})`, 'choose one with --app NAME');
  }
  const app = config.apps.find((a) => a.name === name);
  if (!app)
    throw new ConfigError(
      config.source,
      'apps',
      `no app named "${name}"; configured: ${config.apps.map((a) => a.name).join(', ')}`,
      'use one of the configured names',
    );
  return app;
}
