// 推送检查中不属于任何单个推送服务的措辞：预检、Token 格式、上报警告、测试推送本身。
// 推送服务的名称取自 t.providers[platform].names，由调用方传入。
import type { common as en, PlatformFrom, UnknownCertificateFacts } from '../../en/push/common.js';
import { zh } from '../common.js';

const list = (items: readonly string[]) => items.join('、');
const quote = (id: string) => JSON.stringify(id);

const unknownProblem = (u: UnknownCertificateFacts) =>
  u.configured.length
    ? zh`证书 ID ${quote(u.id)} 未在应用${u.app}（SDKAppID ${u.sdkAppId}）中配置；已配置的证书：${list(u.configured)}`
    : zh`证书 ID ${quote(u.id)} 未配置：应用${u.app}（SDKAppID ${u.sdkAppId}）在 imops 中没有任何推送证书`;

const unknownFix = (u: UnknownCertificateFacts) =>
  u.configured.length
    ? zh`上报 Token 时请使用已配置的证书 ID 之一（Debug 包用开发环境的证书，Release 包用生产环境的证书）；如果 ${quote(u.id)} 是 IM 控制台中新添加的证书，请把证书 ${quote(u.id)} 添加到 imops.yml`
    : '请把 IM 控制台（推送 > 接入设置）中的推送证书添加到 imops.yml 中该应用下';

const unknownToken = (names: string) => zh`不像 imops 已知的任何推送 Token（${names}）`;

const FROM: Record<PlatformFrom, string> = {
  report: '依据 App 上报的平台',
  token: '因为 Token 看起来是该平台的',
  guess: '推测：App 和 Token 都没有表明是哪个平台',
};

