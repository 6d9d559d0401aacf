// 华为 Push Kit 的措辞：名称、原因表（每个错误码的原因和处理方法），以及发送、凭证检查和 Token 检查用到的句子。
// 控制台路径按 AppGallery Connect（AGC）中文界面书写。
import type { huawei as en } from '../../en/push/huawei.js';

const AGC = 'AppGallery Connect';
/** App ID、Client ID、Client Secret 所在的页面（应用信息）。 */
const APP_INFO = `${AGC} 的“项目设置 > 常规”页面`;
const RECAPTURE = '请让用户（在登录状态下）打开 App，使其通过 HmsInstanceId.getToken() 获取新的 Token 并用此证书 ID 上报；删除当前这个 Token。';
const TRY_LATER = '请几分钟后重试。';

const reasons: typeof en.reasons = {
  '80100000': {
    cause:
      'Push Kit 受理了请求，但把这个 Token 列入了 illegal_tokens：它不是该应用的有效 Token（App 已卸载、Token 来自其他应用或项目、被截断，或者是 HarmonyOS NEXT 的 Token，而 Android v1 API 不接受这种 Token）。',
    fix: RECAPTURE,
  },
  '80100001': {
    cause: 'Push Kit 拒绝了消息中的某个参数（类型或取值错误；常见的是未知的 `category`）。',
    fix: `请对照 ${AGC}“推送服务”中已获批的自分类权益，检查 imops.yml 中此证书的 \`category\`；如果没有问题，请把返回的消息文本报告给 imops 维护者。`,
  },
  '80100002': {
    cause: 'Push Kit 规定这类请求（系统消息或 VoIP 消息）只能带一个 Token。',
    fix: '请报告给 imops 维护者：测试推送只发送一个 Token。',
  },
  '80100003': {
    cause: 'Push Kit 认为消息结构有误（例如 `token` 没有和 `android` 并列放在 `message` 里）。',
    fix: '请把返回的消息文本报告给 imops 维护者；也可能是 Push Kit 前面的代理（providers.huawei.url）改动了请求体。',
  },
  '80100004': {
    cause: 'Push Kit 拒绝了消息的 TTL：它早于当前时间。',
    fix: '请检查服务器时钟（NTP），并报告给 imops 维护者。',
  },
  '80100013': { cause: 'Push Kit 拒绝了 collapse_key。', fix: '请报告给 imops 维护者：测试推送并没有携带 collapse_key。' },
  '80100016': {
    cause: 'Push Kit 的内容过滤认为通知文本含有敏感信息，拒绝了它。',
    fix: `测试文本很普通；如果反复出现，请咨询华为开发者支持（${AGC} > 支持），了解该应用为何被过滤。`,
  },
  '80200001': {
    cause: 'Push Kit 拒绝了 OAuth 访问令牌：令牌缺失，或者它是为 URL 中 App ID 以外的另一个应用签发的（此证书的 clientId 和 appId 属于不同的应用）。',
    fix: `请打开 ${APP_INFO}，把同一个应用的 App ID 以及 OAuth 2.0 Client ID 和 Client Secret 分别填入此证书的 appId、clientId 和 clientSecret。`,
  },
  '80200003': {
    cause: 'Push Kit 表示 OAuth 访问令牌已过期，而 imops 立即重新获取的新令牌也被判为过期（服务器时钟偏差很大，或者有代理返回了旧令牌）。',
    fix: '请检查服务器时钟（NTP）以及 imops 与 oauth-login.cloud.huawei.com（providers.huawei.authUrl）之间的代理，然后重新检查。',
  },
  '80300002': {
    cause: 'Push Kit 不允许该应用发送：该应用没有开通推送服务，或者 URL 中的 App ID 不是 Token 和凭证所属的应用。',
    fix: `请在 ${AGC} 的“我的项目 > 增长 > 推送服务”中为该应用开通服务，并确认此证书的 appId 就是该应用的 App ID。`,
  },
  '80300007': {
    cause:
      'Push Kit 表示 Token 无效：含有空白字符或被截断、属于其他应用或项目，或者来自 HarmonyOS NEXT（5 及以上）设备，这类设备的 Token 只能用于 HarmonyOS v3 API。',
    fix: `${RECAPTURE}如果手机运行的是 HarmonyOS NEXT，App 需要接入 HarmonyOS 推送（v3 API），而不是使用这个 Android 证书。`,
  },
  '80300008': { cause: '消息体超过了 Push Kit 允许的大小（4 KB）。', fix: '请报告给 imops 维护者：测试消息很小。' },
  '80300010': {
    cause: 'Push Kit 认为请求中的 Token 数量无效（0 个或超过 1000 个），或者 `message` 字段拼写有误。',
    fix: '请确认上报的 Token 不为空；否则请报告给 imops 维护者。',
  },
  '81000001': { cause: 'Push Kit 内部错误。', fix: TRY_LATER },
  'HTTP 401': { cause: 'Push Kit 拒绝了 Authorization 请求头。', fix: `请对照 ${APP_INFO}检查此证书的 clientId 和 clientSecret。` },
  'HTTP 404': {
    cause: 'Push Kit 返回 404：URL 有误（代理路径不对，或 appId 中含有不该出现的字符）。',
    fix: '请检查 providers.huawei.url（默认 https://push-api.cloud.huawei.com）和此证书的 appId。',
  },
  'HTTP 500': { cause: 'Push Kit 服务器出错。', fix: TRY_LATER },
  'HTTP 502': { cause: 'Push Kit（或其前面的网关）出现网络错误。', fix: TRY_LATER },
  'HTTP 503': {
    cause: 'Push Kit 的流控拒绝了请求：超出了该应用的 QPS 上限或华为的全局上限。',
    fix: `请等一分钟再测试；如果该应用发送量很大，它的 QPS 上限取决于月活跃用户数和消息分类（${AGC} > 推送服务）。`,
  },
  '1101': {
    cause: '华为 OAuth 服务器拒绝了客户端凭证（错误 1101，请求无效：通常是 Client ID 或 Client Secret 有误；sub_error 和返回文本会说明是哪一个）。',
    fix: `请从 ${APP_INFO}复制 OAuth 2.0 Client ID 和 Client Secret（即该应用的 App ID / Client Secret），填入此证书的 clientId 和 clientSecret。`,
  },
  invalid_client: {
    cause: '华为 OAuth 服务器不认识这个 Client ID，或者 Client Secret 不匹配。',
    fix: `请从 ${APP_INFO}复制 OAuth 2.0 Client ID 和 Client Secret，填入此证书的 clientId 和 clientSecret。`,
  },
  invalid_request: {
    cause: '华为 OAuth 服务器认为访问令牌请求不完整（Client ID 或 Client Secret 为空）。',
    fix: '请确认此证书的 clientId 和 clientSecret 已设置（引用了未设置的 ${ENV} 环境变量时，它们会是空的）。',
  },
  unsupported_grant_type: {
    cause: '华为 OAuth 服务器在这个地址上不接受客户端凭证模式（providers.huawei.authUrl 指向了别处，例如旧的 login.cloud.huawei.com）。',
    fix: '请把 providers.huawei.authUrl 设为 https://oauth-login.cloud.huawei.com（或删除该项）。',
  },
};

