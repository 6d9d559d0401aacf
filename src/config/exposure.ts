import { statSync } from 'node:fs';

/**
 * Keys whose values are secrets when written in the config file itself. `secretKey` and `passphrase` exist
 * today; the others are the vendor and IM secrets the round-2 design adds, listed so those land covered.
 */
const SECRET_KEYS = new Set(['secretKey', 'passphrase', 'clientSecret', 'appSecret', 'masterSecret', 'callbackToken']);

/** Group (0o040) or other users (0o004) may read the file. */
const READABLE_BY_OTHERS = 0o044;

/**
 * The fields of the raw (not yet interpolated) config that hold a secret written in the file: a value that is
 * more than `${ENV}` references. Paths only, never values.
 */
export function inlineSecretFields(raw: unknown, at = ''): string[] {
  if (Array.isArray(raw)) return raw.flatMap((v, i) => inlineSecretFields(v, `${at}[${i}]`));
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key;
    if (SECRET_KEYS.has(key) && typeof value === 'string') {
      return value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, '').trim() ? [path] : [];
    }
    return inlineSecretFields(value, path);
  });
}

/**
 * The file's permission bits when users other than its owner may read it, else undefined. Windows has no such
 * bits (Node reports 0o666 for every file), so nothing is reported there.
 */
export function readableByOthers(path: string): number | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    const mode = statSync(path).mode & 0o777;
    return mode & READABLE_BY_OTHERS ? mode : undefined;
  } catch {
    return undefined;
  }
}

export function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}

/** The notice for a config file that holds secrets other users can read, or undefined when it is fine. */
export function configFileNotice(path: string, raw: unknown): string | undefined {
  const mode = readableByOthers(path);
  if (mode === undefined) return undefined;
  const fields = inlineSecretFields(raw);
  if (fields.length === 0) return undefined;
  return `${path} holds a secret (${fields.join(', ')}) and other users can read it (mode ${octal(mode)}): chmod 600 ${path}, or put \${VARIABLE} in its place and set the variable`;
}

/** The notice for a secret key file other users can read, or undefined when it is fine. */
export function secretFileNotice(path: string, field: string): string | undefined {
  const mode = readableByOthers(path);
  if (mode === undefined) return undefined;
  return `${path} (${field}) holds a secret key and other users can read it (mode ${octal(mode)}): chmod 600 ${path}`;
}
