// FCM 的措辞：名称、原因表（每个错误码的原因与处理方法），以及发送、凭证检查和 Token 检查所用的句子。
import type { fcm as en } from '../../en/push/fcm.js';

const DELETE_FCM_TOKEN = '请删除该 Token；用户需要在登录状态下打开 App，让它获取新的 FCM Token 并上报。';
const UPLOAD_APNS_KEY =
  '请在 Firebase 控制台 > 项目设置 > “Cloud Messaging” > Apple 应用中，上传一个有效且同时启用了 Sandbox 和 Production 的 APNs 身份验证密钥（.p8）。';
const NEW_KEY_FIX = '请在 Firebase 控制台 > 项目设置 > 服务账号中点击“生成新的私钥”，下载新密钥，并将 serviceAccountFile 指向它。';

/** 测试推送的哪一步：试运行（validate_only）或正式发送。 */
const STEP = { validate: '试运行', send: '正式发送' };

export const fcm: typeof en = {
  names: {
    display: 'FCM',
    article: '',
    device: 'Android（FCM）',
    credentialKind: 'Firebase 服务账号',
    token: 'FCM 注册 Token',
    tokenSource: '通过 FirebaseMessaging.getToken() 获取的 Token',
  },

  reasons: {
    UNSPECIFIED_ERROR: { cause: 'FCM 返回失败，但没有说明原因。', fix: '请重试；如果再次出现，请查看 status.firebase.google.com。' },
    INVALID_ARGUMENT: {
      cause: 'FCM 认为该消息无效，拒绝了它。',
      fix: '消息文本中会指出有问题的字段；如果是 Token，请删除它，并让 App 上报新 Token。',
    },
    UNREGISTERED: {
      cause: '该 FCM Token 已失效：App 已被卸载、数据已被清除、Token 已轮换，或设备超过 270 天未活跃。',
      fix: DELETE_FCM_TOKEN,
    },
    SENDER_ID_MISMATCH: {
      cause: '该 Token 由另一个 Firebase 项目签发，而不是该服务账号所属的项目（例如使用开发环境 google-services.json 的 Debug 包）。',
      fix: '请用服务账号属于 App 所在 Firebase 项目的那个证书 ID 上报 Token，或在这里配置该项目的服务账号。',
    },
    QUOTA_EXCEEDED: {
      cause: '超出了 FCM 的发送配额（项目的配额，或这台设备的配额）。',
      fix: '请等待几分钟后再测试。',
    },
    UNAVAILABLE: {
      cause: 'FCM 过载或暂时不可用。',
      fix: '请几分钟后重试；可查看 status.firebase.google.com。',
    },
    INTERNAL: { cause: 'FCM 发生内部错误。', fix: '请几分钟后重试。' },
    THIRD_PARTY_AUTH_ERROR: {
      cause: 'FCM 无法投递到 iPhone：上传到 Firebase 的 APNs 密钥或证书缺失、已过期、属于错误的团队或 Bundle ID，或仅限一个 APNs 环境使用。',
      fix: UPLOAD_APNS_KEY,
    },
    APNS_AUTH_ERROR: {
      cause: 'FCM 无法为该 iOS App 通过 APNs 鉴权：上传到 Firebase 的 APNs 凭证无效。',
      fix: '请在 Firebase 控制台 > 项目设置 > “Cloud Messaging” > Apple 应用中，上传一个有效的 APNs 身份验证密钥（.p8）。',
    },
    UNAUTHENTICATED: {
      cause: 'FCM 不接受 imops 自己的访问令牌：该服务账号的 OAuth 访问令牌被拒绝（firebase-admin 会把它报告为第三方鉴权错误，容易误导）。',
      fix: '请检查该证书 ID 的服务账号文件：在 Firebase 控制台 > 项目设置 > 服务账号中下载新密钥。',
    },
    PERMISSION_DENIED: {
      cause: '该服务账号无权为此项目通过 FCM 发送：缺少 cloudmessaging.messages.create 权限、FCM API 未启用，或项目 ID 有误。',
      fix: '请使用 App 所在 Firebase 项目中具有 "Firebase Cloud Messaging API Admin" 角色的服务账号，启用“Firebase Cloud Messaging API”，并核对 imops.yml 中的 projectId。',
    },
    'messaging/registration-token-not-registered': {
      cause: '该 FCM Token 已失效：App 已被卸载、数据已被清除、Token 已轮换，或设备长时间未活跃。',
      fix: DELETE_FCM_TOKEN,
    },
    'messaging/installation-id-not-registered': { cause: '该 Firebase 安装实例（installation）已不再注册。', fix: DELETE_FCM_TOKEN },
    'messaging/invalid-registration-token': {
      cause: '这不是有效的 FCM 注册 Token：它已损坏、被截断，或属于其他推送服务（APNs 或厂商通道的 Token）。',
      fix: '请检查 App 上报的内容：必须是通过 FirebaseMessaging.getToken() 获取的 Token。请删除这个 Token。',
    },
    'messaging/invalid-argument': {
      cause: 'FCM 认为该消息无效，拒绝了它。',
      fix: '消息文本中会指出有问题的字段；如果不是 Token 的问题，请报告给 imops 维护者。',
    },
    'messaging/mismatched-credential': {
      cause: '该 Token 属于另一个 Firebase 项目，而不是该服务账号所属的项目；或者该服务账号无权为此项目发送。',
      fix: '请确认 App 构建时使用的 google-services.json 与该证书 ID 的服务账号来自同一个 Firebase 项目。',
    },
    'messaging/message-rate-exceeded': { cause: '超出了 FCM 的发送频率限制。', fix: '请等待几分钟后再测试。' },
    'messaging/device-message-rate-exceeded': {
      cause: '短时间内向这台设备发送的消息过多。',
      fix: '请等待几分钟后再测试这台设备。',
    },
    'messaging/topics-message-rate-exceeded': { cause: '向某个主题（topic）发送的消息过多。', fix: '请等待几分钟。' },
    'messaging/third-party-auth-error': {
      cause: 'FCM 无法投递到 iPhone：上传到 Firebase 的 APNs 密钥或证书缺失、已过期，或仅限一个 APNs 环境使用。',
      fix: UPLOAD_APNS_KEY,
    },
    'messaging/authentication-error': {
      cause: 'FCM 拒绝了该请求的鉴权（返回了非 JSON 的 401/403，通常来自代理或已被吊销的服务账号）。',
      fix: '请检查该证书 ID 的服务账号文件，以及 FCM 前面的代理（providers.fcm.url）。',
    },
    'messaging/server-unavailable': {
      cause: '经过 firebase-admin 的重试后，FCM 仍然不可用。',
      fix: '请几分钟后重试；可查看 status.firebase.google.com。',
    },
    'messaging/internal-error': { cause: 'FCM 发生内部错误。', fix: '请几分钟后重试。' },
    'messaging/unknown-error': {
      cause: 'FCM 返回了 firebase-admin 不认识的错误。',
      fix: '请重试；如果再次出现，请把原始原因报告给 imops 维护者。',
    },
    'messaging/payload-size-limit-exceeded': {
      cause: '消息超过了 FCM 允许的大小（4096 字节）。',
      fix: '请报告给 imops 维护者：测试消息本应很小。',
    },
    'messaging/invalid-data-payload-key': {
      cause: 'data 负载中使用了保留键（from、gcm、google.*）。',
      fix: '请报告给 imops 维护者。',
    },
    'messaging/invalid-options': { cause: '某个消息选项（例如 TTL）无效。', fix: '请报告给 imops 维护者。' },
    'messaging/invalid-package-name': {
      cause: '该 Token 对应的 Android 包名不在该消息允许的范围内。',
      fix: '请确认 App 的包名与 Firebase 中注册的应用一致。',
    },
    'messaging/invalid-recipient': {
      cause: '消息没有有效的接收方（firebase-admin 在发送前就拒绝了它）。',
      fix: '请确认上报的 Token 不为空。',
    },
    'messaging/invalid-payload': {
      cause: 'firebase-admin 在发送前拒绝了消息内容。',
      fix: '请报告给 imops 维护者。',
    },
    'messaging/too-many-topics': { cause: '该设备订阅的主题（topic）过多。', fix: '请为该设备取消订阅不再使用的主题。' },
    'messaging/topics-subscription-rate-exceeded': { cause: '主题订阅变更过于频繁。', fix: '请等待几分钟。' },
    'app/invalid-credential': {
      cause: 'imops 无法为该服务账号获取 OAuth 访问令牌。',
      fix: '请检查该证书 ID 的服务账号文件；可在 Firebase 控制台 > 项目设置 > 服务账号中下载新密钥。',
    },
    invalid_grant: {
      cause: 'Google 拒绝了该服务账号签名的断言（invalid_grant）：服务器时钟不准，或密钥已被吊销或删除。',
      fix: '请同步服务器时钟（NTP）；如果时钟无误，请在 Firebase 控制台 > 项目设置 > 服务账号中创建新密钥，并替换该文件。',
    },
    'app/network-error': {
      cause: 'imops 无法连接 FCM。',
      fix: '请确认服务器能访问 fcm.googleapis.com 和 oauth2.googleapis.com（或 providers.fcm.url），并检查中间的代理或防火墙。',
    },
    'app/network-timeout': {
      cause: 'FCM 没有及时应答。',
      fix: '请重试；如果再次出现，请检查到 fcm.googleapis.com（或 providers.fcm.url）的网络链路。',
    },
  },

  unknownCode: {
    cause: (code) => `FCM 返回失败：${code ?? '未知错误'}，imops 不认识这一错误。`,
    fix: '请重试；如果再次出现，请把该原因报告给 imops 维护者。',
  },

  test: {
    dryRunAccepted: (projectId) => `FCM 接受了项目 ${projectId} 的试运行（validate_only）：凭证和 Token 均有效；没有发送任何消息。`,
    accepted: (projectId) => `FCM 接受了项目 ${projectId} 的测试通知（先试运行，再正式发送）。`,
    nothingToFix: '推送侧无需处理。',
    acceptedFix:
      '推送侧无需处理。如果手机上没有显示：请检查是否允许该 App 发送通知（Android 13 及以上会询问），电池优化是否会杀掉 App，以及用户是否处于登录状态（登出后 IM 不会发送离线推送）。',
    timedOut: (ms, step) => `FCM 在 ${ms} 毫秒内没有应答（${STEP[step]}）。`,
    timedOutFix: '请检查到 fcm.googleapis.com（或 providers.fcm.url）的网络链路，然后重试。',
    failed: (step, code, message, cause, tokenProblems) =>
      `FCM ${STEP[step]}失败${code ? `，错误码 ${code}` : ''}${message ? `（“${message}”）` : ''}：${cause}${tokenProblems?.length ? `Token 本身看起来也有问题：${tokenProblems.join('')}` : ''}`,
  },

  credential: {
    summary: (email, projectId) => `服务账号${email ? ` ${email}` : '（无 client_email）'}，项目${projectId ? ` ${projectId}` : '（无）'}`,
    unread: '服务账号',
    file: '服务账号文件',
    fileFix: '请检查 imops.yml 中的 serviceAccountFile。',
    newKeyFix: NEW_KEY_FIX,
    notObject: '服务账号文件是 JSON，但不是对象。',
    notJson: '服务账号文件不是有效的 JSON。',
    notServiceAccount: (type) => `该文件是 "${type}" 类型的凭证，不是服务账号。`,
    missing: (fields) => `服务账号文件缺少 ${fields.join('、')}。`,
    escapedKey: 'private_key 中是字面的 "\\n"，而不是换行符，因此无法读取。',
    escapedKeyFix: '请原样使用从 Firebase 下载的 JSON 文件；不要通过会转义密钥的环境变量或编辑器复制密钥。',
    notRsa: (type) => `private_key 是 ${type} 密钥，但 Google 服务账号的密钥应为 RSA。`,
    keyUnreadable: '无法读取服务账号文件中的 private_key。',
    otherProject: (projectId, accountProject) =>
      `projectId 配置为 ${projectId}，但该服务账号属于 ${accountProject}；除非该账号已获授权访问 ${projectId}，否则 FCM 会拒绝。`,
    otherProjectFix: (projectId, accountProject) => `请删除 projectId（以使用 ${accountProject}），或改用 ${projectId} 的服务账号。`,
  },

  token: {
    badCharacters: '该 Token 看起来像 FCM 注册 Token，但含有 FCM Token 中不会出现的字符（只能是字母、数字、"_"、"-" 和 ":"），说明它在传输途中被改动过。',
    short: (length) => `该 Token 看起来像 FCM 注册 Token，但只有 ${length} 个字符（通常超过 140 个），因此很可能被截断了。`,
  },
};
