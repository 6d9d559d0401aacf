// 荣耀推送的措辞：名称、原因表（每个错误码的原因和处理方法），以及发送和凭证检查用到的句子。
// 控制台路径按荣耀开发者服务平台的中文界面书写。
import type { honor as en } from '../../en/push/honor.js';

const CONSOLE = '荣耀开发者服务平台（developer.honor.com）的“管理中心 > 您的应用 > 推送服务”页面';
const TRY_LATER = '请几分钟后重试。';

const reasons: typeof en.reasons = {
  expireTokens: {
    cause: '荣耀把这个 Token 列入了 expireTokens：它已过期（App 被卸载、数据被清除，或者重新注册过）。',
    fix: '请删除这个 Token；用户需要（在登录状态下）打开 App，使其通过 HonorPushClient.getPushToken() 获取新的 Token 并上报。',
  },
  failTokens: {
    cause:
      '荣耀把这个 Token 列入了 failTokens：拒绝向它发送（属于其他应用的 Token、损坏的 Token，或者较旧荣耀手机上的 HMS Token，这种 Token 需要使用华为证书）。',
    fix: '请确认手机是通过哪个推送 SDK 注册的：荣耀推送适用于 Magic UI 4.0 及以上（中国）/ 4.2 及以上（海外）；较旧的荣耀手机拿到的是 HMS Token，应使用华为证书 ID 上报。否则请让 App 重新上报一个新的 Token。',
  },
  sendResult: {
    cause: '荣耀返回了 code 200，但 sendResult 为 false，且没有指明是哪个 Token。',
    fix: '请重试；如果反复出现，请带上 requestId 咨询荣耀开发者支持。',
  },
  'HTTP 401': {
    cause: '荣耀拒绝了访问令牌，imops 立即重新获取的新令牌也被拒绝：Client ID / Client Secret 属于 URL 中 App ID 以外的另一个应用。',
    fix: `请打开${CONSOLE}，把同一个应用的 App ID、Client ID 和 Client Secret 分别填入 appId、clientId 和 clientSecret（不要用 App Secret）。`,
  },
  'HTTP 403': {
    cause: '荣耀不允许该应用发送（该应用未开通推送服务，或推送服务未通过审核）。',
    fix: `请在${CONSOLE}为该应用开通推送服务，并检查此证书的 appId。`,
  },
  'HTTP 404': {
    cause: '荣耀返回 404：URL 或其中的 App ID 有误。',
    fix: '请检查 providers.honor.url（默认 https://push-api.cloud.honor.com）和此证书的 appId。',
  },
  'HTTP 429': { cause: '荣耀对请求做了限频。', fix: '请等一分钟再测试；荣耀不接受提高 QPS 上限的申请。' },
  'HTTP 500': { cause: '荣耀服务器出错。', fix: TRY_LATER },
  'HTTP 502': { cause: '荣耀（或其前面的网关）出现网络错误。', fix: TRY_LATER },
  'HTTP 503': { cause: '荣耀服务不可用或过载。', fix: TRY_LATER },
  invalid_client: {
    cause: '荣耀 OAuth 服务器拒绝了 Client ID / Client Secret（常见的混淆：App Secret 并不是 Client Secret）。',
    fix: `请打开${CONSOLE}，复制 Client ID 和 Client Secret（不是 App ID / App Secret），填入此证书的 clientId 和 clientSecret。`,
  },
  unauthorized_client: {
    cause: '荣耀 OAuth 服务器不允许该客户端使用客户端凭证模式。',
    fix: `请使用${CONSOLE}上为该应用推送服务显示的 Client ID 和 Client Secret。`,
  },
  invalid_request: {
    cause: '荣耀 OAuth 服务器认为访问令牌请求不完整（Client ID 或 Client Secret 为空）。',
    fix: '请确认此证书的 clientId 和 clientSecret 已设置（引用了未设置的 ${ENV} 环境变量时，它们会是空的）。',
  },
  unsupported_grant_type: {
    cause: '荣耀 OAuth 服务器在这个地址上不接受客户端凭证模式。',
    fix: '请把 providers.honor.authUrl 设为 https://iam.developer.honor.com（或删除该项）。',
  },
};

export const honor: typeof en = {
  names: {
    display: '荣耀推送',
    article: '',
    device: 'Android（荣耀推送）',
    credentialKind: 'OAuth 客户端',
    token: '荣耀推送设备 Token',
    tokenSource: 'HonorPushClient.getPushToken() 返回的 Token',
  },
  vendor: '荣耀',
  reasons,
  unknownFix: '荣耀没有广泛公开其错误码：请阅读上面荣耀返回的消息；如果反复出现，请带上 requestId 咨询荣耀开发者支持（developer.honor.com）。',
  unknownOAuthFix: `请对照${CONSOLE}检查 clientId 和 clientSecret；上面引用的文字是荣耀返回的原话。`,

  describe: (appId, importance) => `荣耀推送，App ID ${appId}${importance ? `，importance ${importance}` : ''}`,
  summary: (appId, clientId, importance) => `App ID ${appId}，客户端 ${clientId}，importance ${importance ?? '未设置（计入营销消息配额）'}`,
  importanceLow: (id) => `证书 ${id} 的 importance 为 LOW，荣耀会把通知算作营销消息：每台设备每天 2 条（新闻类应用 5 条）。`,
  importanceMissing: (id) => `证书 ${id} 没有设置 importance，荣耀会把每条通知都算作营销消息：每台设备每天 2 条（新闻类应用 5 条），超出后会被丢弃。`,
  importanceFix: '请在荣耀开发者服务平台的“推送服务”中申请消息自分类权益，然后在 imops.yml 中为此证书设置 `importance: NORMAL`。',
  secretFix: '请把 clientSecret 设为荣耀开发者服务平台“您的应用 > 推送服务”中的 Client Secret（不是 App Secret）。',
  clientIsAppId: (appId) => `clientId 与 appId 相同（${appId}）；荣耀的 OAuth 请求要用 Client ID，它和 App ID 不是同一个值。`,
  clientIsAppIdFix: '请从荣耀开发者服务平台“您的应用 > 推送服务”中复制 Client ID 和 Client Secret（不是 App ID / App Secret）。',

  step: '荣耀推送发送',
  noDryRun: (clientId) => `荣耀推送没有试运行接口：已为客户端 ${clientId} 签发访问令牌，Token 格式也符合；没有发送任何推送。`,
  noDryRunFix: '凭证无需处理；只有真实的测试推送才能确认荣耀是否接受这个 Token。',
  accepted: (appId) => `荣耀推送已接受应用 ${appId} 的测试通知（标记为测试消息）。`,
  requestId: (id) => `荣耀 requestId：${id}。`,
};
