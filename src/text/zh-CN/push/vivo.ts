// vivo 推送的措辞：名称、错误码表（每个错误码的原因和处理方法），以及发送、凭证检查和 Token 格式检查用到的句子。
import type { vivo as en } from '../../en/push/vivo.js';

const CONSOLE = 'vivo 开放平台（dev.vivo.com.cn）> 推送服务';
const CREDENTIALS = `请从 ${CONSOLE} > 应用信息中重新复制 APP ID、APP KEY 和 APP SECRET，填入 imops.yml 中该证书的 appId、appKey 和 appSecret。`;
const IMOPS_BUG = '请把错误码和 desc 反馈给 imops 维护者：这个请求是 imops 构造的。';
const SYSTEM_CATEGORY = '请在 imops.yml 中把 category 设为该应用获批的系统消息分类（聊天消息用 IM）';
const TEST_DEVICE = '请为该证书设置 pushMode: 1，并在 vivo 开放平台（推送服务 > 测试设备）把这台手机登记为测试设备';

export const vivo: typeof en = {
  names: {
    display: 'vivo 推送',
    article: '',
    device: 'Android（vivo 推送）',
    credentialKind: 'APP ID、APP KEY 和 APP SECRET',
    token: 'vivo 推送 regId',
    tokenSource: 'PushClient.getInstance(context).getRegId() 返回的 regId',
  },
  serviceName: 'vivo 推送',
  vendorName: 'vivo 推送',
  docs: 'vivo 推送服务端 API 返回码（dev.vivo.com.cn，推送服务 > 服务端 API）',

  reasons: {
    '10000': {
      cause: 'imops 重新获取 authToken 后，vivo 推送仍不接受（它属于另一个应用，或已被 vivo 吊销）。',
      fix: `${CREDENTIALS}然后运行 \`imops push certs --live\`。`,
    },
    '10070': {
      cause: '该应用在 vivo 推送的每日发送总量已用完。',
      fix: `今天不要再发送（收到 10070 后仍继续调用的应用会被 vivo 下调配额）；请在 ${CONSOLE} > 数据统计中查看配额，并设置系统消息分类（IM），让聊天消息使用更大的系统消息配额。`,
    },
    '10071': {
      cause: 'vivo 推送拒绝了发送时间：运营消息（classification 0，或未设置 category）只在北京时间 07:00 至 23:00 之间下发。',
      fix: `${SYSTEM_CATEGORY}，或在北京时间 07:00 至 23:00 之间测试。`,
    },
    '10072': { cause: 'imops 向 vivo 推送发送得太快。', fix: '请等待一分钟后再测试。' },
    '10073': {
      cause: '该应用在 vivo 推送的每日系统消息总量已用完。',
      fix: `请在每日额度重置（北京时间零点）后再测试；并在 ${CONSOLE}中申请更大的系统消息配额。`,
    },
    '10085': {
      cause: 'vivo 推送拒绝了标题或内容：正式消息不能是纯数字、纯英文或纯符号，也不能包含“测试”或括号。',
      fix: `${TEST_DEVICE}；或保持 pushMode 0（imops 发送的是中文标题）。`,
    },
    '10104': {
      cause: 'vivo 推送的内容审核拒绝了消息文本。',
      fix: `${TEST_DEVICE}。`,
    },
    '10094': { cause: 'appId 与签发该 authToken 的应用不一致。', fix: CREDENTIALS },
    '10200': {
      cause: 'vivo 推送拒绝了鉴权请求：缺少 appId、appKey、timestamp 或 sign，或 vivo 不认识该 appId。',
      fix: CREDENTIALS,
    },
    '10206': {
      cause: 'vivo 推送拒绝了鉴权请求的签名：appKey 或 appSecret 有误（或属于另一个应用）。',
      fix: CREDENTIALS,
    },
    '10207': {
      cause: 'vivo 推送拒绝了 imops 的时间戳：这台服务器的时钟与 vivo 服务器相差超过 10 分钟。',
      fix: '请同步服务器时钟（NTP：`timedatectl set-ntp true` 或 chrony）后再测试。',
    },
    '10250': {
      cause: '该应用向 vivo 推送发出的鉴权请求过多（每秒超过 10 次）。',
      fix: '请等待一分钟；imops 只复用一个 authToken，说明还有别的系统也在为同一个应用获取 authToken。',
    },
    '10252': { cause: 'vivo 推送拒绝了批量推送的请求体。', fix: IMOPS_BUG },
    '10254': { cause: '该应用在 vivo 推送的全量推送（广播）限额已达上限。', fix: '请明天再测试。' },
    '10302': {
      cause: 'vivo 推送表示 regId 不合法：它有拼写错误或被截断、属于另一个应用，或 App 已被卸载。',
      fix: '请让 App 重新上报本应用通过 PushClient.getInstance(context).getRegId() 获取的 regId；删除当前这个。',
    },
  },

  noCategory: (id) => `证书 ${id} 没有设置 category：vivo 推送会把消息当作运营消息（营销消息），每台设备每天最多 2 条，且只在 07:00 至 23:00 之间下发。`,
  noCategoryFix: `${SYSTEM_CATEGORY}，与 ${CONSOLE} > 消息分类中的配置一致。`,
  operationCategory: (id, category) =>
    `证书 ${id} 的 category 是 ${category}，属于运营消息（营销消息）分类：vivo 推送限制每台设备每天最多 2 条，且只在 07:00 至 23:00 之间下发。`,
  operationCategoryFix: '聊天消息请使用 category IM。',
  appIdNotNumber: (appId) => `appId ${appId} 不是数字：vivo 的 APP ID 是纯数字。`,
  appIdFix: `请从 ${CONSOLE} > 应用信息中复制 APP ID。`,
  spaces: 'appKey 或 appSecret 中含有空格或换行，vivo 推送会拒绝签名。',
  spacesFix: '请重新粘贴这些值，不要带空格。',
  sameKeys: 'appKey 与 appSecret 是同一个值：vivo 签发的是两个不同的值。',
  sameKeysFix: `请从 ${CONSOLE} > 应用信息中重新复制这两个值。`,
  unknownCategory: (category, known) => `category ${category} 不是 vivo 的分类（${known.join('、')}）。`,
  unknownCategoryFix: '聊天消息请使用 IM。',
  testMode: 'pushMode 为 1（测试推送）：vivo 推送只下发到在 vivo 开放平台登记的测试设备（最多 20 台）；其他手机收不到任何推送，测试会把它报为错误。',
  testModeFix: `请在 ${CONSOLE} > 测试设备中登记这台手机的 regId；或在应用成为正式应用（不再是受限应用）后设置 pushMode: 0。`,
  summary: (appId, category, testPush) =>
    `APP ID ${appId}，${category ? `category ${category}` : 'category（无）'}，${testPush ? '测试推送（pushMode 1）' : '正式推送'}`,
  describe: (appId, testPush) => `vivo 推送，APP ID ${appId}${testPush ? '，测试推送' : ''}`,
  testModeUpload: (id) => `证书 ${id} 发送的是 vivo 测试推送（pushMode 1）：只有这台手机的 regId 已在 vivo 开放平台登记为测试设备（最多 20 台），它才能收到。`,
  wrongLength: (digits) => `该 Token 有 ${digits} 位数字；vivo 推送的 regId 是 23 位数字，因此它很可能被截断或多补了位。`,

  mode: {
    test: '测试推送（pushMode 1：只有已登记的测试设备能收到）',
    formal: '正式推送',
  },
  delivered: (mode, appId, notes) => `vivo 推送已接受 APP ID ${appId} 的测试通知，推送方式：${mode}。${notes.join('')}`,
  deliveredFix:
    '推送侧无需处理。如果手机上没有显示：请确认该应用的通知已开启（i 管家 / 设置 > 通知），应用已在 vivo 应用商店上架（受限应用只能推送到测试设备），并且用户处于登录状态。',
  tokenLooksWrong: (problems) => `Token 本身看起来有误：${problems.join('')}`,
  testModeNote: 'pushMode 为 1（测试推送）：vivo 推送只接受在 vivo 开放平台登记为测试设备的 regId。',
  renewed: '（imops 已更新过期的 authToken 一次，并重新发送。）',
  issued: 'authToken（APP ID、APP KEY 和 APP SECRET 已通过校验）',
};