export const common: typeof en = {
  list,
  orList: (items) => (items.length < 2 ? items.join('') : `${list(items.slice(0, -1))} 或 ${items[items.length - 1]}`),
  sentence: (clause) => (/[。！？.!?]$/.test(clause) ? clause : `${clause}。`),
  // 中文警告以“。”结尾，直接相连；早先存储的英文句子后空一格；其余用“；”隔开。
  warningsLine: (warnings) =>
    warnings.reduce((line, w) => (line === '' ? w : `${line}${/[。！？]$/.test(line) ? '' : /[.!?]$/.test(line) ? ' ' : '；'}${w}`), ''),
  certificate: (id, description) => `${id}（${description}）`,
  allProviders: (names) => `推送服务（${names}）`,
  credentialState: { ok: '正常', bad: '不可用' },

  unknownCertificate: {
    problem: unknownProblem,
    fix: unknownFix,
    cause: (u) => `客户端上报此 Token 时使用的${unknownProblem(u)}。`,
    fixSentence: (u) => `${unknownFix(u)}。`,
  },

  preflight: {
    expoCause: (certificateId, p) => zh`证书${certificateId}是${p.display}证书，但该 Token 是 Expo 推送 Token，${p.display}无法使用。`,
    expoFix: (p) => zh`请让 App 上报原生的${p.display} Token（getDevicePushTokenAsync），而不是 Expo Token。`,
    otherTokenCause: (certificateId, cert, token) =>
      zh`证书${certificateId}是${cert.display}证书，但该 Token 看起来是${token.token}：App 把${token.device}的 Token 用${cert.device}的证书 ID 上报了。`,
    otherTokenFix: (certificateId, cert, token, listed) =>
      zh`请用${token.display}证书 ID${listed.length ? `（${list(listed)}）` : '（尚未配置；请在 imops.yml 中添加）'}上报${token.display} Token，并用证书${certificateId}上报${cert.tokenSource}。`,
    otherPlatformCause: (certificateId, reported, cert) => zh`该设备按${reported.device}上报，但证书${certificateId}用于${cert.device}。`,
    otherPlatformFix: (reported, listed) => zh`请用${reported.device}的证书 ID 上报该 Token：${list(listed) || '尚未配置；请在 imops.yml 中添加'}。`,
    unusableCause: (certificateId, problem) => zh`没有发送任何推送：证书${certificateId}无法使用。${problem ?? '无法加载该证书的凭证。'}`,
    unusableFix: '运行 `imops push certs` 查看该证书的所有问题。',
  },

  tester: {
    noDryRunBadTokenCause: (p, problems) => zh`没有发送任何推送（${p.display}没有试运行接口）：该 Token 看起来不是${p.token}：${problems.join('')}`,
    noDryRunBadTokenFix: (certificateId, p) => zh`请用证书${certificateId}上报${p.tokenSource}。`,
    noDryRunOkCause: (certificateId, p) => zh`没有发送任何推送（${p.display}没有试运行接口）：证书${certificateId}的凭证可用，Token 格式也正确。`,
    noDryRunOkFix: '不发送推送能发现的问题都没有；`imops push test` 会发送一条可见的测试通知。',
    unexpectedCause: 'imops 发送测试推送时出错（意外错误，详情已写入 imops 日志）。',
    unexpectedFix: '请重新运行检查；如果问题重复出现，请把该日志行提交给 imops 维护者。',
    withLive: (summary, live) => `${summary}；实时检查：${live}`,
  },

  token: {
    empty: 'Token 为空：App 根本没有上报 Token。',
    padded: 'Token 前后有空格或换行；App 应只发送 Token 本身。',
    quoted: 'Token 被引号包住；App 发送 Token 时不应带引号。',
    control: 'Token 中含有控制字符，说明它在传递过程中已损坏。',
    urlEncoded: 'Token 经过了 URL 编码（含有 %XX）；App 应发送解码后的 Token。',
    expo: (names) =>
      zh`这是 Expo 推送 Token（ExponentPushToken[…]）：它只能通过 Expo 的推送服务使用，不能直接用于 imops 支持的任何推送服务（${names}）；App 必须上报原生的设备 Token（getDevicePushTokenAsync）。`,
    unknownWithSpaces: (names) => `Token 中含有空格，因此${unknownToken(names)}。`,
    unknown: (names) => `该 Token ${unknownToken(names)}。`,
  },

  upload: {
    reportedPlatform: (reported, certificateId, cert) =>
      zh`App 上报的平台为${reported}，但证书${certificateId}是${cert.display}证书：App 上报时用错了证书 ID。`,
    otherToken: (certificateId, cert, token) =>
      zh`该 Token 看起来是${token.token}，但证书${certificateId}是${cert.display}证书：App 把${token.display} Token 用${cert.display}的证书 ID 上报了。`,
    storedUnknown: (u) =>
      `已存储，但${unknownProblem(u)}。在 App 使用已配置的证书 ID 上报、或在 imops.yml 中添加该证书之前，对这台设备的测试推送都会报告 UNKNOWN_CERTIFICATE。`,
    storedAs: (p, from) => zh`已按${p.display}设备存储（${FROM[from]}）。`,
    ignoredField: (field) => `字段 "${field}" 不属于设备上报的内容，已忽略。`,
    evicted: (max, p, certificateId, token, lastSeen) =>
      zh`该 UserID 已有${max}台设备，达到 imops 为每个用户保存的上限：最久未上报的那台设备（${p.display}，证书${certificateId}，Token ${token}，最后上报于${lastSeen}）已被删除以腾出位置。App 应在登出时调用 DELETE /v1/devices，以免旧 Token 越积越多。`,
  },

  credentialFile: {
    unreadable: (what, path, code) => zh`无法读取${what} ${path}（${code}）。`,
    readableByOthers: (what, path, mode) => zh`${what} ${path}可被本服务器上的其他用户读取（权限${mode}）；请用 chmod 600 ${path}收紧权限。`,
    readableByOthersFix: (path) => zh`请运行 \`chmod 600 ${path}\`，并让该文件归运行 imops 的用户所有：该文件包含私钥。`,
  },
};
