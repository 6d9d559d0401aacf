// Reading the vendors' JSON answers: a field as text, an object or nothing. No imports, so the providers'
// tables and inspections can use it without loading the HTTP client at start.

/** An object's field as text (`code` may come as 0 or "0"), or undefined. */
export function field(body: unknown, key: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const v = (body as Record<string, unknown>)[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** A JSON answer's object, or `{}` when the body was not a JSON object. */
export function jsonObject(json: unknown): Record<string, unknown> {
  return (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
}
