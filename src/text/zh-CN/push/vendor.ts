// 各 Android 厂商通道共用的措辞（src/push/providers/vendor/）：传输失败、OAuth 访问令牌、推送结果。
import type { OAuthUnanswered, TransportReason, TransportWords, vendor as en } from '../../en/push/vendor.js';

const HAN = /[\u3400-\u9fff]/;

/**
 * 把中文和拉丁字母、数字拼在一起：两者相接处加一个空格（“OPPO 推送”“证书 ID 10086”），中文与中文之间不加。
 * 传入的片段可能是厂商名、步骤名等数据，也可能是尚未翻译的英文。
 */
export function zhJoin(...parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    const a = out.at(-1) ?? '';
    const b = p[0] ?? '';
    const latinThenHan = /[A-Za-z0-9)\]]/.test(a) && HAN.test(b);
    const hanThenLatin = HAN.test(a) && /[A-Za-z0-9(`[]/.test(b);
    out += latinThenHan || hanThenLatin ? ` ${p}` : p;
  }
  return out;
}

/** 厂商原话放在中文引号里，跟在错误码后面；没有原话时为空。 */
const said = (message: string | undefined) => (message ? `（“${message}”）` : '');

/** “在 300 毫秒内没有应答”“无法连接（ECONNREFUSED）”“返回了 HTTP 503”。 */
function unanswered(w: OAuthUnanswered): string {
  if (w.kind === 'timeout') return `在 ${w.ms} 毫秒内没有应答`;
  if (w.kind === 'network') return `无法连接（${w.code}）`;
  return `返回了 HTTP ${w.status}`;
}

/** 没有厂商错误码的应答（超时、网络、HTTP 429 / 5xx、非 JSON）：每一行的原因和处理方法。 */
const transport: Record<TransportReason, TransportWords> = {
  TIMEOUT: {
    cause: (name) => zhJoin(name, '没有及时应答。'),
    fix: (_name, host, setting) => `请重试；如果反复出现，请检查本服务器到 ${host}（或 ${setting}）的网络链路，并调大它的 timeoutMs。`,
  },
  NETWORK_ERROR: {
    cause: (name) => zhJoin('imops 无法连接', name, '（连接被拒绝、DNS 解析失败或 TLS 失败）。'),
    fix: (_name, host, setting) => `请检查本服务器能否访问 ${host}（或 ${setting}）、中间的代理或防火墙；如果代理会重新签发 TLS 证书，还要检查 caFile。`,
  },
  HTTP_429: {
    cause: (name) => zhJoin(name, '（或其前面的网关）返回 HTTP 429：请求过多。'),
    fix: () => '请等一分钟再测试；不要循环重试（厂商的计数器会统计每一次请求）。',
  },
  HTTP_5XX: {
    cause: (name) => zhJoin(name, '返回服务器错误（HTTP 5xx）。'),
    fix: (name) => zhJoin('请几分钟后重试；如果持续出现，请到', name, '的开发者控制台查看服务公告。'),
  },
  HTTP_ERROR: {
    cause: (name) => zhJoin(name, '返回了 HTTP 错误，但没有', name, '的错误码（通常是代理的页面或路径错误）。'),
    fix: (name, host, setting) => zhJoin(`请检查 ${setting}：它只能填源地址（`, name, `的路径由 imops 添加），例如 https://${host}。`),
  },
  NOT_JSON: {
    cause: (name) => zhJoin(name, '有应答，但不是它的 JSON 结果，因此 imops 无法判断推送是否被接受。'),
    fix: (name, _host, setting) => zhJoin(`请确认 ${setting} 指向`, name, '（或原样转发其应答的代理），然后重试。'),
  },
};

