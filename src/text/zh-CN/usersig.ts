// UserSig 判定的简体中文措辞：每个判定和原因的“原因”与“处理方法”，都是 decode、verify、inspect 所返回事实
// （src/usersig/outcomes.ts）的函数。结构与 src/text/en/usersig.ts 一一对应。
import type { GeneratorKind, JsonValue, KeyHint, OutcomeWords, Room, SigKind, UserbufProblem, UserIdDifference } from '../../usersig/outcomes.js';
import { privilegeNames } from './common.js';
import type { PrivilegeName } from '../../usersig/types.js';
import type { TimeWords } from '../time.js';

const REGENERATE = '重新生成一个（`imops usersig gen`），并原样传给客户端';
const LEGACY_FIX =
  '请用 v2（HMAC-SHA256）算法生成 UserSig：使用 `imops usersig gen` 或官方 tls-sig-api-v2 库，密钥取自 IM 控制台。如果应用仍只有 ECDSA 公私钥对，请先在控制台将其切换到新算法。';
const OFFICIAL = '请用官方 tls-sig-api-v2 库或 imops 重新生成（`imops usersig gen`），并原样传给客户端。';

const kindName: Record<SigKind, string> = { userSig: 'UserSig', privateMapKey: 'PrivateMapKey' };
const at = (f: { position: number; length: number }) => `第 ${f.position} 个字符（共 ${f.length} 个字符）`;
const quoted = (s: string) => JSON.stringify(s);

const privileges = (names: PrivilegeName[]) => names.map((n) => privilegeNames[n]).join('、');

/** 句中的 JSON 值；长字符串会被截短，因为它来自不可信的输入。 */
function value(v: JsonValue): string {
  switch (v.type) {
    case 'string':
      return `字符串 ${quoted(v.value.length > 24 ? `${v.value.slice(0, 24)}…` : v.value)}`;
    case 'number':
      return String(v.value);
    case 'list':
      return '数组';
    case 'object':
      return '对象';
    case 'boolean':
      return '布尔值';
    default:
      return v.type;
  }
}

/** “为”之后接一个值：值以拉丁字母、数字或引号开头时，中间留一个空格。 */
const is = (v: JsonValue) => {
  const s = value(v);
  return /^[\x21-\x7e]/.test(s) ? `为 ${s}` : `为${s}`;
};

const userbufProblem = (p: UserbufProblem): string => {
  switch (p.kind) {
    case 'too_short':
      return `userbuf 只有 ${p.bytes} 字节，而 PrivateMapKey 的 userbuf 至少有 ${p.minimum} 字节`;
    case 'bad_version':
      return `userbuf 的版本号为 ${p.version}，而版本号只有 0（数字房间号）和 1（字符串房间号）两种`;
    case 'account_overruns':
      return `userbuf 声明账号长 ${p.accountBytes} 字节，但 userbuf 总共只有 ${p.bytes} 字节`;
    case 'no_room_length':
      return 'userbuf 用于字符串房间号，但在房间号之前就结束了';
    case 'room_length_mismatch':
      return `userbuf 中的字符串房间号应为 ${p.roomBytes} 字节，但其后实际有 ${p.following} 字节`;
    case 'trailing_bytes':
      return `userbuf 末尾多出 ${p.count} 个意外的字节`;
  }
};

const keyHints: Record<KeyHint, string> = {
  none: '',
  no_key: '没有提供用于校验的密钥。',
  pem_key: '配置的密钥是 PEM 格式：这是 v1 的 ECDSA 密钥，无法签发或校验 v2 UserSig。',
  hex_decoded: '它是用这个密钥按十六进制解码成字节后签名的；密钥必须按原文文本使用。',
  trailing_newline: '它是用这个密钥加上末尾的换行符签名的（从文件或环境变量读取时没有去掉首尾空白）。',
  trailing_space: '它是用这个密钥加上末尾的空格签名的（从文件或环境变量读取时没有去掉首尾空白）。',
  leading_zero_app: '它是用带前导零的字符串形式的 SDKAppID 签名的：此时官方 Node 库签名的文本与它写入的内容不一致。',
};

