// 小米推送的措辞：名称、错误码表（每个错误码的原因和处理方法），以及发送、凭证检查和 Token 格式检查用到的句子。
import type { xiaomi as en } from '../../en/push/xiaomi.js';

const CONSOLE = '小米开放平台（dev.mi.com）> 推送服务 > 对应应用';
const REREGISTER = '请让用户打开 App（保持登录），使 MiPushClient 重新注册，并由 App 携带该证书 ID 上报新的 regId；删除当前这个 regId。';
const RETRY = '请几分钟后重试。';
const COPY_SECRET = `请从${CONSOLE} > 应用信息中复制该包名对应的 AppSecret，填入该证书的 appSecret。`;
const LIVE_LIMITS = '小米推送没有访问令牌接口，因此 --live 不发送推送就无法校验 AppSecret、包名或通道；请用 `imops push test` 向真实设备发送测试推送来校验。';

/** “通道 123”，或未设置时的说明（中文里括号前不加空格）。 */
const channel = (channelId: string | undefined, none: string) => (channelId ? `通道 ${channelId}` : `通道（${none}）`);

export const xiaomi: typeof en = {
  names: {
    display: '小米推送',
    article: '',
    device: 'Android（小米推送）',
    credentialKind: 'AppSecret',
    token: '小米推送 regId',
    tokenSource: 'MiPushClient.getRegId() 返回的 regId',
  },
  vendorName: '小米推送',
  serviceName: '小米推送',

  reasons: {
    bad_regids: {
      cause: '小米推送接受了请求，但把这个 regId 列在 bad_regids 中：它没有（或已不再）注册在该应用下。',
      fix: REREGISTER,
    },
    '-1': { cause: '小米推送返回未知错误。', fix: RETRY },
    '1': { cause: '小米推送内部错误。', fix: RETRY },
    '10001': { cause: '小米推送系统错误。', fix: RETRY },
    '10002': { cause: '小米推送服务繁忙。', fix: RETRY },
    '10003': { cause: '小米推送远程调用出错。', fix: RETRY },
    '10008': {
      cause: '小米推送拒绝了消息中的某个参数。',
      fix: '请检查该证书的 packageName；若无误，请把返回的消息文本反馈给 imops 维护者。',
    },
    '10012': {
      cause: '小米推送认为请求不合法。',
      fix: '请检查 providers.xiaomi.url 以及中间的代理，并把返回文本反馈给 imops 维护者。',
    },
    '10016': {
      cause: '小米推送发现缺少必填参数。',
      fix: '请检查该证书的 packageName，并确认上报的 regId 不为空。',
    },
    '10017': {
      cause: '小米推送发现某个参数值不合法。',
      fix: '请检查该证书的 packageName 和 channelId；返回的消息文本会指出是哪个字段。',
    },
    '10027': { cause: '小米推送表示接口调用过于频繁。', fix: '请等待一分钟后再测试；小米不接受提升 QPS 的申请。' },
    '10029': { cause: '小米推送不认识这台设备（regId 不合法）。', fix: REREGISTER },
    '10031': {
      cause: '小米推送已将该应用列入黑名单，禁止发送：通常是因为应用未在小米应用商店上架，或推送未通过审核。',
      fix: `请在小米应用商店上架该应用，并在${CONSOLE}中查看其推送状态；腾讯云文档指出，小米只为已上架的应用下发推送。`,
    },
    '10034': {
      cause: '该应用当天的消息总量已用完（公信/营销消息配额）。',
      fix: `请等到明天，并把该证书的 channelId 设为在${CONSOLE}中审核通过的私信通道；私信通道没有每日总量限制。`,
    },
    '10036': {
      cause: '小米推送禁止该应用的操作（账号或应用受到处罚）。',
      fix: `请查看${CONSOLE}中的通知，并联系小米。`,
    },
    '10037': { cause: '小米推送认为请求已过期：这台服务器的时钟不准。', fix: '请同步服务器时钟（NTP）后再测试。' },
    '20301': { cause: '小米推送发送失败，这通常意味着 regId 无效或已不再注册。', fix: REREGISTER },
    '21301': { cause: '小米推送拒绝了 Authorization 请求头中的 AppSecret。', fix: COPY_SECRET },
    '21302': { cause: '小米推送拒绝了鉴权（“token auth failed”）。', fix: COPY_SECRET },
    '21303': { cause: '小米推送限制了该应用的请求。', fix: `请在${CONSOLE}中查看该应用的推送状态。` },
    '22000': { cause: '小米推送认为应用不合法（该 AppSecret 不属于它所知的任何应用）。', fix: `请从${CONSOLE}中复制 AppSecret。` },
    '22006': { cause: '小米推送认为 AppId 不合法。', fix: `请从${CONSOLE}中复制正确应用的 AppSecret。` },
    '22007': { cause: '小米推送认为 AppKey 不合法。', fix: `请从${CONSOLE}中复制正确应用的 AppSecret。` },
    '22022': {
      cause: '小米推送认为包名不合法：该证书的 packageName 不是 AppSecret 所属应用的包名（或 Token 来自另一个包名）。',
      fix: `请把 packageName 设为在${CONSOLE}中注册的应用包名，并使用该应用的 AppSecret；同时确认安装包的包名（例如带 .debug 的构建变体）与之一致。`,
    },
    '22102': { cause: '小米推送发送应用通知失败。', fix: RETRY },
    '26006': { cause: '小米推送要求该应用通过审核后才能发送。', fix: `请在${CONSOLE}中完成审核。` },
    '27001': {
      cause: '小米推送认为通道信息不匹配：该证书的 channelId 不是为该应用注册的通道。',
      fix: `请在${CONSOLE} > 消息分类（通知类别）中创建该通道（或复制它的 ID），并把该证书的 channelId 设为它。`,
    },
    '65003': { cause: '小米推送找不到这台设备（通常是长时间离线，或 regId 已过时）。', fix: REREGISTER },
    '65009': { cause: '小米推送认为消息内容过长。', fix: '请反馈给 imops 维护者：测试消息的文本很短。' },
    'HTTP 401': { cause: '小米推送拒绝了 Authorization 请求头。', fix: `请从${CONSOLE}中复制 AppSecret，填入该证书的 appSecret。` },
    'HTTP 404': { cause: '小米推送返回 404：URL 有误。', fix: '请检查 providers.xiaomi.url（默认 https://api.xmpush.xiaomi.com）。' },
    'HTTP 429': { cause: '小米推送对请求限频。', fix: '请等待一分钟后再测试。' },
    'HTTP 500': { cause: '小米推送服务器错误。', fix: RETRY },
    'HTTP 502': { cause: '小米推送（或它前面的网关）出现网络错误。', fix: RETRY },
    'HTTP 503': { cause: '小米推送不可用。', fix: RETRY },
  },
  unknownFix:
    '请结合上面的返回文本，在小米的服务端错误码表（dev.mi.com > 推送服务 > “服务端错误码参考”）中查找该错误码；如果反复出现，请带上 trace_id 咨询小米技术支持。',

  channelNote: (id) => `证书 ${id} 没有设置 channelId，因此小米推送走默认通道：每台设备每天只能收到 1 条推送；已切换到新消息分类的应用，这类推送会全部被拒绝。`,
  channelFix:
    '请在小米开放平台（dev.mi.com）> 推送服务 > 消息分类（通知类别）中创建通道（聊天消息用私信通道，需审核通过），并把该证书的 channelId 设为它的 ID。',
  notAPackage: (packageName) => `packageName ${packageName} 不是 Android 包名（例如 com.example.app）。`,
  packageFix: '请把 packageName 设为该应用在小米开放平台（dev.mi.com）> 推送服务中登记的包名。',
  secretFix: '请把 appSecret 设为小米开放平台（dev.mi.com）> 推送服务 > 应用信息中的 AppSecret。',
  summary: (packageName, channelId) => `包名 ${packageName}，${channel(channelId, '未设置：默认通道，每天 1 条')}`,
  describe: (packageName, channelId) => `小米推送，${packageName}${channelId ? `，通道 ${channelId}` : ''}`,
  packageMismatch: (reported, id, packageName) =>
    `App 上报的包名是 ${reported}，但证书 ${id} 推送的包名是 ${packageName}：小米推送会返回 22022（包名不合法）。`,
  tooShort: (length) => `该 Token 长 ${length} 个字符；小米推送的 regId 通常约 108 个字符，因此它可能被截断了。`,

  step: '小米推送发送',
  sweepCause: '小米推送没有试运行，也没有访问令牌接口：证书字段和 regId 格式都符合要求；没有发送任何推送。',
  sweepFix: '只有真正发送一条测试推送，才能由小米推送校验 AppSecret、包名和通道。',
  quota: (acked, total) => `今日已用消息 ${acked} 条，共 ${total} 条。`,
  trace: (traceId) => `小米推送 trace_id：${traceId}。`,
  extra: (parts) => parts.join(''),
  delivered: (packageName, channelId, quota) => `小米推送已接受发往 ${packageName}${channelId ? `（通道 ${channelId}）` : ' '}的测试通知。${quota ?? ''}`,

  live: {
    answered: (url, status) => `小米推送（${url}）已应答（HTTP ${status}）。${LIVE_LIMITS}`,
    timedOut: (ms) => `在 ${ms} 毫秒内没有应答`,
    unreachable: (code) => `无法连接（${code}）`,
    summary: (what) => `小米推送${what}。${LIVE_LIMITS}`,
    problem: (url, what, id) => `小米推送（${url}）${what}，因此证书 ${id} 无法从这台服务器发送推送。`,
    fix: '请检查到 providers.xiaomi.url（默认 https://api.xmpush.xiaomi.com）的网络链路，以及中间的代理或防火墙。',
  },
};
