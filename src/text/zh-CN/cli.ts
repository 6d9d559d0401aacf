// `imops` 命令自己的措辞：作为结果打印的内容和用法错误（src/cli/*.ts）。结构与 src/text/en/cli.ts 一一对应。
// 命令行帮助、`imops serve` 的启动信息和日志保持英文（面向运维），不在这里。
import type { cli as en } from '../en/cli.js';
import { zh } from './common.js';

export const cli: typeof en = {
  note: (text) => `注意：${text}`,
  warning: (text) => `警告：${text}`,
  fix: (text: string) => `处理方法：${text}`,
  dashUserId: (option: string, fixed: string) => `如果“${option}”是 UserID，请把它放在“--”之后，以免被当作选项：${fixed}`,

  usersig: {
    roomRequired: '必须指定房间',
    roomBoth: '--room 和 --str-room 只能给一个',
    roomFix: '数字房间号用 --room N，字符串房间号用 --str-room S，与客户端进房时使用的完全一致',
    notAnErrorCode: (text) => `"${text}" 不是错误码`,
    notAnErrorCodeFix: '请填写客户端上报的错误码数字，例如 70001 或 -100018',
    notWhole: (flag, text) => `${flag} 必须是整数，实际为 "${text}"`,
    notUnix: (flag, text) => `${flag} 必须是 Unix 秒数（整数），实际为 "${text}"`,
    notUnixFix: '例如 1700000000；不填则使用当前时间',
    notAt: (text) => `--at 必须是 Unix 秒数或 ISO 8601 时间，实际为 "${text}"`,
    notAtFix: '例如 --at 1700000000 或 --at 2024-05-01T12:00:00Z',
    notPrivileges: (text) => `--privileges 必须是 1 到 255 之间的数字或 "all"，实际为 "${text}"`,
    noStdin: '标准输入中没有 UserSig',
    noStdinFix: '请通过管道传入 UserSig，例如 `pbpaste | imops usersig verify alice -`',
  },

  devices: {
    emptyToken: '--token 为空',
    emptyTokenFix: '请传入 App 上报的设备 Token',
    stored: (_article, display, userId, app) => zh`已为 ${userId} 保存一台${display}设备（应用 ${app}）。`,
    updated: (_article, display, userId, app) => zh`已更新 ${userId} 的${display}设备（应用 ${app}）。`,
    certificate: '证书',
    token: 'Token',
    certificateNotConfigured: (id) => `${id}（未配置）`,
    storedAnyway: '（仍已保存：`imops push test` 会显示各推送服务对它的判断）',
  },

  fleet: {
    notWholeInRange: (flag, min, max, text) => `${flag} 必须是 ${min} 到 ${max} 之间的整数，实际为 ${JSON.stringify(text)}`,
    notRate: (text) => `--max-failure-rate 必须是 0 到 1 之间的数字，实际为 ${JSON.stringify(text)}`,
    notRateFix: '例如 0.2（受测设备的 20%）',
    cannotRead: (file, code) => `无法读取 ${file}（${code}）`,
    notAFile: (file) => `${file} 不是文件`,
    fileFix: '请给出一个 JSON Lines 文件的路径',
  },

  audit: {
    badLimit: (max, text) => `--limit 必须是 1 到 ${max} 之间的整数，实际为 "${text}"`,
    limitFix: '例如 --limit 50',
    empty: (dataDir) => `${dataDir} 中还没有审计记录。`,
    columns: { time: '时间', who: '操作者', action: '操作', app: '应用', userId: 'UserID', outcome: '结果', detail: '详情' },
  },

  serve: {
    portInUse: (port) => `端口 ${port} 已被占用`,
    portInUseFix: '请停止占用它的进程，或用 PORT=… 或 --port 换一个端口',
    portDenied: (port) => `没有权限监听端口 ${port}`,
    portDeniedFix: '请使用 1023 以上的端口，或设置 PORT=3000',
    notAPort: (value) => `"${value}" 不是有效的端口号`,
    notAPortFix: '请给 PORT 或 --port 一个 0 到 65535 之间的整数（0 表示自动选择空闲端口）',
    badLogLevel: (level) => `LOG_LEVEL "${level}" 不是有效的日志级别`,
    logLevelFix: (levels) => `请使用以下之一：${levels.join('、')}`,
  },
};
