// 腾讯云 IM 的措辞：imops 解释的 REST 问题（按 src/im/rest-errors.ts 分类）、在线状态和 send-test 的回复。
import type { DetailWords, im as enIm, ImProblemContext } from '../en/im.js';

type Im = typeof enIm;

/** imops 自己看到的情况，再加 IM 的原话：“（3000 毫秒内没有应答）”“（IM 返回：“…”）”。 */
const said = (c: ImProblemContext) => `${c.seen ? `（${c.seen}）` : ''}${c.info ? `（IM 返回：“${c.info}”）` : ''}`;
const codeOf = (c: ImProblemContext) => (c.code !== undefined ? `错误码 ${c.code}` : '错误');
/** "数据中心 singapore（https://…）上" / "https://… 上"。 */
const onHost = (c: ImProblemContext) => (c.region ? `数据中心 ${c.region}（${c.origin}）上` : `${c.origin} 上`);
/** A Latin word after a Chinese one takes a space. */
const spaced = (s: string) => (/^[A-Za-z0-9]/.test(s) ? ` ${s}` : s);

export const imProblems: Im['problems'] = {
  not_admin: {
    cause: (c) => `IM 对 ${c.api} 返回${codeOf(c)}：“${c.admin}”不是 SDKAppID ${c.sdkAppId} 的 App 管理员${said(c)}。`,
    fix: (c) =>
      `在 IM 控制台（应用管理 > ${c.app} > 账号管理）中将“${c.admin}”设为 App 管理员，或在 imops.yml 中把 apps[].im.admin 改为一个已有的管理员 UserID。`,
  },
  admin_sig: {
    cause: (c) =>
      `IM 拒绝了 imops 为“${c.admin}”签发的管理员 UserSig（${c.api} 返回${codeOf(c)}）${said(c)}：imops.yml 中该应用的 secretKey 不是 SDKAppID ${c.sdkAppId} 的密钥，或本机时钟不准。`,
    fix: (c) => `从 IM 控制台（应用管理 > ${c.app} > 基础配置）复制密钥到 apps[].secretKey，并用 NTP 同步本机时钟。`,
  },
  wrong_region: {
    cause: (c) => `IM 对 ${c.api} 返回${codeOf(c)}：${onHost(c)}没有 SDKAppID ${c.sdkAppId}${said(c)}。通常是该应用位于另一个数据中心。`,
    fix: () =>
      '把 apps[].im.region 设为 IM 控制台（基础配置 > 数据中心）中显示的数据中心：`china`、`singapore`、`seoul`、`tokyo`、`frankfurt`、`mumbai`、`siliconvalley` 或 `jakarta`。',
  },
  plan_expired: {
    cause: (c) => `IM 对 ${c.api} 返回 60020：该应用的 IM 套餐包（专业版/旗舰版）已过期或尚未生效${said(c)}。`,
    fix: () => '在 IM 控制台（计费）续费或购买套餐包；新购买的套餐包约 5 分钟后生效。',
  },
  ip_not_allowed: {
    cause: (c) => `IM 对 ${c.api} 返回 60021：本机发起 REST 调用的 IP 地址不在该应用的 IP 白名单中${said(c)}。`,
    fix: () => '在 IM 控制台（基础配置）中把 imops 发起调用所用的公网 IP 地址加入 REST API 调用的 IP 白名单，或删除该白名单。',
  },
  rate_limited: {
    cause: (c) => `IM 对 ${c.api} 返回${codeOf(c)}：该应用的 REST API 调用已达到限频上限${said(c)}。`,
    fix: () => '几秒后重试；如果持续出现，说明有其他系统在大量调用 REST API（query_online_status 的限频为每秒 200 次）。',
  },
  sdkappid_invalid: {
    cause: (c) => `IM 对 ${c.api} 返回${codeOf(c)}：SDKAppID ${c.sdkAppId} 无效${said(c)}。`,
    fix: () => '对照 IM 控制台检查 apps[].sdkAppId。',
  },
  disabled: {
    cause: (c) => `IM 对 ${c.api} 返回${codeOf(c)}：该应用或此请求已被腾讯云禁用${said(c)}。`,
    fix: () => '请向腾讯云技术支持提交工单；该应用可能已被停用。',
  },
  request_invalid: {
    cause: (c) => `IM 无法解析 imops 发往 ${c.api} 的请求（${c.code !== undefined ? `错误码 ${c.code}` : '无错误码'}）${said(c)}。`,
    fix: () => '这很可能是 imops 的缺陷，或有代理改写了请求：请带上上面的错误码报告此问题。',
  },
  account_not_found: {
    cause: (c) => `IM 对 ${c.api} 返回${codeOf(c)}：该账号不存在${said(c)}。`,
    fix: () => '该用户从未登录过，也从未被导入：请查看账号检查的结果。',
  },
  server_busy: {
    cause: (c) => `IM 对 ${c.api} 返回${codeOf(c)}：服务端临时故障${said(c)}。`,
    fix: () => '一分钟后重试；如果持续出现，请查看腾讯云服务状态页面。',
  },
  timeout: {
    cause: (c) => `${onHost(c)}的 IM 对 ${c.api} 没有及时应答${said(c)}。`,
    fix: () => '重试；如果反复出现，请检查到 IM 域名的网络链路（防火墙、代理、DNS）。',
  },
  network: {
    cause: (c) => `imops 调用 ${c.api} 时无法连接到${spaced(onHost(c))}的 IM${said(c)}。`,
    fix: () => '检查 IM 域名的 DNS、防火墙和代理设置，以及 apps[].im.region / url。',
  },
  http: {
    cause: (c) => `IM 域名对 ${c.api} 返回了 HTTP 错误${said(c)}；除非网络出错，IM 本身总是返回 200。`,
    fix: () => '请求经过的代理或 apps[].im.url 指向了 IM 的 REST API 以外的地址：请检查。',
  },
  bad_response: {
    cause: (c) => `IM 对 ${c.api} 的应答与 REST API 文档描述的不符${said(c)}。`,
    fix: () => '检查 apps[].im.url 是否指向 IM 的 REST API，而不是其他服务。',
  },
  unknown: {
    cause: (c) => `IM 对 ${c.api} 返回${codeOf(c)}${said(c)}。`,
    fix: (c) => `请在腾讯云的错误码列表中查找该错误码（${c.code ?? '无错误码'}）；\`imops usersig explain <code>\` 可解释登录相关的错误码。`,
  },
};

