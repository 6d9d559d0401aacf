// APNs 的措辞：名称、原因表（每个 reason 的原因与处理方法），以及发送、凭证检查和 Token 检查所用的句子。
import type { apns as en } from '../../en/push/apns.js';

type Env = 'production' | 'sandbox';

/** APNs 的两个环境，按 IM 控制台的叫法。 */
const ENV: Record<Env, string> = { sandbox: '开发环境', production: '生产环境' };

/** 哪类安装包会向某个 APNs 环境注册（其 Token 属于该环境）。 */
const BUILD_KIND: Record<Env, string> = {
  sandbox: '开发包（从 Xcode 直接运行的包或 Debug 包）',
  production: '从 TestFlight、Ad Hoc 或 App Store 安装的包',
};

const other = (env: Env): Env => (env === 'production' ? 'sandbox' : 'production');

/** 客户端上报的环境：认识的按控制台叫法，不认识的原样引用。 */
const reportedEnv = (env: string) => (Object.hasOwn(ENV, env) ? ENV[env as Env] : `“${env}”环境的`);

export const apns: typeof en = {
  names: {
    display: 'APNs',
    article: '',
    device: 'iOS（APNs）',
    credentialKind: '.p8 密钥或推送证书',
    token: 'APNs 设备 Token（十六进制）',
    tokenSource: '通过 didRegisterForRemoteNotificationsWithDeviceToken 获取的 APNs 设备 Token',
  },

  certificate: (env, bundleId) => `APNs ${ENV[env]}，${bundleId}`,

  reasons: {
    BadCollapseId: {
      cause: 'APNs 拒绝了 apns-collapse-id 请求头：其长度超过 64 字节。',
      fix: '这是发送方的缺陷，与设备无关：请对 collapse ID 做哈希或截短，使其不超过 64 字节。',
    },
    BadDeviceToken: {
      cause: 'APNs 在两个环境中都拒绝了该设备 Token：这不是 APNs 认识的 Token（已损坏、被截断、用 base64 而非十六进制编码，或根本不是 APNs Token）。',
      fix: '请让用户重装 App 或重新登录，使 App 上报通过 didRegisterForRemoteNotificationsWithDeviceToken 获取的新 Token（十六进制，通常为 64 个字符）。',
    },
    BadExpirationDate: {
      cause: 'APNs 拒绝了 apns-expiration 请求头：其值不是以秒为单位的 UNIX 时间。',
      fix: '请以整数秒的 UNIX 时间发送过期时间（0 表示只投递一次、不存储）。',
    },
    BadMessageId: {
      cause: 'APNs 拒绝了 apns-id 请求头：其值不是规范格式的 UUID。',
      fix: '请发送小写的 8-4-4-4-12 格式 UUID，或不带该请求头，由 APNs 自动分配。',
    },
    BadPriority: {
      cause: 'APNs 拒绝了 apns-priority 请求头：只允许 10、5 和 1。',
      fix: '提醒类推送使用优先级 10，后台推送（content-available）使用优先级 5。',
    },
    BadTopic: {
      cause: 'APNs 拒绝了 apns-topic：为该证书配置的 Bundle ID 拼写有误，或带有与推送类型不符的后缀。',
      fix: '请将 imops.yml 中该证书的 bundleId 设为 App 的准确 Bundle ID（Xcode > target > “Signing & Capabilities”）；提醒类推送不要带 .voip 等后缀。',
    },
    DeviceTokenNotForTopic: {
      cause: '该 Token 属于另一个 App：它是为另一个 Bundle ID（例如开发版 com.x.dev 与 com.x）或另一个团队签发的。',
      fix: '请确认用户运行的是哪个安装包：用为该 Bundle ID 配置的证书 ID 上报其 Token，或为该安装包使用的 Bundle ID 配置证书。',
    },
    DuplicateHeaders: {
      cause: 'APNs 发现请求中同一个请求头出现了两次，这通常说明中间的代理重复添加了请求头。',
      fix: '请检查 imops 与 APNs 之间的 HTTP 代理（providers.apns.productionUrl / sandboxUrl）；可直接发往 Apple 以确认。',
    },
    IdleTimeout: {
      cause: 'APNs 因连接空闲过久而关闭了连接。',
      fix: '请重新运行检查：imops 会建立新连接。如果反复出现，说明有代理让空闲连接一直保持打开。',
    },
    InvalidPushType: {
      cause: 'APNs 拒绝了 apns-push-type 请求头：其值未知，或与 topic 不符。',
      fix: '向不带后缀的 Bundle ID 推送时请使用 apns-push-type alert；其他推送类型需要各自的 topic 后缀。',
    },
    MissingDeviceToken: {
      cause: '请求中没有设备 Token：App 上报了空 Token。',
      fix: '请修正 App 的上报逻辑：登录后必须上报通过 didRegisterForRemoteNotificationsWithDeviceToken 获取的 Token。',
    },
    MissingTopic: {
      cause: '使用 .p8 密钥（Token）鉴权或多 topic 证书时，APNs 要求携带 apns-topic，但请求中没有。',
      fix: '请在 imops.yml 中为该证书设置 bundleId。',
    },
    PayloadEmpty: {
      cause: 'APNs 收到的通知内容为空。',
      fix: '这是发送方的缺陷：请发送包含 aps 字典的 JSON 内容。',
    },
    TopicDisallowed: {
      cause: 'APNs 不允许向该 topic 推送：该 App ID 未开启推送通知，或该 topic 受限。',
      fix: '请在 Apple Developer 中为该 App ID 开启 Push Notifications 能力，并核对 imops.yml 中的 bundleId。',
    },
    BadCertificate: {
      cause: 'APNs 拒绝了客户端证书：证书已吊销、已损坏、与私钥不配对，或不是 APNs 推送证书（例如 iOS Distribution 证书）。',
      fix: '请新建一个 "Apple Push Notification service SSL (Sandbox & Production)" 证书，或改用 .p8 密钥，并在 IM 控制台中直接编辑更新该证书，使证书 ID 保持不变。',
    },
    BadCertificateEnvironment: {
      cause: '该证书属于另一个 APNs 环境（把 "Development" 证书用于生产环境，或者反过来）。',
      fix: '请使用通用的 "Apple Push Services" 证书，或将 imops.yml 中该证书的 environment 设为证书签发时对应的环境。',
    },
    ExpiredProviderToken: {
      cause: 'APNs 表示已签名的鉴权令牌（provider token，即 JWT）签发时间已超过一小时；通常是发送方服务器的时钟不准。',
      fix: '请同步服务器时钟（NTP）后重新运行检查；imops 会重新签发令牌。',
    },
    Forbidden: {
      cause: '该凭证无权向此 topic 推送：密钥或证书属于另一个团队，或其权限已被撤销。',
      fix: '请在 Apple Developer 中确认密钥/证书与 App ID 属于同一团队，且密钥未被吊销。',
    },
    InvalidProviderToken: {
      cause: 'APNs 无法验证鉴权令牌：Key ID 或 Team ID 有误、.p8 密钥不属于该 Key ID、密钥已被吊销，或 Bundle ID 不在该密钥所属团队或适用范围内。',
      fix: '请将 imops.yml 中的 keyId 和 teamId 与 Apple Developer 中“Keys”和“Membership”页面的信息核对，并使用为该 Key ID 下载的 .p8 文件。',
    },
    MissingProviderToken: {
      cause: 'APNs 既没有收到鉴权令牌，也没有收到客户端证书：凭证没有到达 APNs（终结 TLS 的代理可能会去掉客户端证书）。',
      fix: '请检查 imops.yml 中该证书的 auth 配置，并确认 imops 与 APNs 之间没有代理终结 TLS。',
    },
    UnrelatedKeyIdInToken: {
      cause: '该 Key ID 与此连接上第一次推送所用的不同：同一连接上混用了多个团队的密钥。',
      fix: '请在新连接上重新运行检查；如果仍然出现，请在 imops.yml 中为每个团队的密钥单独配置一个证书条目。',
    },
    BadEnvironmentKeyInToken: {
      cause: '该 .p8 密钥仅限另一个 APNs 环境使用（Apple 允许把密钥限定为 Sandbox 或 Production）。',
      fix: '请在 Apple Developer 的“Keys”页面改用对该证书的环境（或两个环境）都启用的密钥，或将该证书的 environment 设为该密钥允许的环境。',
    },
    BadEnvironmentKeyIdInToken: {
      cause: '该 .p8 密钥仅限另一个 APNs 环境使用（Apple 允许把密钥限定为 Sandbox 或 Production）。',
      fix: '请在 Apple Developer 的“Keys”页面改用对该证书的环境（或两个环境）都启用的密钥，或将该证书的 environment 设为该密钥允许的环境。',
    },
    BadPath: {
      cause: 'APNs 无法识别请求路径：imops 与 APNs 之间有环节改写了 URL。',
      fix: '请检查 providers.apns.productionUrl / sandboxUrl：只能填写主机地址（https://api.push.apple.com），不能带路径。',
    },
    MethodNotAllowed: {
      cause: 'APNs 只接受 POST 请求，却收到了其他方法：有代理修改了请求。',
      fix: '请检查 providers.apns 中配置的代理；可直接发往 Apple 以确认。',
    },
    ExpiredToken: {
      cause: '该设备 Token 已过期：它太旧，APNs 不再接受。',
      fix: '请删除该 Token；用户需要在登录状态下打开 App，让它重新注册并上报新 Token。',
    },
    Unregistered: {
      cause: '该 Token 已失效：App 已在所示时间被卸载，或设备上的通知设置已在所示时间被重置。',
      fix: '请删除该 Token；用户重装或打开 App、App 上报新 Token 后，推送即可恢复。',
    },
    PayloadTooLarge: {
      cause: '通知内容超过 4096 字节。',
      fix: '请在推送中只携带 ID，由 App 拉取内容（“Notification Service Extension”）。',
    },
    TooManyProviderTokenUpdates: {
      cause: '鉴权令牌更新过于频繁（每 20 分钟超过一次），通常是多个进程各自签发令牌所致。',
      fix: '请等待 20 分钟后再测试；同一密钥的签名令牌应在各工作进程之间共用。',
    },
    TooManyRequests: {
      cause: '短时间内向该设备 Token 发送的推送过多。',
      fix: '请等待几分钟后再测试这台设备。',
    },
    InternalServerError: {
      cause: 'APNs 发生内部错误。',
      fix: 'App 和 Token 都没有问题：请几分钟后重试。',
    },
    ServiceUnavailable: {
      cause: 'APNs 暂时不可用。',
      fix: '请几分钟后重试；可查看 developer.apple.com/system-status。',
    },
    Shutdown: {
      cause: 'APNs 服务器正在关闭，断开了连接。',
      fix: '请重新运行检查：imops 会重新连接到另一台 APNs 服务器。',
    },
  },

  unknownReason: {
    said: (status, reason) =>
      `APNs 返回${status === undefined ? '的应答没有状态码' : ` ${status}`}${reason ? `，reason 为 "${reason}"` : ''}，imops 不认识这一应答。`,
    credential: {
      cause: (said) => `${said}403 表示 APNs 拒绝了凭证。`,
      fix: '请检查该证书 ID 对应的密钥或证书，并在 Apple 文档 "Handling notification responses from APNs" 中查找该原因。',
    },
    unregistered: {
      cause: (said) => `${said}410 表示该 Token 已失效。`,
      fix: '请删除该 Token；App 需要上报新 Token。',
    },
    rateLimited: {
      cause: (said) => `${said}429 表示请求过多。`,
      fix: '请等待几分钟后再测试。',
    },
    unavailable: {
      cause: (said) => `${said}5xx 表示 Apple 侧出现问题。`,
      fix: '请几分钟后重试。',
    },
    rejected: {
      cause: (said) => `${said}APNs 拒绝了该请求。`,
      fix: '请在 Apple 文档 "Handling notification responses from APNs" 中查找该原因，并报告给 imops 维护者。',
    },
  },

  test: {
    libraryRefused: (certificateId, message) => `未发送任何推送：APNs 客户端库拒绝了证书 ${certificateId}：${message}。`,
    libraryRefusedFix: '请运行 `imops push certs`，并修正它为该证书列出的问题。',
    otherEnvironment: (env, firstReason, apnsId, certificateId) =>
      `这是${ENV[other(env)]}的 Token：APNs ${ENV[env]}拒绝了它（${firstReason}），而 APNs ${ENV[other(env)]}接受了同一条测试推送（apns-id ${apnsId ?? '无'}）。该 App 是${BUILD_KIND[other(env)]}，会向 APNs ${ENV[other(env)]}注册，但它用证书 ${certificateId} 上报了 Token，而该证书配置的是${ENV[env]}。`,
    useOtherCertificate: (tokenEnv, certificateId, bundleId) =>
      `${tokenEnv === 'sandbox' ? 'Debug' : 'Release'} 包必须用证书 ID ${certificateId}（${bundleId} 的${ENV[tokenEnv]}证书）上报 Token：请在 App 的推送配置中为该构建类型设置${ENV[tokenEnv]}的证书 ID（例如 TUIOfflinePushCertificateIDForAPNS）。`,
    noOtherCertificate: (tokenEnv, bundleId) =>
      `没有为 ${bundleId} 配置${ENV[tokenEnv]}证书：请在 IM 控制台上传一个，并将其加入 imops.yml，然后让${BUILD_KIND[tokenEnv]}上报该证书 ID；或者改用${BUILD_KIND[other(tokenEnv)]}测试。`,
    goneInOtherEnvironment: (env, firstReason, secondReason, cause) =>
      `这是${ENV[other(env)]}的 Token（APNs ${ENV[env]}返回 ${firstReason}），而 APNs ${ENV[other(env)]}表示它已失效（${secondReason}）。${cause}`,
    answered: (env, status, reason, cause, tokenProblems, lastValid) => {
      const answer = [status, reason].filter((x) => x !== undefined && x !== '').join(' ');
      return `APNs ${ENV[env]}${answer ? `返回 ${answer}` : '返回错误'}：${cause}${tokenProblems?.length ? `Token 本身看起来也有问题：${tokenProblems.join('')}` : ''}${lastValid ? `（APNs 最后一次确认该 Token 有效的时间为 ${lastValid}。）` : ''}`;
    },
    deliveredBackground: (env, bundleId) => `APNs ${ENV[env]}接受了发往 ${bundleId} 的后台推送（设备上不会显示任何内容）。`,
    delivered: (env, bundleId, uniqueId, title) =>
      `APNs ${ENV[env]}接受了发往 ${bundleId} 的测试通知${uniqueId ? `（apns-unique-id ${uniqueId}：可在 Apple “Push Notifications Console”的投递日志中查询）` : ''}。除非 App 在前台，否则它会显示为标题为 "${title}" 的提醒。`,
    nothingToFix: '推送侧无需处理。',
    deliveredFix: '推送侧无需处理。如果用户仍然看不到通知：请检查设备上的通知权限和专注模式，并确认用户处于登录状态（登出后 IM 不会发送离线推送）。',
    noAnswer: (env, detail) => `APNs ${ENV[env]}没有应答：${detail}。`,
    network: {
      timeout: (ms) => `APNs 在 ${ms} 毫秒内没有应答（providers.apns.timeoutMs）`,
      dns: (message) => `无法解析 APNs 的主机名（${message}）`,
      tls: (message) => `与 APNs 的 TLS 连接失败：${message}`,
      connect: (message) => `无法连接 APNs：${message}`,
      goaway: (goaway) => `APNs 在应答前关闭了连接（${goaway}）`,
      closed: '与 APNs 的连接在应答前被关闭（收到 GOAWAY，或连接中断）',
      noResult: 'node-apn 既没有返回成功，也没有返回失败',
      unknown: '未知错误',
    },
    networkFix: {
      tls: '如果有代理拦截 TLS，请将 providers.apns.caFile 设为该代理的 CA 证书；否则请检查服务器时钟及其 CA 证书库。',
      dns: '请检查 imops 服务器的 DNS，以及 imops.yml 中的 providers.apns.productionUrl / sandboxUrl。',
      connect: '请确认服务器能经由防火墙或代理访问 APNs 的 443（或 2197）端口，并核对 providers.apns 中的 URL。',
      timeout: '请重新运行检查；如果一直超时，请检查到 APNs 的网络链路（或调大 providers.apns.timeoutMs）。',
      closed: '请重新运行检查：imops 会建立新连接。如果反复出现，请检查 imops 与 APNs 之间的代理。',
      other: '请重新运行检查；如果再次出现，请检查到 APNs 的网络链路以及 imops 日志。',
    },
  },

  credential: {
    tokenSummary: (keyId, teamId, bundleId, env) => `.p8 密钥（Key ID ${keyId}，Team ID ${teamId}），Bundle ID ${bundleId}，${ENV[env]}`,
    certificateSummary: (bundleId, env) => `${bundleId} 的推送证书，${ENV[env]}`,
    readSummary: (uid, envs, expires) =>
      `推送证书${uid ? ` ${uid}` : '（无 UID）'}，${envs.map((e) => ENV[e]).join(' + ') || '不支持任何 APNs 环境'}，${expires} 过期`,
    badKeyId: (keyId) => `Key ID "${keyId}" 不是 10 位大写字母或数字。`,
    badKeyIdFix: '请在 Apple Developer 的“Certificates, IDs & Profiles” > “Keys”中复制 Key ID（它也在文件名 AuthKey_<KeyID>.p8 中）。',
    badTeamId: (teamId) => `Team ID "${teamId}" 不是 10 位大写字母或数字。`,
    badTeamIdFix: '请在 Apple Developer 的“Membership details”中复制 Team ID。',
    keyFileNamedFor: (nameId, keyId) => `密钥文件名对应的 Key ID 是 ${nameId}，但 keyId 配置为 ${keyId}。`,
    keyFileNamedForFix: (nameId, keyId) => `Apple 下载的文件名为 AuthKey_<KeyID>.p8：请将 keyId 设为 ${nameId}，或改用 Key ID 为 ${keyId} 的 .p8 文件。`,
    files: {
      p8: '.p8 密钥文件',
      p8Fix: '请检查 imops.yml 中的 auth.keyFile：它必须指向从 Apple 下载的 AuthKey_<KeyID>.p8。',
      p12: 'PKCS#12 文件',
      p12Fix: '请检查 imops.yml 中的 auth.file：它必须指向从“钥匙串访问”导出的 .p12（含证书和私钥）。',
      cert: '证书文件',
      certFix: '请检查 imops.yml 中的 auth.certFile。',
      key: '私钥文件',
      keyFix: '请检查 imops.yml 中的 auth.keyFile。',
    },
    p8Unreadable: '该 .p8 文件不是可读取的私钥。',
    p8UnreadableFix: '请在 Apple Developer 的“Keys”页面重新下载密钥（.p8 只能下载一次：如果已丢失，请新建一个密钥）。',
    p8WrongKey: (type, curve) => {
      const desc = [type, curve].filter(Boolean).join(' ');
      return `该 .p8 文件中的密钥是${desc ? ` ${desc}` : '未知类型'}，但 APNs 的 .p8 密钥必须是 EC P-256。`;
    },
    p8WrongKeyFix: '请使用 Apple 为 APNs 密钥提供的 .p8（Keys > "Apple Push Notifications service (APNs)"），不要用其他密钥。',
    p8NotPkcs8: '该 .p8 密钥不是 Apple 提供时的 PKCS#8 格式（"BEGIN PRIVATE KEY"）：它在某处被转换过。',
    p8NotPkcs8Fix: '请使用 Apple 提供的原始 AuthKey_<KeyID>.p8 文件。',
    p12NoCertificate: '该 .p12 文件中没有证书。',
    p12NoCertificateFix: '请在“钥匙串访问”中将 APNs 证书与其私钥一起导出（同时选中两者，导出 2 项）。',
    p12NoKey: '该 .p12 文件中没有私钥。',
    p12NoKeyFix: '请在“钥匙串访问”中将 APNs 证书与其私钥一起导出（展开证书，同时选中两者）。',
    p12Passphrase: '.p12 的密码错误（或未填写）。',
    p12PassphraseFix: '请将 imops.yml 中的 auth.passphrase 设为导出 .p12 时设置的密码。',
    p12Unreadable: '该 .p12 文件无法按 PKCS#12 格式读取。',
    p12UnreadableFix: '请在“钥匙串访问”中重新以“个人信息交换 (.p12)”格式导出证书。',
    notX509: '无法将该证书解析为 X.509 证书。',
    notX509Fix: '请重新导出 APNs 证书（PEM 或 .p12）。',
    keyUnreadable: '无法读取私钥（或私钥已加密）。',
    keyUnreadableFix: '请导出不带密码的私钥，或改用 .p12 并配置 auth.passphrase。',
    keyMismatch: '证书与私钥不匹配。',
    keyMismatchFix: '请连同证书自己的私钥一起导出（在“钥匙串访问”中展开证书，将两者一起导出）。',
    expired: (date) => `该证书已于 ${date} 过期。`,
    expiredFix:
      '请在 Apple Developer 中新建 APNs 证书，并在 IM 控制台中直接编辑更新该证书（编辑会保留证书 ID，重新创建则会改变证书 ID），然后替换 imops 使用的证书文件。',
    expiresSoon: (days, date) => `该证书将在 ${days} 天后（${date}）过期。`,
    expiresSoonFix: '请立即在 Apple Developer 中续期，并在 IM 控制台中直接编辑更新该证书（编辑不会改变证书 ID）。',
    notYetValid: (from) => `该证书要到 ${from} 才开始生效。`,
    notYetValidFix: '请检查服务器时钟，或等待证书生效。',
    notApns: '这不是 APNs 推送证书：它不带 Apple 的任何一个推送环境扩展。',
    notApnsFix: '请为该 App ID 创建 "Apple Push Notification service SSL (Sandbox & Production)" 证书；开发或发布用的签名证书不能发送推送。',
    sandboxOnly: '该证书仅适用于开发环境（sandbox），但该证书 ID 配置的是生产环境。',
    sandboxOnlyFix: '请使用通用的 "Apple Push Services" 证书，或为该证书 ID 设置 environment: sandbox（并为生产环境单独配置一个证书 ID）。',
    productionOnly: '该证书仅适用于生产环境，但该证书 ID 配置的是开发环境（sandbox）。',
    productionOnlyFix: '请使用通用的 "Apple Push Services" 证书，或为该证书 ID 设置 environment: production。',
    otherBundle: (uid, bundleId) => `该证书是为 ${uid} 签发的，但 bundleId 配置为 ${bundleId}。`,
    otherBundleFix: (uid, bundleId) => `如果 App 就是 ${uid}，请将 bundleId 设为 ${uid}；否则请使用为 ${bundleId} 签发的证书。`,
  },

  token: {
    wrapped: 'Token 被 < > 包裹（NSData 的 description 格式）；App 应只上报其中的十六进制数字。',
    spaces: 'Token 中含有空格；APNs Token 是连续的十六进制数字，中间没有任何其他字符。',
    base64: (bytes) =>
      `Token 是 base64 编码（${bytes} 字节），而不是十六进制：App 必须把 Token 的字节转成十六进制数字上报（例如 32 字节对应 64 位十六进制数字）。`,
    oddDigits: (digits) => `Token 的十六进制位数为奇数（${digits} 位），说明它被截断或已损坏。`,
    short: (digits) => `Token 只有 ${digits} 位十六进制数字；APNs Token 通常为 64 位，因此它很可能被截断了。`,
  },

  report: {
    environment: (reported, certificateId, env) =>
      `App 上报的是${reportedEnv(reported)} Token，但证书 ${certificateId} 用于${ENV[env]}：Debug 包获取的是开发环境 Token，Release 包获取的是生产环境 Token，两者各需要一个证书 ID。`,
    bundleId: (reported, certificateId, bundleId) =>
      `App 上报的 Bundle ID 是 ${reported}，但证书 ${certificateId} 推送的目标是 ${bundleId}：APNs 会返回 DeviceTokenNotForTopic。`,
  },
};
