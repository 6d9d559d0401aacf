// The UserSig verdicts in English: cause and fix for every verdict and reason, as functions of the facts that
// decode, verify and inspect return (src/usersig/outcomes.ts). The library's verifyUserSig and inspectUserSig word
// their results with these, so a change here changes the library's output too.
import type { GeneratorKind, JsonValue, KeyHint, OutcomeWords, Room, SigKind, UserbufProblem, UserIdDifference } from '../../usersig/outcomes.js';
import type { TimeWords } from '../time.js';

const REGENERATE = 'generate a new one (imops usersig gen) and pass it to the client unchanged';
const LEGACY_FIX =
  'Generate UserSigs with the v2 (HMAC-SHA256) algorithm: imops usersig gen, or an official tls-sig-api-v2 library, with the key from the IM console. If the app still has only an ECDSA key pair, switch it to the new algorithm in the console first.';
const OFFICIAL = `Generate it with an official tls-sig-api-v2 library or imops; ${REGENERATE}.`;

const kindName: Record<SigKind, string> = { userSig: 'UserSig', privateMapKey: 'PrivateMapKey' };
const at = (f: { position: number; length: number }) => `at position ${f.position} of ${f.length}`;
const quoted = (s: string) => JSON.stringify(s);

/** A JSON value as it reads in a sentence; long strings are clipped, since they come from untrusted input. */
function value(v: JsonValue): string {
  switch (v.type) {
    case 'string':
      return `the string ${quoted(v.value.length > 24 ? `${v.value.slice(0, 24)}…` : v.value)}`;
    case 'number':
      return String(v.value);
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    default:
      return v.type;
  }
}

const userbufProblem = (p: UserbufProblem): string => {
  switch (p.kind) {
    case 'too_short':
      return `the userbuf is ${p.bytes} bytes; a PrivateMapKey userbuf has at least ${p.minimum}`;
    case 'bad_version':
      return `the userbuf starts with version ${p.version}; only 0 (numeric room) and 1 (string room) exist`;
    case 'account_overruns':
      return `the userbuf names a ${p.accountBytes}-byte account but is only ${p.bytes} bytes long`;
    case 'no_room_length':
      return 'the userbuf is for a string room but ends before the room ID';
    case 'room_length_mismatch':
      return `the userbuf's string room ID should be ${p.roomBytes} bytes but ${p.following} follow`;
    case 'trailing_bytes':
      return `the userbuf has ${p.count} unexpected trailing bytes`;
  }
};

const keyHints: Record<KeyHint, string> = {
  none: '',
  no_key: ' No secret key was given to check it with.',
  pem_key: ' The configured key is a PEM key: this is a v1 ECDSA key, which cannot sign or check v2 UserSigs.',
  hex_decoded: ' It was signed with this key hex-decoded into bytes; the key must be used as its text.',
  trailing_newline: ' It was signed with this key plus a trailing newline (read from a file or an env variable without trimming).',
  trailing_space: ' It was signed with this key plus a trailing space (read from a file or an env variable without trimming).',
  leading_zero_app:
    ' It was signed with the SDKAppID passed as a string with a leading zero: the official Node library then signs different text than it writes.',
};

const differences: Record<UserIdDifference, string> = {
  spaces: ' (they differ only in surrounding spaces)',
  case: ' (they differ only in upper/lower case)',
  prefix: ' (one is a prefix of the other)',
  other: '',
};

const alsoExpired = (f: { alsoExpired?: { at: number; secondsAgo: number } }, time: TimeWords) =>
  f.alsoExpired
    ? ` It has also expired (at ${time.at(f.alsoExpired.at * 1000)}, ${time.span(f.alsoExpired.secondsAgo)} ago), so it must be regenerated anyway.`
    : '';

const room = (r: Room, stringRoom: (id: string) => string) => ('strRoomId' in r ? stringRoom(r.strRoomId) : String(r.roomId));

const missing = (problem: string) => `The UserSig decodes, but ${problem}`;
const official = () => OFFICIAL;
const fixed = (text: string) => () => text;

