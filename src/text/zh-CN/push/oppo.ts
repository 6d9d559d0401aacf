// OPPO 推送的措辞：名称、错误码表（每个错误码的原因和处理方法），以及发送、凭证检查和 Token 格式检查用到的句子。
import type { oppo as en } from '../../en/push/oppo.js';

const CONSOLE = 'OPPO 开放平台（open.oppomobile.com）> 推送服务';
const CREDENTIALS = `请从 ${CONSOLE} > 配置管理中重新复制 AppKey 和 MasterSecret，填入 imops.yml 中该证书的 appKey 和 masterSecret（要填 MasterSecret，不是 AppSecret：只有主开发者账号能看到它）。`;
const BACK_OFF = '请稍等再测试；OPPO 推送会统计每一次请求，不要循环重试。';
const IMOPS_BUG = '请把错误码和 message 反馈给 imops 维护者：这个请求是 imops 构造的。';

const methodRow = (code: string) => ({
  cause: `OPPO 推送不认识 imops 调用的方法或接口版本（错误码 ${code}）。`,
  fix: '请检查 providers.oppo.url 只包含源地址（https://api.push.oppomobile.com），不带路径；imops 会自动加上 /server/v1/…。',
});

/** “通道 im”，或未设置时的“通道（无）”（中文里括号前不加空格）。 */
const labelled = (label: string, value: string | undefined) => (value ? `${label} ${value}` : `${label}（无）`);