export const vendor: typeof en = {
  /** 中文句子之间不加空格；前一句不以中文标点结尾时（厂商原话、尚未翻译的英文）加一个空格。 */
  sentences: (parts) => parts.filter(Boolean).reduce((out, p) => (out === '' ? p : /[。！？；：）”]$/.test(out) ? `${out}${p}` : `${out} ${p}`), ''),

  steps: { auth: '鉴权请求', send: '发送' },

  failedWith: (step, reason, message, cause) => `${zhJoin(step, '失败')}，返回 ${reason}${said(message)}：${cause}`,
  failedWithCode: (name, step, code, message, cause) => `${zhJoin(name, step, '失败')}，错误码 ${code}${said(message)}：${cause}`,
  tokenLooksWrong: (problems) => `Token 本身看起来也有问题：${problems}`,
  warning: (notes) => `注意：${notes}`,

  nothingShows:
    '推送侧无需处理。如果手机上没有显示：厂商已接受这条消息，但投递是异步的；请确认手机上已允许该 App 的通知、手机与厂商推送服务保持在线，并且用户处于登录状态（登出后 IM 不会发送离线推送）。',

  unknownAnswer: (vendor, reason) => zhJoin(vendor, `返回了 imops 不认识的返回码 ${reason}。`),
  unknownCode: {
    cause: (name, code, message) => zhJoin(name, `以错误码 ${code}${said(message)}拒绝了推送，imops 不认识这个错误码。`),
    fix: (name, code, docs) =>
      zhJoin(`请在 ${docs} 中查找错误码 ${code}；如果仍不清楚，请带上错误码和测试时间咨询`, name, '开发者支持，并报告给 imops 维护者，以便在这里补充说明。'),
  },

  transport,

  unanswered: {
    timedOut: (who, ms) => zhJoin(who, `在 ${ms} 毫秒内没有应答。`),
    unreachable: (who, code) => zhJoin('imops 无法连接', who, `（${code}）。`),
    fix: (url, setting) => `请检查服务器能否访问 ${url}（${setting}）以及中间的代理或防火墙，然后重试。`,
  },

  liveToken: {
    issued: (name, what) => zhJoin(name, '已签发', what),
    refused: (name) => zhJoin(name, '拒绝了鉴权请求'),
    answered: (name, reason, message, cause) => `${zhJoin(name, '鉴权请求返回')} ${reason}${said(message)}：${cause}`,
  },

  oauth: {
    step: (vendor) => zhJoin(vendor, 'OAuth 访问令牌请求'),
    server: (vendor) => zhJoin(vendor, 'OAuth 服务器'),
    timedOut: (ms) => `OAuth 服务器在 ${ms} 毫秒内没有应答。没有发送任何推送。`,
    unreachable: (code) => `imops 无法连接 OAuth 服务器（${code}）。没有发送任何推送。`,
    reachFix: (authUrl, setting) => `请检查服务器能否访问 ${authUrl}（${setting}）以及中间的代理或防火墙。`,
    throttled: 'OAuth 服务器暂时拒绝受理更多的访问令牌请求。没有发送任何推送。',
    unavailable: 'OAuth 服务器不可用。没有发送任何推送。',
    tryLater: '请几分钟后重试。',
    nothingSent: '没有发送任何推送。',
    issued: (vendor, clientId, minutes) => zhJoin(vendor, `已为客户端 ${clientId} 签发访问令牌（大约还有 ${minutes} 分钟有效）。`),
    refused: (vendor, clientId) => zhJoin(vendor, `拒绝为客户端 ${clientId} 签发访问令牌。`),
    answered: (vendor, error, message, cause) => `${zhJoin(vendor, 'OAuth 服务器返回')} ${error}${said(message)}：${cause}`,
    notChecked: (vendor, w) => zhJoin(vendor, 'OAuth 服务器', `${unanswered(w)}：未能校验凭证。`),
    notCheckedProblem: (authUrl, w) => `OAuth 服务器 ${authUrl} ${unanswered(w)}，因此无法校验 Client ID 和 Client Secret。`,
    notCheckedFix: (setting) => `请检查到 ${setting} 的网络链路，然后重新运行 \`imops push certs --live\`。`,
  },

  secret: {
    placeholder: (field) => `${field} 是未展开的 \${…} 占位符：它引用的环境变量没有设置。`,
    padded: (field) => `${field} 前后带有空格或换行，厂商会拒绝它。`,
    spaces: (field) => `${field} 中间含有空格，说明粘贴有误。`,
  },
};
