// imops 回复的简体中文措辞，与英文目录（Catalogue）逐键对应：类型检查会指出缺少的键。占位内容仍是数据：
// ID、名称和时间作为参数传入，从不翻译。面向中文支持与值班工程师，术语与 IM 控制台和腾讯云文档一致。
import type { GuardedAction } from '../../access/policy.js';
import type { PrivilegeName } from '../../usersig/types.js';
import { privilegeNames } from './common.js';
import type { LimitedAction } from '../../access/rate-limit.js';
import type { Catalogue } from '../en/index.js';
import { imErrors } from './im-errors.js';
import { im } from './im.js';
import { zhTime } from './time.js';
import { providers, pushWords } from './push/index.js';
import { triage } from './triage.js';
import { usage } from './usage.js';
import { cli } from './cli.js';
import { usersigGenerators, usersigVerdicts } from './usersig.js';

/** 中文里的并列：“a、b、c”。 */
const list = (items: readonly string[]) => items.join('、');

/** `errors.staleTitle` / `staleCause` 中的“表单”“按钮”。 */
const stale = { form: '表单', button: '按钮' } as const;

export const zhCN: Catalogue = {
  locale: 'zh-CN',
  /** 时长与时间；`catalogue()` 按读者的时区给出。 */
  time: zhTime(),

  /** 腾讯云 IM：REST 问题、在线状态、测试消息。 */
  im,
  /** imops 诊断：检查项、判定与汇总。 */
  triage,
  /** 各推送服务的名称、原因和句子（src/text/zh-CN/push/<id>.ts）。 */
  providers,
  /** 各推送服务共用的推送检查措辞：厂商通道传输与 OAuth、预检、Token 格式、上报。 */
  pushWords,

  labels: {
    sdkAppId: 'SDKAppID',
    ofApp: (app: string) => `（应用 ${app}）`,
    userId: 'UserID',
    app: '应用',
    generated: '生成时间',
    expires: '过期时间',
    validity: '有效期',
    verdict: '判定',
    checkedAgainst: '校验对象',
    checkedAgainstValue: (app: string, userId: string) => `应用 ${app}，UserID ${userId}`,
    format: '格式',
    kind: '类型',
    likelyGeneratedBy: '可能的生成方式',
    room: 'PrivateMapKey 房间',
    stringRoom: (room: string) => `“${room}”（字符串房间号）`,
    privileges: '权限',
    privilegesValue: (n: number, names: string[]) => `${n}（${list(names.map((p) => privilegeNames[p as PrivilegeName] ?? p)) || '无'}）`,
    roomAccessExpires: '进房权限过期时间',
    reportedBy: '报错方',
    checkWith: '排查方式',
    checkWithValue: (verify: string, verdicts: string[]) => `${verify}（判定：${list(verdicts)}）`,
    platform: '平台',
    certificateId: '证书 ID',
    token: '设备 Token',
    environment: '环境',
    uploaded: '最近上报',
    firstUploaded: '首次上报',
    appVersion: 'App 版本',
    device: '设备',
    warnings: '警告',
    providerStatus: '推送服务状态码',
    providerReason: '推送服务返回原因',
    messageId: '消息 ID',
    configuredApps: '已配置的应用',
    usage: '用法',
    commands: '命令',
    usualReasons: '常见原因',
    cause: '原因',
    fix: '处理方法',
    code: '错误码',
    checked: '检查内容',
    problem: '问题',
    warning: '警告',
  },

  kinds: { privateMapKey: 'TRTC PrivateMapKey', userSig: 'UserSig' },

  /** 每个 UserSig 判定与原因（解码、校验、查看）的原因和处理方法，依据发现的事实生成。 */
  usersigVerdicts,
  /** UserSig 可能由哪个库生成（查看结果中的“可能的生成方式”）。 */
  usersigGenerators,
  /** src/usersig/im-errors.ts 中每个 IM / TRTC 错误码的含义、原因和处理方法。 */
  imErrors,
  usage,
  cli,

  app: {
    none: {
      title: '未配置任何应用',
      cause: (source: string) => `imops 的配置中没有 IM 应用（${source}）。`,
      fix: '在 imops.yml 的 `apps:` 下添加应用（name、sdkAppId、secretKey），或设置 IMOPS_SDKAPPID 和 IMOPS_SECRET_KEY，然后重启 imops。',
    },
    which: {
      title: '要使用哪个应用？',
      cause: (apps: string[]) => `已配置多个应用：${list(apps)}。`,
      fix: (retry: string, example: string) => `在命令末尾加上应用名，例如：${retry} ${example}`,
    },
    unknown: {
      title: (name: string) => `未知应用“${name}”`,
      cause: (name: string) => `配置中没有名为“${name}”的应用。`,
      fix: (apps: string[]) => `请使用已配置的应用之一：${list(apps)}。`,
    },
    formError: (apps: string[]) => `未知应用；已配置：${list(apps)}`,
  },

  access: {
    actions: { 'usersig.generate': '生成 UserSig', 'push.test': '运行推送检查' } satisfies Record<GuardedAction, string>,
    deniedTitle: (what: string) => `您没有权限${what}`,
    deniedCause: (who: string, action: string, source: string) => `${who} 不在 imops 配置（${source}）的 access.${action} 名单中。`,
    deniedFix: (who: string, action: string) => `请 imops 管理员将您加入名单并重启 imops：access.${action}: ["${who}"]`,
  },

  rate: {
    what: { 'usersig.generate': '生成 UserSig', 'push.test': '运行推送测试' } satisfies Record<LimitedAction, string>,
    why: {
      'usersig.generate': '每个 UserSig 在过期前都能以该用户身份登录，因此 imops 限制每人可生成的数量：短时间内大量生成，正是脚本或被盗用账号的特征。',
      'push.test':
        '每次测试都会用该应用的推送凭证向用户的手机发送真实通知，因此 imops 限制每人运行的频率：避免一条聊天命令刷爆用户的手机，或让应用被推送服务限频。',
    } satisfies Record<LimitedAction, string>,
    title: (what: string, wait: string) => `操作过于频繁（${what}）：请等待 ${wait}`,
    cause: (max: number, what: string, window: string, why: string) => `每人在 ${window}内最多可${what} ${max} 次，您已全部用完。${why}`,
    fix: (wait: string) => `请等待 ${wait}后重试。其他人不受影响；如需批量操作，运维人员可以在服务器上使用 imops CLI，它不受此限制。`,
  },

  errors: {
    usageTitle: '输入无效',
    sentenceEnd: '。',
    cannotRead: (command: string) => `无法识别这条 /${command} 命令`,
    useOne: (line: string) => `用法：${line}`,
    useForms: (command: string) => `请使用下列格式之一，或只输入 /${command} 打开表单。`,
    notACommand: (command: string) => `/${command} 不是 imops 命令`,
    missing: (names: string) => `缺少 ${names}`,
    unknownSubcommand: (value: string) => `没有子命令 ${value}`,
    unexpected: (values: string[]) => `多余的参数：${values.join(' ')}`,
    internalTitle: 'imops 内部出错',
    internalCause: 'imops 遇到内部错误，未能完成此命令。没有发送或修改任何内容。',
    internalFix: (id: string) => `请重试；如果仍然失败，请将关联 ID ${id} 提供给负责运行 imops 的人员（imops 日志中有此 ID）。`,
    correlation: (id: string) => `关联 ID：${id}`,
    staleTitle: (what: 'form' | 'button') => `此${stale[what]}已无法识别`,
    staleCause: (what: 'form' | 'button') => `该${stale[what]}来自另一个版本的 imops，或其数据被截断。`,
    staleFix: '请重新运行命令，获取新的表单或按钮。',
  },

  forms: {
    userIdPlaceholder: '与客户端登录时使用的完全一致',
  },

  commands: {
    descriptions: {
      usersig: '生成、校验和解释腾讯云 IM 的 UserSig',
      'usersig gen': '为 UserID 生成 UserSig（仅您可见）',
      'usersig verify': '用 UserID 校验 UserSig，并说明失败原因',
      'usersig inspect': '不用密钥解码 UserSig：SDKAppID、UserID 和时间',
      'usersig explain': '解释 IM 错误码（例如 70001）及处理方法',
      'usersig help': '查看 /usersig 的用法',
      pushcheck: '查看 UserID 上报的设备，并向其发送一条测试离线推送',
      pushsweep: '静默巡检推送证书下最近活跃的设备：各判定及失败率',
      triage: '一次运行某个用户的全部检查，最可能的原因排在最前',
      imstatus: '查询腾讯云 IM 中用户是否存在，以及在线、后台在线还是离线',
    } as Record<string, string>,
    optionDescriptions: {
      userId: '与客户端登录时完全一致的 UserID',
      app: 'imops 配置中的应用名（只配置了一个应用时可省略）',
      expiry: '有效期：秒数，或 180d、12h、30m、45s（默认 180d）',
      userSig: '要校验或解码的 UserSig',
      code: '客户端上报的 IM 错误码',
      certificateId: 'IM 控制台中的证书 ID（与 imops.yml 一致）',
    } as Record<string, string>,
    optionNames: {
      userId: '用户',
      app: '应用',
      expiry: '有效期',
      code: '错误码',
      certificateId: '证书id',
    } as Record<string, string>,
  },

  chrome: {
    colon: '：',
    problemAndFix: (problem: string, fix: string) => (fix ? `${problem}：${fix}` : problem),
    cause: '原因',
    fix: '处理方法',
    errorCode: '错误码',
    more: '更多',
    moreNotShown: (n: number) => `另有 ${n} 项未显示`,
    moreBlocksNotShown: (n: number) => `……另有 ${n} 个区块未显示`,
    cancel: '取消',
    formErrorsTitle: '表单需要修改',
    formErrorsFix: '请重新运行命令并修正上面列出的字段；本次没有执行任何操作。',
    tooLong: {
      title: '处理时间过长',
      cause: '命令在 14 分钟内没有完成，而 Discord 只允许在 15 分钟内回复。',
      fix: '请重新运行；如果反复出现，请检查 imops 能否连上各推送服务。',
    },
    noFormHere: {
      title: 'imops 无法在这里打开表单',
      cause: 'Discord 只允许把表单作为对命令或按钮的第一个回复。',
      fix: '请重新运行命令。',
    },
    unknownCommand: {
      title: (command: string) => `当前 imops 不认识 ${command}`,
      cause: '在 Discord 注册的命令与当前版本的 imops 不一致。',
      fix: '运行 `imops discord register`，或重启 imops 让它重新注册命令。',
    },
    formTimedOut: {
      title: '表单未能及时打开',
      cause: 'Slack 只允许在 3 秒内打开表单，已经超时。',
      fix: '请重新运行命令，或直接输入参数：见 /usersig help。',
    },
  },

  usersig: {
    generatedTitle: (userId: string) => `${userId} 的 UserSig`,
    privmapTitle: (userId: string) => `${userId} 的 PrivateMapKey`,
    generatedFooter: '仅您可见。UserSig 在过期前都能以该用户身份登录：只分享给确实需要的人。',
    cannotGenerate: '无法生成该 UserSig',
    validTitle: (userId: string) => `${userId} 的 UserSig 有效`,
    invalidTitle: (verdict: string) => `UserSig 无效：${verdict}`,
    decodedNote: (verify: string) => `未使用密钥解码：这里显示的是 UserSig 声明的内容，并不能证明它是真实的。请使用 ${verify} 校验签名。`,
    cannotDecode: (verdict: string) => `无法解码此 UserSig：${verdict}`,
    decodedExpired: (userId: string) => `已解码 ${userId} 的 UserSig：已过期`,
    decoded: (userId: string) => `已解码 ${userId} 的 UserSig`,
    notACode: {
      title: '这不是错误码',
      cause: (raw: string) => `“${raw}”不是数字。`,
      fix: '请输入客户端报出的错误码数字，如有负号请一并带上，例如：/usersig explain 70001 或 /usersig explain -100018',
    },
    unknownCode: {
      title: (code: number) => `错误码 ${code} 不在 imops 的目录中`,
      cause: 'imops 收录的是 UserSig 和账号相关的错误（IM 70001–70500、与之对应的 SDK 错误码，以及 -100018 等 TRTC 进房错误码）；此错误码不在其中。',
      fix: '请在腾讯云 IM（或 TRTC）的错误码页面中查找；如果它与登录或 UserSig 有关，请对客户端所用的 UserSig 运行 /usersig verify。',
    },
    errorSources: {
      'IM server': 'IM 服务端',
      'IM SDK': 'IM 客户端 SDK',
      'IM REST API': 'IM 服务端 REST API',
      TRTC: 'TRTC 客户端 SDK',
      'TRTC Web': 'TRTC Web 端 SDK',
    },
    knownCode: (system: string, code: number, name: string) => `${system} 错误码 ${code}：${name}`,
    help: {
      title: '/usersig 用法',
      openForm: '/usersig — 打开表单',
      expiryNote: '有效期可以是秒数，也可以是带单位的数字：180d、12h、30m、45s（默认 180 天）。只配置了一个应用时，可以省略应用名。',
    },
    forms: {
      title: 'UserSig',
      run: '运行',
      action: '操作',
      gen: '生成 UserSig',
      verify: '校验 UserSig',
      inspect: '解码 UserSig（无需密钥）',
      expiry: '有效期（生成时使用）',
      expiryPlaceholder: '180d、12h、30m 或秒数',
      userSig: 'UserSig',
      userSigPlaceholder: '粘贴 UserSig',
      verifyTitle: '校验 UserSig',
      verifySubmit: '校验',
      inspectTitle: '解码 UserSig',
      inspectSubmit: '解码',
      enterUserId: '请输入 UserID',
      userIdSpaces: 'UserID 首尾有空格；UserID 会按输入原样使用',
      notAnExpiry: '有效期格式不正确',
      pasteUserSig: '请粘贴 UserSig',
      tooLong: (n: number) => `内容过长（${n} 个字符）；请只粘贴 UserSig`,
    },
  },

  push: {
    certificateNotConfigured: (id: string) => `${id} · 未在 imops 中配置`,
    notConfiguredWarning: (id: string, app: string) => `证书 ID ${id} 未在应用 ${app} 中配置：无法用它发送推送`,
    deviceTitle: (kind: string, certificateId: string) => `${kind} · 证书 ${certificateId}`,
    devicesTitle: (userId: string, app: string) => `${userId} 在应用 ${app} 中的设备`,
    allCertificates: (n: number) => `全部证书（${n} 台设备）`,
    certificateToTest: '要测试的证书',
    startTesting: '开始测试',
    testAgain: '再次测试',
    cardIntro: (n: number, selected: string | undefined, shown: number, max: number) =>
      `已上报 ${n} 台设备。${selected ? `仅测试证书 ${selected}。` : '请选择一个证书，或全部测试。'}“开始测试”会向${shown === 1 ? '这台设备' : shown > max ? `这 ${shown} 台设备中最近上报的 ${max} 台（每次测试最多发送给 ${max} 台设备）` : `这 ${shown} 台设备`}发送一条测试离线推送。`,
    terminalIntro: (n: number, testCommand: string) => `已上报 ${n} 台设备，最近上报的排在前面。\`${testCommand}\` 会向每台设备发送一条测试离线推送。`,
    certificatesTitle: (app: string, ok: number, warnings: number, failed: number) =>
      `应用 ${app} 的推送证书：${[ok && `${ok} 个正常`, warnings && `${warnings} 个有警告`, failed && `${failed} 个失败`].filter(Boolean).join('，') || '无'}`,
    certificateTitle: (level: 'ok' | 'warning' | 'failure', certificate: string) =>
      `${{ ok: '正常', warning: '警告', failure: '失败' }[level]} · 证书 ${certificate}`,
    noDevices: {
      /** 列表项，不带句末标点：列表会逐条显示，句子中也会直接引用。 */
      reasons: [
        '客户端登录后从未上报 Token：每次 IM 登录成功后，客户端都必须注册推送，并携带证书 ID 上报设备 Token',
        '用户已登出：登出会解绑 Token，离线推送随之停止，直到下次登录重新上报',
        '应用或 UserID 不对：客户端登录的应用（SDKAppID）不是本次检查的应用，或所用 UserID 的写法不同（UserID 按原样比较，区分大小写，空格也算在内）',
      ],
      otherCertificateReason:
        '用另一个证书上报：该安装包注册 Token 时使用的证书 ID 与本次测试的不同（Debug 与 Release 包、iOS 与 Android App 使用不同的证书 ID）',
      cause: (userId: string, app: string, sdkAppId: number) =>
        `${userId} 在应用 ${app}（SDKAppID ${sdkAppId}）中没有上报任何设备，没有可推送的对象：检查到此结束。`,
      fix: '请在设备上重新登录，确认 App 在登录后注册推送并上报 Token，然后重新运行检查。',
      otherCause: (userId: string, certificateId: string, ids: string[]) =>
        `${userId} 没有使用证书 ${certificateId} 上报的设备；其设备使用的证书为 ${list(ids)}。`,
      otherFix: (ids: string[]) => `请改用证书 ${ids.join(' 或 ')} 测试，或核对该安装包注册时使用的证书 ID（Debug 与 Release 包使用不同的证书 ID）。`,
    },
    noDevicesTitle: (userId: string, app: string) => `${userId} 在应用 ${app} 中没有设备`,
    noDevicesWithCertTitle: (userId: string, certificateId: string) => `${userId} 没有使用证书 ${certificateId} 的设备`,
    tooLongUserId: {
      title: '该 UserID 过长，无法进行推送检查',
      cause: (userId: string, length: number) => `“${userId}”有 ${length} 个字符；IM 的 UserID 最长 32 字节。`,
      fix: '请核对 UserID：从客户端日志或 IM 控制台中复制。',
    },
    unreachable: {
      title: '无法连接推送服务',
      /** `provider`：该证书所属推送服务的名称，或所有推送服务。 */
      cause: (code: string, provider: string) => `imops 无法连接 ${provider}（${code}）。没有发送任何推送。`,
      fix: (provider: string) =>
        `请检查 imops 所在主机能否访问 ${provider}：配置中的 providers.* 地址或各推送服务的默认服务器，以及中间的代理或防火墙；然后重试。`,
    },
    resultsTitle: {
      allPassed: (passed: number, n: number) => `测试推送已送达：${n} 台设备中 ${passed} 台通过`,
      allDown: '测试推送未发送：推送服务不可用',
      failed: (failed: number, n: number) => `测试推送失败：${n} 台设备中 ${failed} 台失败`,
    },
    resultsIntro: (userId: string, app: string, cert: string | undefined) => `UserID ${userId}，应用 ${app}${cert ? `，证书 ${cert}` : ''}。`,
    skippedNote: (tested: number, matching: number, max: number, skipped: number, filtered: boolean) =>
      `已测试 ${matching} 台设备中最近上报的 ${tested} 台：每次测试最多发送给 ${max} 台设备，因此较早的 ${skipped} 台设备没有收到推送。较早的 Token 通常是重装 App 前留下的${filtered ? '' : '；选择一个证书可以缩小测试范围'}。`,
    resultTitle: (ok: boolean, platform: string, certificateId: string, verdict: string) =>
      `${ok ? '通过' : '失败'} · ${platform} · 证书 ${certificateId} · ${verdict}`,
    forms: {
      title: '推送检查',
      submit: '查看设备',
      enterUserId: '请输入 UserID',
    },
  },
  sweep: {
    title: {
      passed: (cert: string, rate: string, n: number) => `证书 ${cert} 巡检：${n} 台设备中失败率 ${rate}`,
      failed: (cert: string, rate: string, max: string) => `证书 ${cert} 巡检：失败率 ${rate}，超过上限 ${max}`,
      empty: (cert: string) => `证书 ${cert} 巡检：没有可测试的设备`,
    },
    labels: {
      app: '应用',
      certificate: '证书',
      mode: '测试方式',
      sampled: '抽样',
      tested: '已测试',
      failureRate: '失败率',
      pruned: '已清理',
      elapsed: '用时',
      verdicts: '判定',
      examples: '示例（已脱敏）',
    },
    mode: {
      background: 'APNs 后台推送（priority 5、content-available、无提醒）：手机上不会显示任何内容',
      validate_only: '试运行（validate_only）：推送服务只校验了凭证和 Token，没有发送任何消息',
      credential_and_token: '仅检查凭证和 Token 格式：该厂商没有试运行接口，因此没有发送任何消息，厂商侧已失效的 Token 仍会算作正常',
    } as Record<string, string>,
    sampledValue: (sampled: number, sample: number) => `${sampled} 台设备（最近上报的，最多 ${sample} 台）`,
    rateValue: (failed: number, counted: number, rate: string) => `${rate}（${counted} 台中 ${failed} 台；不计 RATE_LIMITED）`,
    elapsedValue: (ms: number) => `${(ms / 1000).toFixed(1)} 秒`,
    noDevicesCause: (cert: string, app: string) => `应用 ${app} 中没有使用证书 ${cert} 上报（或导入）的设备。`,
    noDevicesFix: '请核对证书 ID，或用 `imops devices import <file.jsonl>` 导入团队已有的设备数据。',
    untestedNote: (n: number, budgetS: number) =>
      `${n} 台设备未测试：巡检在 ${budgetS} 秒后不再发起新的推送，以保证总能返回结果。可以缩小抽样（--sample）或延长时间预算（--budget）后重新运行。`,
    rateLimitedNote: (n: number) => `推送服务 ${n} 次返回 429：巡检已放慢速度（先暂停，再减少同时发出的推送），而不是加大推送力度。`,
    prunedNote: (n: number) => `推送服务表示已失效（TOKEN_UNREGISTERED）的 ${n} 台设备已从存储中删除。`,
    pruneHint: (n: number) => `推送服务表示有 ${n} 台设备已失效（TOKEN_UNREGISTERED）：加上 --prune 重新运行即可删除。`,
    failedCause: (rate: string, max: string) => `已测试设备中有 ${rate} 失败，超过上限 ${max}：该证书看起来对大量用户都有问题，而不只是某一个用户。`,
    passedCause: (rate: string) => `已测试设备中有 ${rate} 失败：该证书对整体设备可用；某个用户收不到推送，是该用户自身的问题（\`/pushcheck <userId>\`）。`,
    worstFix: '先处理出现最多的失败：上面每个失败判定都有各自的原因和处理方法。',
    verdictItem: (verdict: string, n: number) => `${verdict} · ${n} 台设备`,
    progress: (done: number, total: number) => `巡检中：${done}/${total} 台设备`,
    chatStarted: (cert: string) => `正在巡检证书 ${cert}…`,
  },
  importDevices: {
    title: (stored: number, updated: number, rejected: number) => `导入设备：新增 ${stored} 台，更新 ${updated} 台，拒绝 ${rejected} 行`,
    rejectedTitle: (n: number, listed: number) => `被拒绝的行${n > listed ? `（共 ${n} 行，仅列出前 ${listed} 行；--json 会全部列出）` : ''}`,
    rejectedLine: (line: number, problem: string) => `第 ${line} 行：${problem}`,
    warningsNote: (n: number) => `${n} 台设备已存储，但带有警告（平台、证书或 Token 看起来有误）：\`imops push sweep\` 和 \`imops push test\` 会说明具体问题。`,
    rejectedCause: '部分行不是设备记录；其余正确的行已照常存储。',
    rejectedFix:
      '修正列出的行后重新导入该文件：导入是幂等的（已存储的设备会被更新，不会重复）。每行的格式为 {"userId","certificateId","token","platform"?,"environment"?,"bundleId"?,"lastSeen"?}。',
    problem: {
      not_json: '不是 JSON',
      not_object: '不是 JSON 对象',
      too_long: (max: number) => `超过 ${max} 个字符`,
      missing: (field: string) => `缺少 "${field}"`,
      not_string: (field: string, max: number) => `"${field}" 必须是不超过 ${max} 个字符的非空字符串`,
      platform: (value: string, list: string) => `"platform" 为 "${value}"；应为 ${list}`,
      environment: (value: string) => `"environment" 为 "${value}"；应为 production 或 sandbox`,
      last_seen: (value: string) => `"lastSeen" 为 "${value}"；应为 ISO 时间或自 1970 年起的毫秒数`,
    },
  },
  watch: {
    alertTitle: {
      expiring: (cert: string, days: number) => `证书 ${cert} 将在 ${days} 天后过期`,
      credential: (cert: string, verdict: string) => `证书 ${cert} 不可用：${verdict}`,
      failure_rate: (cert: string, rate: string) => `证书 ${cert}：${rate} 的设备推送失败`,
      recovered: (cert: string, what: string) => `证书 ${cert} 已恢复：${what}`,
    },
    condition: {
      expiring: '不再临近过期',
      credential: '凭证已恢复可用',
      failure_rate: '失败率已回到上限以下',
    },
    expiringCause: (date: string, days: number) => `该证书将于 ${date} 过期，还剩 ${days} 天；过期后，所有使用该证书的推送都会失败。`,
    expiringFix: '请立即在 Apple Developer 中续期，并在 IM 控制台中直接编辑更新该证书（编辑不会改变证书 ID），然后替换 imops 读取的证书文件。',
    failureCause: (rate: string, failed: number, counted: number, max: string, verdict: string, detail: string | undefined) =>
      `抽样设备中有 ${rate} 推送失败（${counted} 台中 ${failed} 台；上限 ${max}），大多为 ${verdict}。${detail ? detail : ''}`,
    failureFix: (fix: string | undefined, cert: string, unregistered: number) =>
      `${fix ?? `运行 \`imops push sweep --cert ${cert}\` 查看每种判定的示例。`}${
        unregistered > 0
          ? `抽样设备中有 ${unregistered} 台已失效（TOKEN_UNREGISTERED：已卸载 App 的设备也计为失败）：\`imops push sweep --cert ${cert} --prune\` 可将其删除。`
          : ''
      }`,
    recoveredCause: (condition: string, previous: string | undefined) => `监控发现该证书已恢复正常：${condition}${previous ? `（此前为 ${previous}）` : ''}。`,
    recoveredFix: '无需处理。',
    appLabel: '应用',
    platformLabel: '平台',
    verdictLabel: '判定',
    roundTitle: (n: number) => (n === 0 ? '本轮监控：无变化' : `本轮监控：${n} 条告警`),
    certificatesTitle: '证书',
    roundSkipped: '本轮监控未运行：另一个 imops（副本或另一个 `watch --once`）正在运行监控。',
    roundCertificate: (cert: string, credential: string, rate: string | undefined) =>
      `证书 ${cert}：凭证 ${credential}${rate !== undefined ? `，巡检失败率 ${rate}` : ''}`,
    notConfigured: '配置中没有 `watch:` 部分：本轮使用默认值（抽样 100 台、最大失败率 0.2、提前 30 天预警过期）。',
  },
};
