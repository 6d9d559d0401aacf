// 生成和校验 UserSig、PrivateMapKey 时的用法错误（src/usersig/inputs.ts、expiry.ts、generate.ts、privmap.ts、
// src/checks/usersig.ts）：问题与处理方法，供聊天和命令行显示。结构与 src/text/en/usage.ts 一一对应。
// 和英文一样，句末不加句号：命令行把它们接在“imops: ”之后打印，聊天回复会自行补上句末标点。
import type { usage as en } from '../en/usage.js';
import { privilegeNames } from './common.js';
import type { ShownChar, ShownValue } from '../../usersig/inputs.js';

const quoted = (s: string) => JSON.stringify(s);

/** 调用方给出的值（绝不显示凭证：长字符串只给出长度）。 */
const value = (v: ShownValue) => (v.kind === 'literal' ? v.text : `一个长 ${v.length} 个字符的字符串`);

/** UserID 中第一个不被接受的字符。 */
function character(c: ShownChar): string {
  if (c.kind === 'space') return '空格';
  if (c.kind === 'control') return `控制字符（${c.code}）`;
  return `字符 ${quoted(c.char)}（${c.code}）`;
}

const CONSOLE_KEY = '请从 IM 控制台（应用管理 > 您的应用 > 基础配置）复制密钥';
const ROOM_FIX = '请给出数字房间号（1 到 4294967294）或字符串房间号（可打印 ASCII 字符，最多 64 字节）之一，与客户端进房时使用的完全一致';
const EXPIRY_FIX = '请填写整数秒数，或带单位的数字：180d、12h、30m、45s（最长 50 年）';

export const usage: typeof en = {
  expiry: {
    notUnderstood: (text) => `无法识别有效期 ${quoted(text)}`,
    tooShort: '有效期至少为 1 秒（设为 0 会生成一个一签发就已过期的签名）',
    tooLong: (text) => `有效期 ${text} 超过了 50 年`,
    fix: EXPIRY_FIX,
    neitherExpiryNorApp: (text) => `"${text}" 既不是有效期，也不是已配置的应用`,
    neitherFix: (apps) => `有效期请写成 180d、12h、30m 或 45s，应用请从以下已配置的应用中选择：${apps.join('、')}`,
  },

  userId: {
    empty: 'UserID 为空',
    emptyFix: '请填写客户端登录时使用的 UserID，与其完全一致',
    tooLong: (bytes, max) => `UserID 长 ${bytes} 字节，IM 最多接受 ${max} 字节`,
    tooLongFix: '请使用客户端登录时所用的 UserID；更长的 UserID 会被 IM 拒绝（错误码 7003）',
    notPrintable: (userId, c) => `UserID ${quoted(userId)} 含有${character(c)}，IM 不接受（只允许可打印 ASCII 字符）`,
    notPrintableFix: '请使用客户端登录时所用的 UserID；IM SDK 会拒绝含非 ASCII 字符的 UserID（错误码 7003）',
    notRecommended: (userId, c) => `UserID ${quoted(userId)} 含有${character(c)}；推荐的 UserID 字符集为 \`A-Z a-z 0-9 _ -\``,
    notRecommendedFix: '如果客户端确实以这个 UserID 登录（IM SDK 接受可打印 ASCII 字符），请用宽松 UserID 选项（`--relaxed-user-id`）明确允许它',
    notAsciiForRoom: (userId) =>
      `UserID ${quoted(userId)} 不是 ASCII：官方库只把每个字符的低字节写入 PrivateMapKey，因此任何服务器都不会接受这个 PrivateMapKey`,
    notAsciiForRoomFix: '请使用客户端进房时所用的 ASCII UserID',
  },

  sdkAppId: {
    invalid: (max, got) => `SDKAppID 必须是 1 到 ${max} 之间的整数，实际为 ${value(got)}`,
    fix: '请从 IM 控制台（应用管理）复制 SDKAppID，以数字形式传入，不要带前导零',
  },

  validity: {
    invalid: (kind, max, got) =>
      `${kind === 'privateMapKey' ? 'PrivateMapKey 的有效期' : '有效期'}必须是 1 到 ${max}（50 年）之间的整数秒数，实际为 ${value(got)}`,
    fix: '例如使用 15552000（180 天，常用的默认值）或 86400（1 天）；0 会生成一个一签发就已过期的签名',
  },

  signingTime: {
    invalid: (got) => `签名时间必须是整数形式的 Unix 秒数，实际为 ${value(got)}`,
    invalidFix: '不填则以当前时间签名',
    tooLate: '签名时间加上有效期超过了 2106-02-07，超出了 IM 服务端能读取的范围（32 位）',
    tooLateFix: '请使用当前时间，有效期最长 50 年',
  },

  secretKey: {
    missing: '缺少密钥',
    empty: '密钥为空',
    fix: CONSOLE_KEY,
    pem: '密钥是一个 PEM 私钥：这是 v1 的 ECDSA 密钥（2019-07-19 之前创建的应用），无法签发 v2（HMAC-SHA256）UserSig',
    pemFix: '请在 IM 控制台打开该应用，将其切换到新的签名算法（或在那里查看它的 HMAC 密钥），然后使用那个 64 个字符的密钥',
    trimmed: '已去掉密钥首尾的空白字符（它们会成为 HMAC 密钥的一部分，导致所有签名都无效）',
  },

  privileges: {
    invalid: (got) => `权限位必须是 1 到 255 之间的整数（每个权限占一位），实际为 ${got}`,
    bits: (bits) => `把所需权限的位值相加：${bits.map((p) => `${p.bit} ${privilegeNames[p.name]}`).join('，')}`,
    fix: (bits) => `${usage.privileges.bits(bits)}；255 表示全部权限，42 是观众（进入房间 + 接收音频和视频）`,
  },

  room: {
    missing: 'PrivateMapKey 需要指定房间',
    both: '数字房间号和字符串房间号只能给一个（它们是不同的房间）',
    fix: ROOM_FIX,
    numeric: (max, got) => `数字房间号必须是 1 到 ${max} 之间的整数，实际为 ${got}`,
    stringEmpty: '字符串房间号为空',
    stringNotAscii: (room) => `字符串房间号 ${quoted(room)} 不是 ASCII：官方库只写入每个字符的低字节，因此任何服务器都不会接受这个 PrivateMapKey`,
    stringTooLong: (bytes, max) => `字符串房间号长 ${bytes} 字节，TRTC 最多接受 ${max} 字节`,
  },

  userSig: {
    tooLong: (n) => `这个 UserSig 长 ${n} 个字符，真实的 UserSig 只有几百个字符`,
    tooLongFix: '只粘贴 UserSig 本身',
  },
};
