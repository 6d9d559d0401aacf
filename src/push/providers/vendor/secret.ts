// What can be said about a vendor secret from the config alone, without ever showing it.

/** Problems with a secret's text; `field` names it (clientSecret, appSecret…). The secret itself is never quoted. */
export function secretProblems(secret: string, field: string): string[] {
  const problems: string[] = [];
  if (/^\$\{[^}]*\}$/.test(secret.trim())) problems.push(`${field} is an unexpanded \${…} placeholder: the environment variable it names is not set.`);
  else if (secret !== secret.trim()) problems.push(`${field} has spaces or line breaks around it, so the vendor will refuse it.`);
  else if (/\s/.test(secret)) problems.push(`${field} contains spaces, so it was pasted wrong.`);
  return problems;
}
