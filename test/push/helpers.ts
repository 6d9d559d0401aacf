// Small helpers shared by the push tests: a device as the store returns it, and a logger whose lines are kept.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';
import type { Device, PushPlatform } from '../../src/push/types.js';

export function device(certificateId: string, token: string, platform: PushPlatform = 'apns', userId = 'alice'): Device {
  const at = new Date().toISOString();
  return { app: 'prod', userId, certificateId, platform, token, warnings: [], firstUploaded: at, lastSeen: at };
}

export function capturingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), lines };
}