export const usersigVerdicts: OutcomeWords = {
  EMPTY: {
    blank: {
      cause: () => 'The UserSig is empty: nothing but whitespace was given, so the client sent no credential.',
      fix: fixed(
        'Check the code that passes the UserSig to login(): it is usually an unset variable, a failed fetch from your server, or a field read under the wrong name.',
      ),
    },
  },
  MALFORMED: {
    too_long: {
      cause: (f) => `The text is ${f.length} characters long; a UserSig is a few hundred. This is not a single UserSig.`,
      fix: fixed('Paste only the UserSig string (it starts with "eJ").'),
    },
    decoded_json: {
      cause: () => 'This is the decoded JSON inside a UserSig, not the UserSig itself. The client must send the compressed, encoded string.',
      fix: fixed(`Pass the UserSig string as generated (it starts with "eJ"); ${REGENERATE}.`),
    },
    standard_base64: {
      cause: (f) =>
        `The UserSig contains "${f.char}" ${at(f)}: it is in standard base64. Tencent's encoding uses "*", "-" and "_" instead of "+", "/" and "="; something converted it, or it was produced by code that skipped that substitution.`,
      fix: fixed('Pass the UserSig exactly as the official library returns it (or replace + with *, / with - and = with _). Do not re-encode it.'),
    },
    url_encoded: {
      cause: (f) => `The UserSig contains "${f.escape}" ${at(f)}: it was URL-encoded (perhaps twice). Its characters (*, -, _) are already safe in URLs.`,
      fix: fixed('URL-decode it once where it is received, or do not encode it when building the URL; then pass it on unchanged.'),
    },
    inner_space: {
      cause: (f) =>
        `The UserSig contains ${{ space: 'a space', tab: 'a tab', line_break: 'a line break' }[f.whitespace]} ${at(f)}: it was wrapped or split when it was copied (e-mail, chat, a terminal or a config file with line folding).`,
      fix: fixed('Join it back into one line without spaces, or copy it again from the source.'),
    },
    quoted: {
      cause: (f) => `The UserSig contains a quote ${at(f)}: the quotes around it were copied or stored as part of the value.`,
      fix: fixed('Remove the quotes; store and send only the UserSig characters.'),
    },
    foreign_char: {
      cause: (f) => {
        const code = f.char.charCodeAt(0);
        const shown = code < 0x20 ? `U+${code.toString(16).padStart(4, '0')}` : `"${f.char}"`;
        return `The UserSig contains ${shown} ${at(f)}, a character that never appears in a UserSig (only A-Z a-z 0-9 * - _). This is not a UserSig, or it was altered.`;
      },
      fix: fixed(`Check where the value comes from; ${REGENERATE}.`),
    },
    padding_inside: {
      cause: (f) => `The UserSig has the padding character "_" ${at(f)}, in the middle: two UserSigs were pasted together, or text was appended to one.`,
      fix: fixed('Pass exactly one UserSig, unchanged; it ends at its last "_" if it has any.'),
    },
    padding_stripped: {
      cause: (f) =>
        `The trailing padding ("_") was removed from the UserSig (it is ${f.length} characters; a whole one is a multiple of 4). The content is intact, but the IM server decodes strictly and may reject it.`,
      fix: fixed('Keep the UserSig exactly as generated, including the trailing underscores (some URL or form handling strips them).'),
    },
    unexpected_error: {
      cause: (f) => `The UserSig could not be ${f.during === 'verify' ? 'checked' : 'decoded'} (${f.errorName}).`,
      fix: (f) =>
        f.during === 'verify' ? 'Generate a new UserSig and try again; report this input to the imops maintainers.' : 'Generate a new UserSig and try again.',
    },
  },
  TRUNCATED: {
    text_short: {
      cause: (f) =>
        `The UserSig was cut off: it is ${f.length} characters, which no whole UserSig can be (a multiple of 4). Usually a database column, buffer, URL or header limit dropped the end.`,
      fix: fixed(`Find where it is stored or sent and make room for the full length (UserSigs are up to a few hundred characters); ${REGENERATE}.`),
    },
    almost_empty: {
      cause: (f) => `The UserSig is only ${f.length} characters: almost everything is missing.`,
      fix: fixed(`Pass the whole UserSig; ${REGENERATE}.`),
    },
    stream_ends_early: {
      cause: (f) =>
        `The compressed data ends early: the UserSig was cut off after ${f.length} characters (the text is well-formed, but the end is missing). Usually a database column, buffer, URL or header limit.`,
      fix: fixed(`Make room for the full UserSig where it is stored or sent; ${REGENERATE}.`),
    },
  },
  NOT_ZLIB: {
    gzip: {
      cause: (f) =>
        `The UserSig is gzip-compressed${f.damaged ? ' (and damaged)' : ''}; a UserSig must be zlib-compressed (a different header and trailer), which the IM server requires.`,
      fix: fixed('Compress with zlib (Node: zlib.deflateSync, not gzipSync; Python: zlib.compress), or use the official library or imops to generate it.'),
    },
    uncompressed_json: {
      cause: () => 'The UserSig is base64-encoded JSON without compression; a UserSig must be zlib-compressed before encoding.',
      fix: fixed('Compress the JSON with zlib before encoding (Node: zlib.deflateSync), or use the official library or imops to generate it.'),
    },
    raw_deflate: {
      cause: () =>
        'The UserSig is raw deflate without the zlib header and checksum (deflateRawSync or a bare DEFLATE stream); the IM server requires the zlib wrapper.',
      fix: fixed('Use zlib-wrapped deflate (Node: zlib.deflateSync, not deflateRawSync), or use the official library or imops to generate it.'),
    },
    damaged_stream: {
      cause: (f) =>
        `The compressed data inside the UserSig is damaged (zlib: ${f.zlibError}): characters were changed after it was generated, or it is not a UserSig.`,
      fix: fixed(`Pass the UserSig unchanged from where it was generated; ${REGENERATE}.`),
    },
    not_compressed: {
      cause: (f) =>
        `The UserSig decodes, but to data that is not compressed with zlib (it starts with bytes ${f.firstBytes}, not 78). It is not a UserSig, or it was altered.`,
      fix: fixed(`Check where the value comes from; ${REGENERATE}.`),
    },
  },
  BAD_JSON: {
    too_large: {
      cause: (f) =>
        `The UserSig inflates to more than ${f.maxKiB} KiB; a real one inflates to a few hundred bytes. It is not a UserSig (possibly a deliberately hostile input).`,
      fix: fixed(`Do not use it; ${REGENERATE}.`),
    },
    too_deep: {
      cause: (f) =>
        `The UserSig decompresses to JSON nested more than ${f.maxDepth} levels deep; a real one is a flat object. It is not a UserSig (possibly a deliberately hostile input).`,
      fix: fixed(`Do not use it; ${REGENERATE}.`),
    },
    not_text: {
      cause: () => 'The UserSig decompresses, but not into text: it is not a UserSig (or it was produced by broken code).',
      fix: fixed('Generate a new one (imops usersig gen) and pass it to the client unchanged.'),
    },
    not_object: {
      cause: () => 'The UserSig decompresses, but the content is not a JSON object.',
      fix: fixed(
        'Generate it with a library that escapes the JSON (imops, or the official Node, Go, Java or Python library) and use a UserID of letters, digits, _ and -.',
      ),
    },
    unescaped_userid: {
      cause: () =>
        'The UserSig decompresses, but the content is not a JSON object. It looks like a UserSig whose UserID broke the JSON: the official C# library does not escape quotes or backslashes in the UserID.',
      fix: fixed(
        'Generate it with a library that escapes the JSON (imops, or the official Node, Go, Java or Python library) and use a UserID of letters, digits, _ and -.',
      ),
    },
  },
  LEGACY_V1: {
    ecdsa: {
      cause: () =>
        "This is a v1 UserSig: the ECDSA (public/private key) algorithm IM used before 2019-07-19. It cannot be checked with the app's HMAC key, and an app that uses the v2 key rejects it.",
      fix: fixed(LEGACY_FIX),
    },
    plain_json: {
      cause: () =>
        "This is a v1 UserSig in its oldest, uncompressed JSON form: the ECDSA (public/private key) algorithm IM used before 2019-07-19. It cannot be checked with the app's HMAC key, and an app that uses the v2 key rejects it.",
      fix: fixed(LEGACY_FIX),
    },
  },
  MISSING_FIELD: {
    no_version: { cause: () => missing('it has no "TLS.ver" field, so it is neither a v2 UserSig nor a recognisable v1 one.'), fix: official },
    bad_version: { cause: (f) => missing(`its "TLS.ver" is ${value(f.value)}; only "2.0" exists.`), fix: official },
    no_identifier: { cause: () => missing('the UserID field "TLS.identifier" is missing.'), fix: official },
    bad_identifier: { cause: (f) => missing(`"TLS.identifier" is ${value(f.value)}; it must be a string (the UserID).`), fix: official },
    no_sdkappid: { cause: () => missing('the SDKAppID field "TLS.sdkappid" is missing.'), fix: official },
    bad_sdkappid: { cause: (f) => missing(`"TLS.sdkappid" is ${value(f.value)}; it must be a number (the SDKAppID).`), fix: official },
    no_time: { cause: () => missing('the signing time "TLS.time" is missing.'), fix: official },
    bad_time: { cause: (f) => missing(`"TLS.time" is ${value(f.value)}; it must be unix seconds as a number.`), fix: official },
    no_expire: {
      cause: () =>
        missing(
          'the validity "TLS.expire" is missing. The official Go library leaves it out when the validity is 0 (its JSON drops zero fields), and the IM server rejects that.',
        ),
      fix: fixed('Generate it with a positive validity (e.g. 15552000 seconds = 180 days); a validity of 0 is never usable.'),
    },
    bad_expire: {
      cause: (f) => missing(`the validity "TLS.expire" is ${value(f.value)}; the IM server needs a whole number of seconds, not negative.`),
      fix: fixed('Generate it with a positive whole number of seconds (e.g. 15552000 = 180 days).'),
    },
    no_sig: { cause: () => missing('the signature "TLS.sig" is missing.'), fix: official },
    bad_sig: {
      cause: (f) =>
        missing(
          `the signature "TLS.sig" is ${f.value.type === 'string' ? `${f.value.value.length} characters` : value(f.value)}; a v2 signature is 44 characters of base64 (32 bytes).`,
        ),
      fix: official,
    },
    bad_userbuf: {
      cause: (f) => missing(`"TLS.userbuf" (the PrivateMapKey room grant) is ${f.value.type === 'string' ? 'not valid base64' : value(f.value)}.`),
      fix: official,
    },
    unreadable_userbuf: {
      cause: (f) => missing(`it carries a PrivateMapKey room grant ("TLS.userbuf") that cannot be read: ${userbufProblem(f.problem)}.`),
      fix: official,
    },
  },
  SDKAPPID_MISMATCH: {
    other_app: {
      cause: (f, time) =>
        `This ${kindName[f.kind]} was signed for SDKAppID ${f.signedAppId}, but it is being used with SDKAppID ${String(f.expectedAppId)}.${alsoExpired(f, time)}`,
      fix: (f) =>
        `Sign it with the key of SDKAppID ${String(f.expectedAppId)}, or have the client use SDKAppID ${f.signedAppId}. Each app has its own key; a test and a production app are different apps.`,
    },
    grant_app: {
      cause: (f, time) =>
        `This PrivateMapKey's room grant names SDKAppID ${f.grantAppId}, but the key itself is for SDKAppID ${f.signedAppId}; TRTC rejects the mismatch.${alsoExpired(f, time)}`,
      fix: fixed('Generate the PrivateMapKey again with imops or an official library, which write the same SDKAppID in both places.'),
    },
  },
  USERID_MISMATCH: {
    other_user: {
      cause: (f, time) =>
        `This ${kindName[f.kind]} was signed for UserID ${quoted(f.signedUserId)}, but the client uses ${quoted(f.expectedUserId)}${differences[f.difference]}. The IM server compares them exactly.${alsoExpired(f, time)}`,
      fix: (f) => `Sign exactly the UserID the client logs in with (${quoted(f.expectedUserId)}), or log in with ${quoted(f.signedUserId)}.`,
    },
    grant_user: {
      cause: (f, time) =>
        `This PrivateMapKey's room grant is for account ${quoted(f.grantUserId)}, but the key is for ${quoted(f.signedUserId)}. This happens when a library writes a non-ASCII UserID into the grant byte by byte.${alsoExpired(f, time)}`,
      fix: fixed('Use an ASCII UserID and generate the PrivateMapKey again with imops.'),
    },
  },
  SIGNATURE_MISMATCH: {
    wrong_key: {
      cause: (f, time) =>
        `The signature does not match: this ${kindName[f.kind]} was not signed with this app's secret key, or its content was altered after signing.${keyHints[f.keyHint]}${alsoExpired(f, time)}`,
      fix: (f) =>
        `Sign it with the key of SDKAppID ${f.signedAppId} from the IM console, used as the plain 64-character text (not hex-decoded, no spaces or newlines). If the key was rotated in the console, every older UserSig is void: regenerate.`,
    },
  },
  EXPIRED: {
    expired: {
      cause: (f, time) =>
        `This ${kindName[f.kind]} expired at ${time.at(f.expiredAt * 1000)}, ${time.span(f.secondsAgo)} ago (signed ${time.at(f.signedAt * 1000)} with a validity of ${time.span(f.expireSeconds)}).${f.shortValidity ? ` Its validity was only ${time.span(f.expireSeconds)}.` : ''}`,
      fix: (f) =>
        `Generate a new one and have the client fetch a fresh ${kindName[f.kind]} before the old one runs out${f.kind === 'privateMapKey' ? '' : ' (a validity of 1 day to 180 days is usual)'}. If it expired right after it was made, the signing server's clock is behind: sync it with NTP.`,
    },
    grant_expired: {
      cause: (f, time) =>
        `This PrivateMapKey's room grant expired at ${time.at(f.grantExpiredAt * 1000)}, ${time.span(f.secondsAgo)} ago, although the key's own validity runs to ${time.at(f.keyExpiresAt * 1000)}. TRTC checks both.`,
      fix: fixed('Generate a new PrivateMapKey just before the client enters the room.'),
    },
  },
  NOT_YET_VALID: {
    clock_ahead: {
      cause: (f, time) =>
        `This ${kindName[f.kind]} says it was signed at ${time.at(f.signedAt * 1000)}, ${time.span(f.secondsAhead)} in the future: the clock of the server that signed it is ahead. The IM server does not check this, but the expiry moves out by the same amount, and the signing server's clock is wrong.`,
      fix: fixed("Sync the signing server's clock with NTP, then generate the UserSig again."),
    },
  },
  VALID: {
    user_sig: {
      cause: (f, time) =>
        `Authentic UserSig for SDKAppID ${f.signedAppId} and UserID ${quoted(f.userId)}, valid until ${time.at(f.expiresAt * 1000)} (${time.span(f.secondsLeft)} from now).`,
      fix: fixed(
        'Nothing to fix in the UserSig. If the client still fails to log in, check that it uses this SDKAppID and UserID, and look up the error code it reports (imops usersig explain <code>).',
      ),
    },
    private_map_key: {
      cause: (f) =>
        `Authentic TRTC PrivateMapKey for SDKAppID ${f.signedAppId}, UserID ${quoted(f.userId)}, room ${room(f.room, (id) => `${quoted(id)} (string room ID)`)}, allowing: ${f.privilegeNames.join(', ') || 'nothing'}. It is a room-entry key (TRTCParams.privateMapKey), not a login UserSig: as a UserSig the IM server rejects it (70009).`,
      fix: fixed(
        'Nothing to fix in the key. If room entry still fails, check that advanced permission control is on for this app and that the client enters exactly this room (a numeric and a string room ID are different rooms).',
      ),
    },
  },
  DECODED: {
    user_sig: {
      cause: (f, time) =>
        `This is a v2 UserSig for SDKAppID ${f.signedAppId} and UserID ${quoted(f.userId)}; it ${state(f, time)}. Without the app's key its signature is not checked.`,
      fix: (f) => verifyHint(f.userId),
    },
    private_map_key: {
      cause: (f, time) =>
        `This is a TRTC PrivateMapKey for room ${room(f.room, quoted)} (${f.privilegeNames.join(', ') || 'no privileges'}) for SDKAppID ${f.signedAppId} and UserID ${quoted(f.userId)}; it ${state(f, time)}. Without the app's key its signature is not checked.`,
      fix: (f) => verifyHint(f.userId),
    },
  },
};

function state(f: { expiresAt: number; expired: boolean; secondsAway: number }, time: TimeWords): string {
  return f.expired
    ? `expired ${time.span(f.secondsAway)} ago (${time.at(f.expiresAt * 1000)})`
    : `expires ${time.at(f.expiresAt * 1000)}, in ${time.span(f.secondsAway)}`;
}

function verifyHint(userId: string): string {
  return `To check it is authentic and usable, run: imops usersig verify ${userId.includes(' ') ? quoted(userId) : userId} <userSig>`;
}

/** The "Likely generated by" field of inspect. */
export const usersigGenerators: Record<GeneratorKind, string> = {
  cpp: 'the official C++ library (tls-sig-api-v2-cpp)',
  go_stored: 'the official Go library (tls-sig-api-v2-golang, 2024-11 or later: stored, uncompressed blocks)',
  zlib_fastest: 'a zlib "fastest" encoder (C++ or Go library)',
  python: 'the official Python library (tls-sig-api-v2-python)',
  php: 'the official PHP library (tls-sig-api-v2-php)',
  node: 'the official Node.js library (tls-sig-api-v2) or imops',
  default_level: 'an official library at the default zlib level (Java, C#, PHP or an older Go release)',
};
