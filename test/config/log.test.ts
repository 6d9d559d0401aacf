import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskToken, REDACTED } from '../../src/log.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), lines };
}

describe('logger', () => {
  it('redacts credential fields at any of the first three levels', () => {
    const { log, lines } = capture();
    log.info({ secretKey: 'SECRET-1', req: { headers: { authorization: 'UserSig SECRET-2' } }, app: { userSig: 'SECRET-3' }, token: 'SECRET-4' }, 'x');
    const out = lines.join('');
    for (const s of ['SECRET-1', 'SECRET-2', 'SECRET-3', 'SECRET-4']) expect(out).not.toContain(s);
    expect(out).toContain(REDACTED);
  });

  it('masks device tokens so they can be recognised but not used', () => {
    const token = 'a1b2c3d4'.repeat(8);
    const masked = maskToken(token);
    expect(masked).toBe('a1b2c3…c3d4 (64 chars)');
    expect(masked).not.toContain(token.slice(6, -4));
    expect(maskToken('short')).toBe('sh…(5)');
  });
});
