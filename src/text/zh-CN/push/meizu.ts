// 魅族推送的措辞：名称、错误码表（每个错误码的原因和处理方法），以及发送、凭证检查和 Token 格式检查用到的句子。
import type { meizu as en } from '../../en/push/meizu.js';

const CONSOLE = 'Flyme 推送平台（open.flyme.cn > 推送平台 / push.meizu.com）';
const CREDENTIALS = `请从 ${CONSOLE} > 应用信息中重新复制 App ID 和 App Secret，填入 imops.yml 中该证书的 appId 和 appSecret（要填 App Secret，不是 App Key）。`;
const IMOPS_BUG = '请把错误码和 message 反馈给 imops 维护者：这个请求是 imops 构造的。';
const RETRY = '请几分钟后重试。';
const PUBLIC_QUOTA = 'imops 以公信通知发送，魅族推送限制每台设备每天 3 条（新闻类应用 5 条），一分钟内超过 5 条会被折叠。';
const LIVE_LIMITS =
  '魅族推送没有访问令牌接口：--live 向一个虚构的 pushId 发送了一个签名请求（不会送达任何设备）。它能校验 App ID 和 App Secret，但无法判断已上报的 pushId 是否属于该应用，也无法得知剩余配额。';

export const meizu: typeof en = {
  names: {
    display: '魅族推送',
    article: '',
    device: 'Android（魅族推送）',
    credentialKind: 'App ID 和 App Secret',
    token: '魅族推送 pushId',
    tokenSource: 'MzPushMessageReceiver.onRegisterStatus() 返回的 pushId',
  },
  serviceName: '魅族推送',
  docs: '魅族推送 API 错误码（github.com/MEIZUPUSH/PushAPI 或 open.flyme.cn）',

  reasons: {
    '500': { cause: '魅族推送失败，原因未说明。', fix: RETRY },
    '1001': { cause: '魅族推送系统错误。', fix: RETRY },
    '1003': { cause: '魅族推送服务繁忙。', fix: RETRY },
    '1005': { cause: '魅族推送拒绝了消息中的某个参数（messageJson）。', fix: IMOPS_BUG },
    '1006': {
      cause: '魅族推送拒绝了请求签名：appSecret 有误（常见的是填成了 App Key），或属于另一个应用。',
      fix: CREDENTIALS,
    },
    '110000': { cause: '魅族推送不认识这个 appId。', fix: CREDENTIALS },
    '110001': { cause: '魅族推送认为 App Key 不合法。', fix: CREDENTIALS },
    '110004': { cause: '魅族推送表示某个必填参数为空。', fix: IMOPS_BUG },
    '110009': {
      cause: '魅族推送已将该应用列入黑名单：不允许推送。',
      fix: `请在 ${CONSOLE}中查看该应用的状态，并联系魅族开发者支持。`,
    },
    '110010': { cause: '该应用超出了魅族推送的请求频率限制。', fix: '请等待一分钟后再测试。' },
    '110019': {
      cause: '该应用在魅族推送的每日推送次数已用完。',
      fix: `请在每日额度重置（北京时间零点）后再测试；限额可在 ${CONSOLE}中查看。`,
    },
    '110031': { cause: '魅族推送认为该应用的包名不合法。', fix: `请在 ${CONSOLE}中检查该应用的包名。` },
    '110033': { cause: '魅族推送认为 appSecret 不合法。', fix: CREDENTIALS },
    '110051': { cause: '该应用超出了魅族推送的次数限制。', fix: '请明天再测试。' },
    '110053': { cause: '该应用超出了魅族推送的透传消息限制。', fix: IMOPS_BUG },
  },
  perPushId: {
    '201': {
      cause: '魅族推送拒绝向这个 pushId 推送：该应用没有权限。',
      fix: `请在 ${CONSOLE}中确认该应用已开通推送。`,
    },
    '501': { cause: '魅族推送向这个 pushId 推送失败（魅族一侧的数据库错误）。', fix: RETRY },
    '513': { cause: '魅族推送向这个 pushId 推送失败。', fix: RETRY },
    '519': { cause: '魅族推送过载，没有向这个 pushId 推送。', fix: RETRY },
    '520': {
      cause: '魅族推送折叠了这条消息：这台手机在一分钟内收到了该应用超过 5 条消息。',
      fix: '请等待一分钟后再测试这台设备。',
    },
    '110002': {
      cause: '魅族推送表示该 pushId 无效或未订阅：App 已被卸载或已取消注册，或该 pushId 属于另一个应用。',
      fix: '请删除这个 Token；用户需要打开 App（保持登录），让它通过 PushManager.register() 重新注册并上报新的 pushId。',
    },
    '110003': {
      cause: '魅族推送表示该 pushId 不合法（根本不是 pushId，或被截断、改动过）。',
      fix: '请检查 App 上报的内容：应为 MzPushMessageReceiver.onRegisterStatus() 返回的 pushId。删除当前这个。',
    },
    '110005': { cause: '魅族推送表示别名（alias）无效。', fix: '请上报 pushId，而不是别名。' },
    '110010': {
      cause: '该 pushId 有效，但用户在手机上（Flyme 设置中）关闭了该应用的推送，因此魅族推送不会下发给它。',
      fix: '请让用户允许该应用的通知（设置 > 通知和状态栏 > 该应用）。',
    },
    '110011': {
      cause: '这台手机当天接收该应用公信消息的上限（3 条，新闻类应用 5 条）已用完。',
      fix: '请明天再测试这台设备；按 2025-05-07 起施行的规则，私信消息不受此限制。',
    },
  },

  appIdNotNumber: (appId) => `appId ${appId} 不是数字：魅族的 App ID 是纯数字。`,
  appIdFix: `请从 ${CONSOLE} > 应用信息中复制 App ID。`,
  spaces: 'appSecret 中含有空格或换行，因此每个签名都会出错（魅族推送错误码 1006）。',
  spacesFix: '请重新粘贴 App Secret，不要带空格。',
  summary: (appId) => `App ID ${appId}（每个请求单独签名；没有可离线校验的访问令牌）`,
  describe: (appId) => `魅族推送，App ID ${appId}`,
  tooShort: (length) => `该 Token 长 ${length} 个字符；魅族推送的 pushId 约 45 个字符，因此它很可能被截断了。`,

  publicQuota: PUBLIC_QUOTA,
  delivered: (appId) => `魅族推送已接受 App ID ${appId} 的测试通知（code 200，没有失败的 pushId）。${PUBLIC_QUOTA}`,
  deliveredFix: '推送侧无需处理。如果手机上没有显示：请确认在 Flyme 设置中允许了该应用的通知，并且用户处于登录状态。',
  tokenLooksWrong: (problems) => `Token 本身看起来有误：${problems.join('')}`,
  sendForPushId: '发送（针对这个 pushId）',

  live: {
    accepted: (code) =>
      `魅族推送接受了 App ID 和 App Secret（向虚构 pushId 发送的签名探测请求返回 ${code}）；但无法判断已上报的 pushId 是否属于该应用，也无法得知剩余配额`,
    answered200: '魅族推送对签名探测请求返回了 code 200',
    unexpected: `${LIVE_LIMITS}魅族推送接受了虚构的 pushId，没有把它列为无效，这出乎 imops 的预期。`,
    unexpectedFix: '请用 `imops push test` 向真实设备发送一条测试推送。',
    refused: '魅族推送拒绝了签名探测请求',
    refusedProblem: (code, message, cause) => `魅族推送返回 ${code}${message ? `（“${message}”）` : ''}：${cause}${LIVE_LIMITS}`,
  },
};
