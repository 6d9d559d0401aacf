/**
 * A truncated, invalid PEM block: the shape users paste when they try a v1 ECDSA key as the HMAC key.
 * Built at run time so no file in the repository looks like key material.
 */
export function pemLike(label: string, body: string): string {
  const dashes = '-'.repeat(5);
  return `${dashes}BEGIN ${label}${dashes}\n${body}\n${dashes}END ${label}${dashes}\n`;
}