export const oppo: typeof en = {
  names: {
    display: 'OPPO 推送',
    article: '',
    device: 'Android（OPPO 推送）',
    credentialKind: 'AppKey 和 MasterSecret',
    token: 'OPPO 推送 registration ID',
    tokenSource: 'HeytapPushManager.getRegisterID() 返回的 registration ID',
  },
  serviceName: 'OPPO 推送',
  vendorName: 'OPPO 推送',
  docs: 'OPPO 推送服务端 API 返回码（open.oppomobile.com，推送服务 > 服务端 API）',

  reasons: {
    '-2': { cause: 'OPPO 推送正在流控（全局流控或针对该应用）。', fix: BACK_OFF },
    '-1': { cause: 'OPPO 推送服务不可用。', fix: '请几分钟后重试。' },
    '11': {
      cause: 'imops 重新获取 auth_token 后，OPPO 推送仍不接受：它属于另一个应用（另一个 AppKey），或已被 OPPO 吊销。',
      fix: `请在 ${CONSOLE}中确认 appKey 和 masterSecret 属于同一个应用；然后运行 \`imops push certs --live\`。`,
    },
    '12': { cause: 'OPPO 推送不允许这个 HTTP 方法（是否有代理改写了请求？）。', fix: IMOPS_BUG },
    '13': {
      cause: '该应用的 OPPO 推送接口调用限额（次数或频率）已用完。',
      fix: `请在 ${CONSOLE} > 数据统计中查看该应用的限额；每日额度重置（北京时间零点）后再测试。`,
    },
    '14': { cause: 'OPPO 推送不认识这个 AppKey。', fix: CREDENTIALS },
    '15': { cause: '请求中没有 AppKey（imops.yml 中的 appKey 是否为空？）。', fix: CREDENTIALS },
    '16': {
      cause: 'OPPO 推送拒绝了鉴权请求的签名：masterSecret 有误，通常是把 AppSecret 当成 MasterSecret 填了进去。',
      fix: CREDENTIALS,
    },
    '17': { cause: '鉴权请求中没有签名。', fix: IMOPS_BUG },
    '18': { cause: '鉴权请求中没有时间戳。', fix: IMOPS_BUG },
    '19': {
      cause: 'OPPO 推送拒绝了 imops 的时间戳：这台服务器的时钟与 OPPO 服务器相差太大。',
      fix: '请同步服务器时钟（NTP：`timedatectl set-ntp true` 或 chrony）后再测试。',
    },
    '20': methodRow('20'),
    '21': methodRow('21'),
    '22': methodRow('22'),
    '23': methodRow('23'),
    '24': methodRow('24'),
    '25': { cause: 'OPPO 推送无法识别请求的编码（必须是 UTF-8）。', fix: IMOPS_BUG },
    '26': {
      cause: 'OPPO 推送已把这台服务器的 IP 地址列入黑名单。',
      fix: `请检查该应用在 ${CONSOLE}中的 IP 白名单（如已设置，请加入这台服务器的公网 IP），或联系 OPPO 开发者支持解封该 IP。`,
    },
    '27': {
      cause: 'OPPO 推送拒绝访问：该应用没有这项推送功能的权限。',
      fix: `请在 ${CONSOLE}中查看该应用的推送权限，并在那里申请该功能。`,
    },
    '28': {
      cause: '该应用或它的推送服务已被 OPPO 停用。',
      fix: `请在 ${CONSOLE}中打开该应用，查看其推送状态；重新启用推送，或联系 OPPO 开发者支持。`,
    },
    '29': { cause: '发送请求到达 OPPO 推送时没有携带 auth_token。', fix: IMOPS_BUG },
    '30': {
      cause: '该应用无权通过 OPPO 推送服务端 API 推送（推送服务尚未审核通过）。',
      fix: `请在 ${CONSOLE}中为该应用申请开通推送（推送服务 > 申请开通）并等待审核；审核通过前，任何推送都到达不了它的用户。`,
    },
    '31': { cause: 'OPPO 推送表示请求引用的数据不存在。', fix: IMOPS_BUG },
    '32': { cause: 'OPPO 推送表示数据重复。', fix: '请再测试一次；如果反复出现，请反馈给 imops 维护者。' },
    '33': {
      cause: '该应用在 OPPO 推送的公信消息（内容与营销）每日限额已用完；未分类的通知也计入其中。',
      fix: `请为该证书设置 channelId 和 category（例如 IM），使用在 ${CONSOLE} > 消息分类中审核通过的通讯与服务通道；否则请在每日额度重置后再测试。`,
    },
    '34': { cause: '该应用在 OPPO 推送的每日图片上传限额已用完。', fix: '请明天再测试。' },
    '40': {
      cause: 'OPPO 推送表示消息缺少必填字段（title、content 或 channel_id）。',
      fix: '请把该证书的 channelId 设为在 OPPO 开放平台登记的通道；如果已设置，请把返回的 message 反馈给 imops 维护者。',
    },
    '41': {
      cause: 'OPPO 推送表示消息中的某个字段无效（例如它不接受的 channel_id 或 category）。',
      fix: `请对照 ${CONSOLE} > 消息分类 / 通道配置，检查该证书的 channelId、category 和 notifyLevel。`,
    },
    '51': { cause: 'OPPO 推送拒绝了消息中的图片。', fix: IMOPS_BUG },
    '55': { cause: '该应用超出了 OPPO 推送的调用频率限制。', fix: BACK_OFF },
    '59': {
      cause: '该应用没有在 OPPO 通知中使用二级操作（按钮）的权限。',
      fix: `请在 ${CONSOLE}中申请该权限，或发送不带按钮的通知。`,
    },
    '67': {
      cause: 'OPPO 推送拒绝了消息分类：该应用的 category 未获批准，或不允许使用该 notify_level（16 需要通过强提醒审核）。',
      fix: `请对照 ${CONSOLE} > 消息分类（通讯与服务消息的分类）中已审核通过的内容，检查该证书的 category 和 notifyLevel。`,
    },
    '10000': {
      cause: 'OPPO 推送表示 registration ID 无效：它有拼写错误或被截断，属于另一个应用（另一个 AppKey），或来自海外设备（却发到了国内服务器）。',
      fix: '请让 App 重新上报本应用（即这个 AppKey）通过 HeytapPushManager.getRegisterID() 获取的 registration ID；删除当前这个。',
    },
  },

  noChannel: (id) =>
    `证书 ${id} 没有设置 channelId：在 Android 8 及以上的 OPPO 手机上，没有通知通道可能什么都不显示；而且消息会被算作内容与营销（营销消息），每台设备每天最多 2 条（新闻类应用 5 条）。`,
  noChannelFix: `请在 ${CONSOLE} > 通道配置中登记一个通讯与服务通道，在 App 中创建该通道，并在 imops.yml 中把 channelId 设为它的 ID（与 App 调用 setAndroidOPPOChannelID 时传入的值相同）。`,
  noCategory: (id) =>
    `证书 ${id} 没有设置 category：OPPO 推送会把消息归为内容与营销（营销消息），每台设备每天最多 2 条，并受应用每日公信消息配额的限制（错误码 33）。`,
  noCategoryFix: `请把 category 设为该应用在 ${CONSOLE} > 消息分类中获批的分类（例如 IM）。`,
  marketingCategory: (id, category) => `证书 ${id} 的 category 是 ${category}，属于内容与营销（营销消息）分类：OPPO 推送限制每台设备每天最多 2 条。`,
  marketingCategoryFix: '聊天消息请使用 category IM，并配合已审核通过的通讯与服务通道。',
  sameKeys: 'masterSecret 与 appKey 相同：鉴权请求要用 MasterSecret 签名，它是另一个值。',
  sameKeysFix: `请从 ${CONSOLE} > 配置管理中复制 MasterSecret（只有主开发者账号能看到），填入 masterSecret。`,
  spaces: 'appKey 或 masterSecret 中含有空格或换行，OPPO 推送会拒绝签名。',
  spacesFix: '请重新粘贴这些值，不要带空格。',
  unknownCategory: (category, known) => `category ${category} 不在 imops 已知的 OPPO 分类中（${known.join('、')}）；如果 OPPO 推送不接受，会返回错误码 67。`,
  unknownCategoryFix: `请使用该应用在 ${CONSOLE} > 消息分类中获批的分类。`,
  notifyLevel: (level) => `notifyLevel ${level} 不是 1（通知栏）、2（通知栏和锁屏）或 16（强提醒，需审核）。`,
  notifyLevelFix: '请使用 notifyLevel 2，或删除该项。',
  summary: (appKey, channelId, category) => `AppKey ${appKey}，${labelled('通道', channelId)}，${labelled('category', category)}`,
  describe: (appKey) => `OPPO 推送，AppKey ${appKey}`,

  cutPrefix: (prefix) => `该 Token 开头像 OPPO 推送的 registration ID（${prefix}_），但后面不是 32 位十六进制数字，因此它被截断或改动过。`,
  overseas: (prefix) =>
    `该 registration ID 带有区域前缀 ${prefix}_，说明这是一台海外 OPPO 设备：只能通过 OPPO 推送的海外服务器（api-intl.push.oppomobile.com）送达，国内服务器无法送达。`,

  delivered: (appKey, channelId, notes) => `OPPO 推送已接受 AppKey ${appKey}${channelId ? `（通道 ${channelId}）` : ' '}的测试通知。${notes.join('')}`,
  deliveredFix:
    '推送侧无需处理。如果手机上没有显示：OPPO 手机对新安装的应用默认关闭通知（设置 > 通知 > 该应用），App 中必须已创建该通道，而且用户必须处于登录状态。',
  overseasNote: '该 registration ID 带有海外区域前缀：无法通过国内服务器送达。',
  tokenLooksWrong: (problems) => `Token 本身看起来有误：${problems.join('')}`,
  renewed: '（imops 已更新过期的 auth_token 一次，并重新发送。）',
  issued: 'auth_token（AppKey 和 MasterSecret 已通过校验）',
};
