// Small helpers shared by the push tests: a device as the store returns it, a logger whose lines are kept, and a
// device upload to a loopback `imops serve`.
import { request } from 'node:http';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';
import type { Device, PushPlatform } from '../../src/push/types.js';
import { generateUserSig } from '../../src/usersig/index.js';

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

/** `PUT /v1/devices` on a loopback `imops serve` at `port`, signed with a UserSig for `userId`. */
export function uploadDevice(
  app: { port: number; sdkAppId: number; secretKey: string },
  userId: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> & { warnings?: string[] } }> {
  const text = JSON.stringify(body);
  const userSig = generateUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId, expireSeconds: 3600 });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: app.port,
        method: 'PUT',
        path: '/v1/devices',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          authorization: `UserSig ${userSig}`,
          'x-sdkappid': String(app.sdkAppId),
          'x-userid': userId,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