export const huawei: typeof en = {
  names: {
    display: '华为 Push Kit',
    article: '',
    device: 'Android（华为 Push Kit）',
    credentialKind: 'OAuth 客户端',
    token: '华为 Push Kit 设备 Token',
    tokenSource: 'HmsInstanceId.getToken() 返回的 Token',
  },
  vendor: '华为',
  reasons,
  unknownFix:
    '请在华为 Push Kit 的服务端错误码（developer.huawei.com > HMS Core > Push Kit > 错误码）中查找该错误码，并参考返回的消息文本；如果反复出现，请带上 requestId 咨询华为开发者支持。',
  unknownOAuthFix: `请对照 ${APP_INFO}检查此证书的 clientId 和 clientSecret；上面引用的文字是华为返回的原话。`,

  describe: (appId, category) => `华为 Push Kit，App ID ${appId}${category ? `，category ${category}` : ''}`,
  summary: (appId, clientId, category) => `App ID ${appId}，OAuth 客户端 ${clientId}，category ${category ?? '未设置（计入营销消息配额）'}`,
  categoryMissing: (id) => `证书 ${id} 没有设置 category，华为会把每条通知都算作营销消息：每台设备每天 2 条（新闻类应用 5 条），超出后静默丢弃。`,
  categoryUnknown: (id, category, known) =>
    `证书 ${id} 的 category 为 ${category}，不在 Push Kit 文档列出的分类中（${known.join('、')}）；华为可能拒绝它，或把消息算作营销消息。`,
  categoryFix: `请在 ${AGC} 的“增长 > 推送服务 > 自分类权益”中申请自分类权益，然后把 imops.yml 中此证书的 \`category\` 设为获批的分类（聊天消息用 IM）。`,
  appIdNotDigits: (appId) => `appId ${appId} 不全是数字；${AGC} 的 App ID 是纯数字（例如 104000001）。`,
  appIdFix: `请从 ${APP_INFO}复制 App ID（不是包名，也不是项目 ID）。`,
  clientIdNotDigits: (clientId) => `clientId ${clientId} 不全是数字；华为的 OAuth 客户端 ID（Client ID）是纯数字。`,
  clientIdFix: `请从 ${APP_INFO}复制 OAuth 2.0 Client ID（应用级凭证的 Client ID 就是 App ID）。`,
  secretFix: `请把 clientSecret 设为 ${APP_INFO}上的 Client Secret。`,
  tokenLength: (length) => `该 Token 长 ${length} 个字符；华为 Push Kit 的 Token 通常约 130 个字符，它可能被截断了。`,

  steps: { validate: '华为 Push Kit 试运行（validate_only）', send: '华为 Push Kit 发送' },
  validated: (appId) => `华为 Push Kit 已校验应用 ${appId} 的测试通知（validate_only：手机上不会显示任何内容）。`,
  accepted: (appId) => `华为 Push Kit 已接受应用 ${appId} 的测试通知（先用 validate_only 试运行，再真实发送，并标记为测试消息）。`,
  inIllegalTokens: '该 Token 在 illegal_tokens 中。',
  requestId: (id) => `华为 requestId：${id}。`,
  legacyHost: {
    problem: 'providers.huawei 指向了旧版域名（login.cloud.huawei.com 或 api.push.hicloud.com），v1 API 不使用这些域名。',
    fix: '请删除 providers.huawei.authUrl 和 url（或分别设为 https://oauth-login.cloud.huawei.com 和 https://push-api.cloud.huawei.com）。',
  },
};
