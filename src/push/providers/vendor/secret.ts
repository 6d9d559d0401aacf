// What can be said about a vendor secret from the config alone, without ever showing it.
import { say, type Words } from '../../../text/index.js';

/** Problems with a secret's text, in every language; `field` names it (clientSecret, appSecret…). The secret itself is never quoted. */
export function secretProblemWords(secret: string, field: string): Words[] {
  const problems: Words[] = [];
  if (/^\$\{[^}]*\}$/.test(secret.trim())) problems.push(say((t) => t.pushWords.vendor.secret.placeholder(field)));
  else if (secret !== secret.trim()) problems.push(say((t) => t.pushWords.vendor.secret.padded(field)));
  else if (/\s/.test(secret)) problems.push(say((t) => t.pushWords.vendor.secret.spaces(field)));
  return problems;
}

/**
 * The same problems in English only, for callers whose credential check still collects plain strings (the
 * Collector of ../health.ts takes strings today). Prefer secretProblemWords.
 */
export function secretProblems(secret: string, field: string): string[] {
  return secretProblemWords(secret, field).map((w) => w.en);
}
