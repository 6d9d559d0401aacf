// 每个 IM / TRTC 错误码的含义、常见原因和处理方法（简体中文）。错误码、名称和上报方是数据，在
// src/usersig/im-errors.ts 中。含义尽量沿用腾讯云错误码文档的说法。
import type { ImErrorCatalogue, ImErrorWords } from '../../usersig/im-errors.js';

const CHECK_TOOL = '请用客户端实际使用的 UserSig 运行 `imops usersig verify <userId> <userSig>`：它会指出具体问题。';

/** 70005 … 70010：同一类错误，同一种解释。 */
const signatureCheckFailed: ImErrorWords = {
  meaning: 'UserSig 非法，校验失败。',
  cause: 'UserSig 中的某个字段缺失或类型错误（例如 Go 库生成的有效期为 0），或者 UserSig 是由自行编写的代码生成的。',
  fix: `${CHECK_TOOL}请用官方 tls-sig-api-v2 库或 imops 生成 UserSig。`,
};

export const imErrors: ImErrorCatalogue = {
  codes: {
    70001: {
      meaning: 'UserSig 已过期。',
      cause: '客户端重复使用了旧的 UserSig、有效期过短（或为 0），或者签发服务器的时钟偏慢。',
      fix: '请在登录时由您的服务端生成新的 UserSig（有效期通常为 1 到 180 天），并用 NTP 同步签发服务器的时钟。',
    },
    70002: {
      meaning: 'UserSig 长度为 0（UserSig 为空）。',
      cause: '客户端传入了空字符串：变量未赋值、请求您的 UserSig 接口失败，或按错误的字段名读取。',
      fix: '请检查客户端在调用 login() 之前是如何获取 UserSig 的。',
    },
    70003: {
      meaning: 'UserSig 非法，无法解析。',
      cause: '通常是被截断了（数据库字段、缓冲区、URL 或请求头长度不够）、被转换成了标准 base64、被 URL 编码，或复制时被折行。',
      fix: `${CHECK_TOOL}请原样、完整地存储和发送 UserSig。`,
    },
    70004: {
      meaning: 'UserSig 非法，无法解析（与 70003 同类）。',
      cause: '同 70003：传输过程中被截断或损坏。',
      fix: `${CHECK_TOOL}请原样传递 UserSig。`,
    },
    70005: signatureCheckFailed,
    70006: signatureCheckFailed,
    70007: signatureCheckFailed,
    70008: signatureCheckFailed,
    70010: signatureCheckFailed,
    70009: {
      meaning: 'UserSig 验证失败：签名与应用的密钥不匹配。',
      cause:
        '用其他应用的密钥签名、使用了已在控制台更换的密钥、密钥被十六进制解码或带有空白字符、使用的是旧的 v1（ECDSA）UserSig，或者把 PrivateMapKey 当作登录 UserSig 传入。',
      fix: '请用 IM 控制台中该 SDKAppID 的密钥签名，并按原文文本使用；更换密钥后请重新生成。',
    },
    70013: {
      meaning: '请求中的 UserID 与生成 UserSig 时使用的 UserID 不匹配。',
      cause:
        'UserSig 是为其他用户生成的，或者两个 UserID 在大小写、首尾空格或前缀上有差异。服务端返回的消息为 "The requested UserID(x) does not match the Usersig(y)"。',
      fix: '请严格按客户端登录时使用的 UserID 签名（REST 调用则为 identifier 参数）。',
    },
    70014: {
      meaning: '请求中的 SDKAppID 与生成 UserSig 时使用的 SDKAppID 不匹配。',
      cause: '客户端和签发服务器使用的是不同的应用（通常是测试应用和生产应用）。',
      fix: '请在两端使用同一个 SDKAppID，并使用该应用的密钥。',
    },
    70015: {
      meaning: '未找到该 SDKAppID 和账号类型对应的验证方式。',
      cause: '应用的账号集成配置不完整。',
      fix: '请在 IM 控制台检查应用的账号设置，或联系腾讯云技术支持。',
    },
    70016: {
      meaning: '应用的密钥（或公钥）不存在。',
      cause: 'SDKAppID 所属的数据中心（地域）与客户端连接的不是同一个，或者密钥是几分钟前才上传的。',
      fix: '请检查 SDKAppID 与客户端使用的地域是否一致；上传密钥后，请过 10 分钟再重试。',
    },
    70017: {
      meaning: '内部第三方票据验证超时。',
      cause: '服务端临时故障。',
      fix: '请重试。',
    },
    70018: {
      meaning: '内部第三方票据验证失败。',
      cause: '服务端临时故障。',
      fix: '请重试。',
    },
    70020: {
      meaning: 'SDKAppID 不存在。',
      cause: 'SDKAppID 填写错误、应用已被删除，或者客户端连接到了其他数据中心（地域）。',
      fix: '请在 IM 控制台核对 SDKAppID，并检查客户端配置的地域。',
    },
    70050: {
      meaning: '登录失败次数过多（验证过于频繁）：账号被暂时锁定。',
      cause: '客户端用错误的 UserSig 循环重试。',
      fix: '请先修复 UserSig（`imops usersig verify`），1 分钟后再重试。',
    },
    70051: {
      meaning: '账号被拉入黑名单。',
      cause: '该账号被加入了黑名单。',
      fix: '请将账号移出黑名单。',
    },
    70052: {
      meaning: 'UserSig 已经失效。',
      cause: '服务端使它失效了（文档未说明触发条件；可能是更换了密钥或强制下线）。',
      fix: '请生成新的 UserSig。',
    },
    70107: {
      meaning: 'UserID 未注册（请求的用户账号不存在）。',
      cause: '账号从未导入，或者 REST 调用指定了不存在的用户。',
      fix: '请先导入账号（REST 接口 `account_import`），或让该用户登录一次。',
    },
    70114: {
      meaning: '因安全原因，账号被限制。',
      cause: '安全规则限制了该账号。',
      fix: '请携带 SDKAppID 和 UserID 联系腾讯云技术支持。',
    },
    70169: {
      meaning: '服务端内部超时。',
      cause: '服务端临时故障。',
      fix: '请重试。',
    },
    70206: {
      meaning: '批量请求中的数量不合法。',
      cause: '批量请求的条目过多或为 0。',
      fix: '请检查请求中的批量数量。',
    },
    70221: {
      meaning: '登录状态无效。',
      cause: '会话已过期或已被踢下线。',
      fix: '请用新的 UserSig 重新登录。',
    },
    70346: {
      meaning: '票据校验失败。',
      cause: '登录参数错误。',
      fix: '请检查登录参数和 UserSig。',
    },
    70347: {
      meaning: '票据已过期。',
      cause: '重复使用了旧的登录票据。',
      fix: '请生成新的 UserSig 并重新登录。',
    },
    70398: {
      meaning: '账号数超过当前版本的上限。',
      cause: '已达到免费版或体验版的账号数上限。',
      fix: '请在 IM 控制台升级应用的版本。',
    },
    70402: {
      meaning: '参数非法：必填字段缺失或格式不正确。',
      cause: '请求中没有 UserSig 或 identifier（例如 REST 调用缺少 usersig 参数）。',
      fix: '请填写请求的所有必填字段，包括 usersig。',
    },
    70403: {
      meaning: '该 REST 调用需要 App 管理员账号。',
      cause: 'REST 请求的 UserSig 是为普通用户签发的。',
      fix: '请为管理员 identifier（例如 "administrator"）签发 REST 调用的 UserSig，并传入该 identifier。',
    },
    70500: {
      meaning: '服务端内部错误。',
      cause: '服务端临时故障。',
      fix: '请重试；如果一直出现，请联系腾讯云技术支持。',
    },
    60004: {
      meaning: 'REST 调用中的账号（identifier）或签名（UserSig）错误。',
      cause: 'URL 参数 identifier 与 usersig 不配套，或者 UserSig 已过期、属于其他应用。',
      fix: '请检查 REST 请求的 identifier/usersig 查询参数；用 `imops usersig verify <identifier> <usersig>` 校验 UserSig。',
    },
    60005: {
      meaning: 'REST 调用中的账号（identifier）或签名（UserSig）错误。',
      cause: '同 60004：identifier 与 usersig 不配套。',
      fix: '请检查 REST 请求的 identifier/usersig 查询参数；用 `imops usersig verify` 校验 UserSig。',
    },
    6206: {
      meaning: 'UserSig 已过期（由设备上的 SDK 上报）。',
      cause: 'App 在 UserSig 过期后仍在使用它，通常是跨越了 App 重启。',
      fix: 'SDK 上报此错误（onUserSigExpired）时，请从您的服务端获取新的 UserSig 并重新登录。',
    },
    7003: {
      meaning: 'UserID 无效。',
      cause: 'UserID 为空、超过 32 字节，或者含有可打印 ASCII（0x20-0x7e）以外的字符。',
      fix: '请使用 1 到 32 字节的 UserID，最好只含字母、数字、_ 和 -。',
    },
    '-100018': {
      meaning: '进房时 UserSig 校验失败。',
      cause: 'UserSig 与此 SDKAppID 或 UserID 不符、已过期或已损坏（TRTC 报告的问题与 IM 的 700xx 错误码相同）。',
      fix: `${CHECK_TOOL}TRTCParams 中的 sdkAppId 和 userId 必须与签发 UserSig 时使用的一致。`,
    },
    '-100006': {
      meaning: '该 PrivateMapKey 不允许此次进房（权限位校验失败）。',
      cause: '开启了高级权限控制，而 PrivateMapKey 属于其他房间（数字房间号与字符串房间号不同）或其他用户、已过期，或缺少所需的权限位。',
      fix: '请在进房前为该用户和该房间生成带有所需权限的 PrivateMapKey（`imops usersig privmap`）。',
    },
    '-100013': {
      meaning: 'TRTC 服务已停用。',
      cause: '不是 UserSig 的问题：套餐包分钟数已用完，或者腾讯云账号欠费。',
      fix: '请在腾讯云控制台充值或购买套餐包。',
    },
    '-10013': {
      meaning: 'UserSig 鉴权失败（TRTC Web SDK）。',
      cause: 'UserSig 与此 SDKAppID 或 UserID 不符、已过期或已损坏。',
      fix: CHECK_TOOL,
    },
    '-10018': {
      meaning: '已开启高级权限控制，但没有提供 privateMapKey。',
      cause: '应用开启了高级权限控制，每次进房都需要 PrivateMapKey，而客户端没有传入。',
      fix: '请生成 PrivateMapKey（`imops usersig privmap`），进房时作为 privateMapKey 传入；或者关闭高级权限控制。',
    },
    '-10019': {
      meaning: 'privateMapKey 无效。',
      cause: 'PrivateMapKey 属于其他房间、用户或应用，已过期，或者不是用此应用的密钥签名的。',
      fix: '请用 `imops usersig verify <userId> <privateMapKey>` 校验它，然后为该房间和该用户重新生成。',
    },
  },
  mirrored: (meaning, imCode) => `${meaning}（TRTC 以负数形式上报 IM 错误码 ${imCode}。）`,
};