const differences: Record<UserIdDifference, string> = {
  spaces: '（两者只差首尾空格）',
  case: '（两者只差大小写）',
  prefix: '（其中一个是另一个的前缀）',
  other: '',
};

const alsoExpired = (f: { alsoExpired?: { at: number; secondsAgo: number } }, time: TimeWords) =>
  f.alsoExpired ? `它也已经过期（过期时间 ${time.at(f.alsoExpired.at * 1000)}，${time.span(f.alsoExpired.secondsAgo)}前），无论如何都必须重新生成。` : '';

const room = (r: Room, stringRoom: (id: string) => string) => ('strRoomId' in r ? stringRoom(r.strRoomId) : String(r.roomId));

const missing = (problem: string) => `UserSig 可以解码，但${problem}`;
const official = () => OFFICIAL;
const fixed = (text: string) => () => text;

const JSON_FIX = '请用会对 JSON 做转义的库生成（imops，或官方 Node、Go、Java、Python 库），并使用只含字母、数字、_ 和 - 的 UserID。';

export const usersigVerdicts: OutcomeWords = {
  EMPTY: {
    blank: {
      cause: () => 'UserSig 为空：传入的只有空白字符，客户端没有发送任何凭证。',
      fix: fixed('请检查把 UserSig 传给 login() 的代码：常见原因是变量未赋值、从您的服务端获取失败，或按错误的字段名读取。'),
    },
  },
  MALFORMED: {
    too_long: {
      cause: (f) => `这段文本长 ${f.length} 个字符，而一个 UserSig 只有几百个字符。这不是单个 UserSig。`,
      fix: fixed('请只粘贴 UserSig 字符串（以 "eJ" 开头）。'),
    },
    decoded_json: {
      cause: () => '这是 UserSig 解码后的 JSON 内容，而不是 UserSig 本身。客户端必须发送经过压缩和编码的字符串。',
      fix: fixed(`请传入生成时原样的 UserSig 字符串（以 "eJ" 开头）；${REGENERATE}。`),
    },
    standard_base64: {
      cause: (f) =>
        `UserSig 的${at(f)}是 "${f.char}"：它用的是标准 base64 编码。腾讯的编码用 "*"、"-" 和 "_" 代替 "+"、"/" 和 "="；有代码转换过它，或者生成它的代码漏掉了这一步替换。`,
      fix: fixed('请按官方库返回的原样传入 UserSig（或把 + 换成 *、/ 换成 -、= 换成 _），不要重新编码。'),
    },
    url_encoded: {
      cause: (f) => `UserSig 在${at(f)}处出现 "${f.escape}"：它被 URL 编码过（可能编码了两次）。UserSig 的字符（*、-、_）在 URL 中本来就是安全的。`,
      fix: fixed('请在接收处做一次 URL 解码，或在拼接 URL 时不要编码它；之后原样传递。'),
    },
    inner_space: {
      cause: (f) =>
        `UserSig 的${at(f)}是${{ space: '一个空格', tab: '一个制表符', line_break: '一个换行符' }[f.whitespace]}：复制时它被折行或拆开了（邮件、聊天工具、终端，或会自动折行的配置文件）。`,
      fix: fixed('请把它重新拼成一行且不含空格，或从源头重新复制。'),
    },
    quoted: {
      cause: (f) => `UserSig 的${at(f)}是一个引号：它两侧的引号被当作值的一部分复制或存储了。`,
      fix: fixed('请去掉引号；只存储和发送 UserSig 本身的字符。'),
    },
    foreign_char: {
      cause: (f) => {
        const code = f.char.charCodeAt(0);
        const shown = code < 0x20 ? `U+${code.toString(16).padStart(4, '0')}` : `"${f.char}"`;
        return `UserSig 的${at(f)}是 ${shown}，UserSig 中绝不会出现这个字符（只有 A-Z a-z 0-9 * - _）。这不是 UserSig，或者它被改动过。`;
      },
      fix: fixed(`请检查这个值的来源；${REGENERATE}。`),
    },
    padding_inside: {
      cause: (f) => `UserSig 的${at(f)}是填充字符 "_"，位于中间：两个 UserSig 被粘在了一起，或者有文本被追加到了 UserSig 后面。`,
      fix: fixed('请只传入一个 UserSig，且不做任何改动；如果它含有 "_"，它就在最后一个 "_" 处结束。'),
    },
    padding_stripped: {
      cause: (f) =>
        `UserSig 末尾的填充字符（"_"）被去掉了（它有 ${f.length} 个字符，而完整的 UserSig 长度是 4 的倍数）。内容完好，但 IM 服务端严格解码，可能会拒绝它。`,
      fix: fixed('请完全按生成时的样子保留 UserSig，包括末尾的下划线（有些 URL 或表单处理会把它们去掉）。'),
    },
    unexpected_error: {
      cause: (f) => `无法${f.during === 'verify' ? '校验' : '解码'}该 UserSig（${f.errorName}）。`,
      fix: (f) => (f.during === 'verify' ? '请生成新的 UserSig 后重试，并把这个输入报告给 imops 维护者。' : '请生成新的 UserSig 后重试。'),
    },
  },
  TRUNCATED: {
    text_short: {
      cause: (f) =>
        `UserSig 被截断了：它有 ${f.length} 个字符，完整的 UserSig 不可能是这个长度（应为 4 的倍数）。通常是数据库字段、缓冲区、URL 或请求头的长度限制截掉了末尾。`,
      fix: fixed(`请找到存储或发送它的地方，留出完整的长度（UserSig 最长几百个字符）；${REGENERATE}。`),
    },
    almost_empty: {
      cause: (f) => `UserSig 只有 ${f.length} 个字符：几乎全部缺失。`,
      fix: fixed(`请传入完整的 UserSig；${REGENERATE}。`),
    },
    stream_ends_early: {
      cause: (f) =>
        `压缩数据提前结束：UserSig 在 ${f.length} 个字符之后被截断了（文本格式正确，但缺少末尾）。通常是数据库字段、缓冲区、URL 或请求头的长度限制所致。`,
      fix: fixed(`请在存储或发送 UserSig 的地方留出完整的长度；${REGENERATE}。`),
    },
  },
  NOT_ZLIB: {
    gzip: {
      cause: (f) => `UserSig 是用 gzip 压缩的${f.damaged ? '（而且已损坏）' : ''}；UserSig 必须用 zlib 压缩（两者的头部和尾部不同），这是 IM 服务端的要求。`,
      fix: fixed('请用 zlib 压缩（Node：zlib.deflateSync，而不是 gzipSync；Python：zlib.compress），或用官方库或 imops 生成。'),
    },
    uncompressed_json: {
      cause: () => 'UserSig 是未经压缩、直接做 base64 编码的 JSON；UserSig 必须先用 zlib 压缩再编码。',
      fix: fixed('请在编码前用 zlib 压缩 JSON（Node：zlib.deflateSync），或用官方库或 imops 生成。'),
    },
    raw_deflate: {
      cause: () => 'UserSig 是不带 zlib 头部和校验和的原始 deflate 数据（deflateRawSync 或裸 DEFLATE 流）；IM 服务端要求带 zlib 封装。',
      fix: fixed('请使用带 zlib 封装的 deflate（Node：zlib.deflateSync，而不是 deflateRawSync），或用官方库或 imops 生成。'),
    },
    damaged_stream: {
      cause: (f) => `UserSig 中的压缩数据已损坏（zlib：“${f.zlibError}”）：生成之后有字符被改动过，或者它不是 UserSig。`,
      fix: fixed(`请把生成出来的 UserSig 原样传递；${REGENERATE}。`),
    },
    not_compressed: {
      cause: (f) => `UserSig 可以解码，但解出的数据不是 zlib 压缩的（开头字节为 ${f.firstBytes}，而不是 78）。它不是 UserSig，或者被改动过。`,
      fix: fixed(`请检查这个值的来源；${REGENERATE}。`),
    },
  },
  BAD_JSON: {
    too_large: {
      cause: (f) => `UserSig 解压后超过 ${f.maxKiB} KiB；真正的 UserSig 解压后只有几百字节。它不是 UserSig（可能是蓄意构造的恶意输入）。`,
      fix: fixed(`请不要使用它；${REGENERATE}。`),
    },
    too_deep: {
      cause: (f) => `UserSig 解压后的 JSON 嵌套超过 ${f.maxDepth} 层；真正的 UserSig 是一个扁平的对象。它不是 UserSig（可能是蓄意构造的恶意输入）。`,
      fix: fixed(`请不要使用它；${REGENERATE}。`),
    },
    not_text: {
      cause: () => 'UserSig 可以解压，但解压结果不是文本：它不是 UserSig（或是由有缺陷的代码生成的）。',
      fix: fixed(`请${REGENERATE}。`),
    },
    not_object: {
      cause: () => 'UserSig 可以解压，但内容不是 JSON 对象。',
      fix: fixed(JSON_FIX),
    },
    unescaped_userid: {
      cause: () => 'UserSig 可以解压，但内容不是 JSON 对象。看起来是 UserID 破坏了 JSON 结构：官方 C# 库不会转义 UserID 中的引号和反斜杠。',
      fix: fixed(JSON_FIX),
    },
  },
  LEGACY_V1: {
    ecdsa: {
      cause: () => '这是 v1 UserSig：使用的是 IM 在 2019-07-19 之前采用的 ECDSA（公私钥）算法。它无法用应用的 HMAC 密钥校验，使用 v2 密钥的应用会拒绝它。',
      fix: fixed(LEGACY_FIX),
    },
    plain_json: {
      cause: () =>
        '这是 v1 UserSig 最早的未压缩 JSON 形式：使用的是 IM 在 2019-07-19 之前采用的 ECDSA（公私钥）算法。它无法用应用的 HMAC 密钥校验，使用 v2 密钥的应用会拒绝它。',
      fix: fixed(LEGACY_FIX),
    },
  },
  MISSING_FIELD: {
    no_version: { cause: () => missing('没有 "TLS.ver" 字段，因此它既不是 v2 UserSig，也不是可识别的 v1 UserSig。'), fix: official },
    bad_version: { cause: (f) => missing(`其 "TLS.ver" ${is(f.value)}；只存在 "2.0" 这一个版本。`), fix: official },
    no_identifier: { cause: () => missing('缺少 UserID 字段 "TLS.identifier"。'), fix: official },
    bad_identifier: { cause: (f) => missing(`字段 "TLS.identifier" ${is(f.value)}；它必须是字符串（UserID）。`), fix: official },
    no_sdkappid: { cause: () => missing('缺少 SDKAppID 字段 "TLS.sdkappid"。'), fix: official },
    bad_sdkappid: { cause: (f) => missing(`字段 "TLS.sdkappid" ${is(f.value)}；它必须是数字（SDKAppID）。`), fix: official },
    no_time: { cause: () => missing('缺少签名时间 "TLS.time"。'), fix: official },
    bad_time: { cause: (f) => missing(`字段 "TLS.time" ${is(f.value)}；它必须是数字形式的 Unix 秒数。`), fix: official },
    no_expire: {
      cause: () =>
        missing('缺少有效期字段 "TLS.expire"。官方 Go 库在有效期为 0 时会省略这个字段（它的 JSON 会丢弃零值字段），而 IM 服务端会拒绝这样的 UserSig。'),
      fix: fixed('请用正数的有效期生成（例如 15552000 秒 = 180 天）；有效期为 0 的 UserSig 永远无法使用。'),
    },
    bad_expire: {
      cause: (f) => missing(`有效期字段 "TLS.expire" ${is(f.value)}；IM 服务端要求它是非负的整数秒数。`),
      fix: fixed('请用正整数秒数作为有效期生成（例如 15552000 = 180 天）。'),
    },
    no_sig: { cause: () => missing('缺少签名 "TLS.sig"。'), fix: official },
    bad_sig: {
      cause: (f) =>
        missing(`签名 "TLS.sig" ${f.value.type === 'string' ? `长 ${f.value.value.length} 个字符` : is(f.value)}；v2 签名是 44 个字符的 base64（32 字节）。`),
      fix: official,
    },
    bad_userbuf: {
      cause: (f) => missing(`字段 "TLS.userbuf"（PrivateMapKey 的房间授权）${f.value.type === 'string' ? '不是合法的 base64' : is(f.value)}。`),
      fix: official,
    },
    unreadable_userbuf: {
      cause: (f) => missing(`其中的 PrivateMapKey 房间授权（"TLS.userbuf"）无法读取：${userbufProblem(f.problem)}。`),
      fix: official,
    },
  },
  SDKAPPID_MISMATCH: {
    other_app: {
      cause: (f, time) =>
        `该 ${kindName[f.kind]} 是为 SDKAppID ${f.signedAppId} 签发的，但正被用于 SDKAppID ${String(f.expectedAppId)}。${alsoExpired(f, time)}`,
      fix: (f) =>
        `请用 SDKAppID ${String(f.expectedAppId)} 的密钥签名，或让客户端使用 SDKAppID ${f.signedAppId}。每个应用都有自己的密钥；测试应用和生产应用是不同的应用。`,
    },
    grant_app: {
      cause: (f, time) =>
        `该 PrivateMapKey 的房间授权写的是 SDKAppID ${f.grantAppId}，但密钥本身属于 SDKAppID ${f.signedAppId}；TRTC 会因两者不一致而拒绝它。${alsoExpired(f, time)}`,
      fix: fixed('请用 imops 或官方库重新生成 PrivateMapKey，它们会在两处写入相同的 SDKAppID。'),
    },
  },
  USERID_MISMATCH: {
    other_user: {
      cause: (f, time) =>
        `该 ${kindName[f.kind]} 是为 UserID ${quoted(f.signedUserId)} 签发的，但客户端使用的是 ${quoted(f.expectedUserId)}${differences[f.difference]}。IM 服务端会逐字严格比较两者。${alsoExpired(f, time)}`,
      fix: (f) => `请严格按客户端登录时使用的 UserID（${quoted(f.expectedUserId)}）签名，或改用 ${quoted(f.signedUserId)} 登录。`,
    },
    grant_user: {
      cause: (f, time) =>
        `该 PrivateMapKey 的房间授权属于账号 ${quoted(f.grantUserId)}，但密钥属于 ${quoted(f.signedUserId)}。当某个库把非 ASCII 的 UserID 逐字节写入授权时，就会出现这种情况。${alsoExpired(f, time)}`,
      fix: fixed('请使用 ASCII 字符的 UserID，并用 imops 重新生成 PrivateMapKey。'),
    },
  },
  SIGNATURE_MISMATCH: {
    wrong_key: {
      cause: (f, time) => `签名不匹配：该 ${kindName[f.kind]} 不是用此应用的密钥签名的，或者签名后内容被改动过。${keyHints[f.keyHint]}${alsoExpired(f, time)}`,
      fix: (f) =>
        `请用 IM 控制台中 SDKAppID ${f.signedAppId} 的密钥签名，并按 64 个字符的原文文本使用（不要做十六进制解码，不要带空格或换行）。如果在控制台更换过密钥，之前的所有 UserSig 都已失效：请重新生成。`,
    },
  },
  EXPIRED: {
    expired: {
      cause: (f, time) =>
        `该 ${kindName[f.kind]} 已于 ${time.at(f.expiredAt * 1000)} 过期，即 ${time.span(f.secondsAgo)}前（签发于 ${time.at(f.signedAt * 1000)}，有效期 ${time.span(f.expireSeconds)}）。${f.shortValidity ? `它的有效期只有 ${time.span(f.expireSeconds)}。` : ''}`,
      fix: (f) =>
        `请生成新的 ${kindName[f.kind]}，并让客户端在旧的过期之前获取新的 ${kindName[f.kind]}${f.kind === 'privateMapKey' ? '' : '（有效期通常设为 1 天到 180 天）'}。如果它刚生成就过期了，说明签发服务器的时钟偏慢：请用 NTP 同步时钟。`,
    },
    grant_expired: {
      cause: (f, time) =>
        `该 PrivateMapKey 的房间授权已于 ${time.at(f.grantExpiredAt * 1000)} 过期，即 ${time.span(f.secondsAgo)}前，尽管密钥本身的有效期到 ${time.at(f.keyExpiresAt * 1000)}。TRTC 两者都会检查。`,
      fix: fixed('请在客户端进房之前再生成新的 PrivateMapKey。'),
    },
  },
  NOT_YET_VALID: {
    clock_ahead: {
      cause: (f, time) =>
        `该 ${kindName[f.kind]} 声称签发于 ${time.at(f.signedAt * 1000)}，比现在晚 ${time.span(f.secondsAhead)}：签发它的服务器时钟偏快。IM 服务端不检查这一点，但过期时间会同样推后，而且签发服务器的时钟是错的。`,
      fix: fixed('请用 NTP 同步签发服务器的时钟，然后重新生成 UserSig。'),
    },
  },
  VALID: {
    user_sig: {
      cause: (f, time) =>
        `UserSig 校验通过，签名真实：SDKAppID ${f.signedAppId}，UserID ${quoted(f.userId)}，有效期至 ${time.at(f.expiresAt * 1000)}（还剩 ${time.span(f.secondsLeft)}）。`,
      fix: fixed(
        'UserSig 本身无需处理。如果客户端仍然登录失败，请确认它使用的正是这个 SDKAppID 和 UserID，并查询它上报的错误码（`imops usersig explain <code>`）。',
      ),
    },
    private_map_key: {
      cause: (f) =>
        `TRTC PrivateMapKey 校验通过，签名真实：SDKAppID ${f.signedAppId}，UserID ${quoted(f.userId)}，房间 ${room(f.room, (id) => `${quoted(id)}（字符串房间号）`)}，允许：${privileges(f.privilegeNames) || '无'}。它是进房密钥（TRTCParams.privateMapKey），不是登录用的 UserSig：作为 UserSig 使用时 IM 服务端会拒绝它（70009）。`,
      fix: fixed(
        '密钥本身无需处理。如果进房仍然失败，请检查此应用是否开启了高级权限控制，以及客户端进入的是否正是这个房间（数字房间号和字符串房间号是不同的房间）。',
      ),
    },
  },
  DECODED: {
    user_sig: {
      cause: (f, time) => `这是 SDKAppID ${f.signedAppId}、UserID ${quoted(f.userId)} 的 v2 UserSig；它${state(f, time)}。没有应用的密钥，无法校验它的签名。`,
      fix: (f) => verifyHint(f.userId),
    },
    private_map_key: {
      cause: (f, time) =>
        `这是房间 ${room(f.room, quoted)} 的 TRTC PrivateMapKey（${privileges(f.privilegeNames) || '没有任何权限'}），属于 SDKAppID ${f.signedAppId}、UserID ${quoted(f.userId)}；它${state(f, time)}。没有应用的密钥，无法校验它的签名。`,
      fix: (f) => verifyHint(f.userId),
    },
  },
};