export const imDetails: DetailWords = {
  timeout: (d) => `${d.ms} 毫秒内没有应答`,
  cut_off: () => '应答在传输中被截断',
  connection_failed: () => '连接失败',
  network_error: (d) => `网络错误 ${d.error}`,
  http_status: (d) => `HTTP ${d.status}`,
  not_json: () => '应答不是 JSON',
  not_object: () => '应答不是 JSON 对象',
  no_result_item: () => '应答中没有该 UserID 的 ResultItem',
  no_status: () => '应答中没有该 UserID 的已知 Status',
};

/** IM 控制台的叫法，括号里是 IM 接口返回的原值：“后台在线（PushOnline）”；未知的状态原样显示。 */
const STATES: Record<string, string> = { Online: '在线', PushOnline: '后台在线', Offline: '离线' };
const state = (raw: string) => (STATES[raw] ? `${STATES[raw]}（${raw}）` : raw);

export const im: Im = {
  problems: imProblems,
  details: imDetails,
  usage: {
    noIm: (app: string) => `应用 ${app} 没有 \`im:\` 配置块，imops 无法向腾讯云 IM 查询它的用户。`,
    noImFix: '在 imops.yml 中该应用下添加 `im: { admin: administrator, region: singapore }`（region 填应用所在的数据中心）。',
    waitOutOfRange: (wait: string) => `\`--wait ${wait}\` 超出了允许的范围。`,
    waitNotSeconds: (wait: string) => `\`--wait ${wait}\` 不是秒数。`,
    waitFix: (max: number) => `请填写 0 到 ${max} 之间的秒数。`,
  },
  state,
  platforms: (ps) => ps.map((p) => `${p.platform}：${state(p.status)}`).join('，'),
  sentences: (...parts: string[]) => parts.filter((p) => p !== '').join(''),
  titles: {
    ONLINE: (u: string) => `${u} 在 IM 中为在线状态（Online）`,
    PUSH_ONLINE: (u: string) => `${u} 可以收到离线推送（后台在线，PushOnline）`,
    OFFLINE: (u: string) => `${u} 在 IM 中为离线状态（Offline）`,
    ACCOUNT_NOT_FOUND: (u: string) => `${u} 没有 IM 账号`,
    IM_ERROR: (_u: string) => '腾讯云 IM 未返回状态查询结果',
  },
  verdicts: {
    ONLINE: {
      cause: (u: string) => `${u} 与 IM 保持着长连接：消息通过在线通道投递，连接存续期间 IM 不发送离线推送（App 切到后台但进程仍存活时，仍为在线状态）。`,
      fix: '推送本身没有问题。如需看到通知，请杀掉 App（从多任务界面划掉），等待约 7 分钟让 IM 将设备标记为后台在线（PushOnline），或在收到在线消息时展示本地通知。',
    },
    PUSH_ONLINE: {
      cause: (u: string) => `${u} 的 App 未连接，但仍处于登录状态：有新消息时 IM 会发送离线推送。`,
      fix: '如果收不到通知，请检查设备和证书（`imops triage`），或用 `imops im send-test` 发送一条测试消息。',
    },
    OFFLINE: {
      cause: (u: string) => `${u} 已登出、因在其他设备登录而被踢下线，或已 7 天未登录：此状态下 IM 不发送任何推送。`,
      fix: '在 App 中重新登录（并确保 App 每次登录后都上报推送 Token）；之后推送即可恢复。',
    },
    ACCOUNT_NOT_FOUND: {
      cause: (u: string) => `IM 中没有账号“${u}”：该账号从未登录过，也从未被导入，或 UserID 的拼写不同（UserID 区分大小写）。`,
      fix: '核对 App 登录时使用的准确 UserID；如果该账号应当存在，请用 REST API 接口 account_import 导入它。',
    },
  },
  labels: { account: '账号', status: '状态', platforms: '各平台', imported: '已导入', notImported: '未导入', unknown: '未知' },
  multiDevice: (online: string[], push: string[]) =>
    `多台设备：${online.join('、')} 在线，${push.join('、')} 后台在线。IM 文档没有说明另一台设备在线时，后台在线的设备是否会收到离线推送。`,
  sendTest: {
    title: 'imops 测试',
    text: (stamp: string) => `imops 推送测试 ${stamp}`,
    confirmTitle: (u: string) => `向 ${u} 发送一条测试消息？`,
    confirmBody: (u: string, from: string) =>
      `IM 会以 ${from} 的身份向 ${u} 发送一条真实的文本消息。该消息会出现在 ${u} 的聊天记录中；如果 ${u} 不在线，IM 会像推送普通消息一样推送它。`,
    confirm: '发送测试消息',
    sentTitle: (u: string) => `已向 ${u} 发送测试消息`,
    sentWaiting: (s: number) => `已发送；正在等待 IM 的推送回调（最多 ${s} 秒）…`,
    failedTitle: (u: string) => `IM 未接受发给 ${u} 的测试消息`,
    history: (u: string, from: string) => `该消息现已出现在 ${u} 的聊天记录中（发送方 ${from}）。`,
    pushOk: (platform: string) => `IM 报告发往 ${platform} 的推送已成功。`,
    pushFailed: (platform: string, code: string, info: string) => `IM 报告发往 ${platform} 的推送失败：${code}${info ? ` ${info}` : ''}。`,
    pushFailedFix: '在推送证书检查（`imops push certs`）中查找该厂商错误，并运行 `imops push test <userId>` 直接查看厂商的返回。',
    noReport: (s: number) => `${s} 秒内未收到 IM 回调报告的推送结果：该用户可能在线（不会发送推送）、离线，或回调没有指向 imops。`,
    noReportFix: '运行 `imops im status <userId>`；在 IM 控制台中把 Push.OfflinePush 回调指向此 imops（见 README）。',
    noCallbacks: '未配置回调鉴权 Token，imops 无法看到推送结果；请检查设备。',
    noCallbacksFix: '设置 apps[].im.callbackToken，并将 IM 的回调 URL 指向 imops（见 README），即可在这里看到推送结果。',
    labels: { from: '发送方', text: '内容', msgKey: 'MsgKey', result: '推送结果' },
  },
  forms: { statusTitle: 'IM 状态', submit: '查询' },
  sendTestButton: '发送 IM 测试消息',
  cancel: '取消',
  cancelled: '未发送消息。',
};
