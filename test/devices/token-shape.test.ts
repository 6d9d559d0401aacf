import { describe, expect, it } from 'vitest';
import { describeToken as describeTokenText } from '../../src/push/token-shape.js';
import { chinese, english } from '../text/english.js';

/** The token's shape with its problems as an English reader gets them. */
const describeToken = (token: string) => {
  const shape = describeTokenText(token);
  return { ...shape, problems: shape.problems.map(english) };
};

const apns = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const fcm =
  'dGhpc2lzYW5pbnN0YW5jZQ:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx2ZU2SW3sRBPBqB1OZBBn6FCZmpeUMmcSe1jh9MhD4z9P5NDsLBKoQx4A2ZU0dTJOaMD4Emj-8ZPa7yKb3eBtfStR0QwRDyaxXgUIjDeJ';

describe('describeToken', () => {
  it('accepts a 64-digit hex APNs token and a real-looking FCM token as they are', () => {
    expect(describeToken(apns)).toEqual({ looksLike: 'apns', problems: [] });
    expect(describeToken(apns.toUpperCase())).toEqual({ looksLike: 'apns', problems: [] });
    expect(describeToken(fcm)).toEqual({ looksLike: 'fcm', problems: [] });
    // Legacy registration IDs: APA91b… without an instance-ID prefix.
    expect(describeToken(fcm.split(':')[1]!)).toEqual({ looksLike: 'fcm', problems: [] });
  });

  it('recognises the NSData description format and says to send only the hex digits', () => {
    const nsdata = `<${apns.match(/.{8}/g)!.join(' ')}>`;
    const shape = describeToken(nsdata);
    expect(shape.looksLike).toBe('apns');
    expect(shape.problems.join(' ')).toMatch(/< >/);
    expect(shape.problems.join(' ')).toMatch(/spaces/);
  });

  it('flags base64-encoded token bytes as an APNs token in the wrong encoding', () => {
    const b64 = Buffer.from(apns, 'hex').toString('base64');
    const shape = describeToken(b64);
    expect(shape.looksLike).toBe('apns');
    expect(shape.problems[0]).toMatch(/base64 \(32 bytes\), not hex/);
  });

  it('flags truncated APNs tokens: odd length, or shorter than usual', () => {
    expect(describeToken(apns.slice(0, 63)).problems[0]).toMatch(/odd number of hex digits \(63\)/);
    expect(describeToken(apns.slice(0, 40)).problems[0]).toMatch(/40 hex digits.*usually 64/);
    // Apple says not to rely on the size: longer even tokens are not a problem.
    expect(describeToken(apns + apns).problems).toEqual([]);
  });

  it('recognises Expo tokens and says the native token is needed', () => {
    const shape = describeToken('ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]');
    expect(shape.looksLike).toBe('expo');
    expect(shape.problems[0]).toMatch(/Expo/);
  });

  it('flags cut-short or altered FCM tokens', () => {
    expect(describeToken(fcm.slice(0, 60))).toMatchObject({ looksLike: 'fcm', problems: [expect.stringMatching(/only 60 characters/)] });
    expect(describeToken(fcm.replace('-', '+')).problems[0]).toMatch(/characters FCM tokens never have/);
  });

  it('flags surrounding whitespace, quotes and URL-encoding, and still classifies the token', () => {
    expect(describeToken(` ${apns}\n`)).toMatchObject({ looksLike: 'apns', problems: [expect.stringMatching(/around it/)] });
    expect(describeToken(`"${fcm}"`)).toMatchObject({ looksLike: 'fcm', problems: [expect.stringMatching(/quotes/)] });
    expect(describeToken(fcm.replace(':', '%3A'))).toMatchObject({ looksLike: 'fcm', problems: [expect.stringMatching(/URL-encoded/)] });
  });

  it('says when a token is empty or is nothing it recognises', () => {
    expect(describeToken('   ')).toMatchObject({ looksLike: 'unknown', problems: [expect.stringMatching(/empty/)] });
    expect(describeToken('hello world')).toMatchObject({ looksLike: 'unknown', problems: [expect.stringMatching(/spaces/)] });
    expect(describeToken('not-a-token')).toMatchObject({
      looksLike: 'unknown',
      problems: [expect.stringMatching(/does not look like any push token imops knows \(APNs, FCM, /)],
    });
  });
});