function state(f: { expiresAt: number; expired: boolean; secondsAway: number }, time: TimeWords): string {
  return f.expired
    ? `已过期 ${time.span(f.secondsAway)}（${time.at(f.expiresAt * 1000)}）`
    : `将于 ${time.at(f.expiresAt * 1000)} 过期，还剩 ${time.span(f.secondsAway)}`;
}

function verifyHint(userId: string): string {
  return `要确认它真实可用，请运行：imops usersig verify ${userId.includes(' ') ? quoted(userId) : userId} <userSig>`;
}

/** inspect 的“可能的生成方式”一栏。 */
export const usersigGenerators: Record<GeneratorKind, string> = {
  cpp: '官方 C++ 库（tls-sig-api-v2-cpp）',
  go_stored: '官方 Go 库（tls-sig-api-v2-golang，2024-11 或更新版本：未压缩的 stored 块）',
  zlib_fastest: 'zlib “最快”级别的编码器（C++ 或 Go 库）',
  python: '官方 Python 库（tls-sig-api-v2-python）',
  php: '官方 PHP 库（tls-sig-api-v2-php）',
  node: '官方 Node.js 库（tls-sig-api-v2）或 imops',
  default_level: '使用 zlib 默认压缩级别的官方库（Java、C#、PHP 或较早的 Go 版本）',
};
