// 诊断（triage）的措辞：每项检查的标题，以及根据查到的事实给出的各判定的原因和处理方法。
import type { HistoryEntry, TriageFinding } from '../../checks/triage.js';
import type { triage as enTriage, TriageWords } from '../en/triage.js';
import type { TimeWords } from '../time.js';
import { inLocale, type Text } from '../words.js';

/** A result's text in Chinese. */
const $ = (text: Text) => inLocale(text, { locale: 'zh-CN' });

/** "在 iPhone 上"，没有平台时为空；放在 when() 和一个中文动词之间。 */
const on = (e: HistoryEntry) => (e.platform ? `在 ${e.platform} 上` : '');
/** "alice（Android）的" / "alice 的"。 */
const toUser = (userId: string, e: HistoryEntry) => (e.platform ? `${userId}（${e.platform}）的` : `${userId} 的`);

export const triage: typeof enTriage = {
  titleFound: (u: string, check: string, verdict: string) => `${u} 的诊断结果：${check}${/[）」”]$/.test(check) ? '' : ' '}${verdict}`,
  titleNone: (u: string) => `${u} 的诊断结果：各项检查均未发现收不到推送的原因`,
  checks: {
    account: 'IM 账号',
    online: 'IM 在线状态',
    history: '登录与推送记录（IM 回调）',
    devices: '已上报的设备',
    certificates: '推送证书',
    push: '测试推送',
    usersig: 'UserSig',
  },
  summaryNoneCause: (u: string) => `${u} 有 IM 账号，可以收到离线推送，设备和证书看起来也都正常。`,
  summaryNoneFix: '点击“开始测试”（或加 --push 运行）发送真实的测试推送，或用 `imops im send-test` 通过 IM 本身发送一条消息。',
  startTesting: '开始测试',
  checkUserSig: '校验 UserSig',
  forms: {
    title: '诊断用户',
    submit: '开始诊断',
    userSig: '该用户无法登录时使用的 UserSig（可选）',
    userSigPlaceholder: '粘贴到这里；只做校验，不会显示',
    enterUserId: '请输入要诊断的 UserID。',
    enterUserSig: '请粘贴 UserSig。',
  },
  sendTest: '发送 IM 测试消息',
  events: '最近事件',
  list: (items: string[]) => items.join('；'),
  elapsed: (ms: number) => `用时 ${(ms / 1000).toFixed(1)} 秒。`,
  usage: {
    userSigTooLong: (n: number) => `这个 UserSig 长 ${n} 个字符，真实的 UserSig 只有几百个字符。`,
    userSigTooLongFix: '只粘贴 UserSig 本身。',
  },
  timeout: (ms: number): TriageWords => ({
    cause: `${(ms / 1000).toFixed(1)} 秒内没有应答。`,
    fix: '单独运行该项检查（`imops im status`、`imops devices list`、`imops push certs`），查看它是完成还是失败。',
  }),
  skipped: {
    no_im: { cause: '该应用没有 `im:` 配置块，imops 无法查询腾讯云 IM。', fix: '在 imops.yml 中该应用下添加 `im: { admin, region }`。' },
    no_store: { cause: '此处不可用。', fix: '在 imops 能打开其存储的环境中运行诊断。' },
  },
  word(f: TriageFinding, userId: string, time: TimeWords): TriageWords {
    const when = (at: number) => time.at(at);
    switch (`${f.check}:${f.verdict}`) {
      case 'account:IMPORTED':
        return { cause: `${userId} 有 IM 账号。`, fix: '' };
      case 'account:NOT_IMPORTED':
        return {
          cause: `IM 中没有账号“${userId}”：该用户从未登录过，也从未被导入（UserID 区分大小写）。无法向它推送任何消息。`,
          fix: '核对 App 登录时使用的准确 UserID；如果该账号应当存在，请用 account_import 导入它。',
        };
      case 'history:LOGGED_OUT': {
        const e = f.last!;
        return {
          cause: `${userId} 于 ${when(e.at)} ${on(e)}登出${e.reason ? `（原因：${e.reason}）` : ''}：登出后 IM 不再发送离线推送。`,
          fix: '在 App 中重新登录；App 每次登录后都必须上报推送 Token。',
        };
      }
      case 'history:KICKED': {
        const e = f.last!;
        const kicked = e.kicked?.length ? ` ${e.kicked.join('、')} ` : '另一台设备';
        return {
          cause: `${when(e.at)} ${on(e)}的一次登录把 ${userId} 从${kicked}踢下线：被踢下线的设备收不到离线推送。`,
          fix: '在被踢下线的设备上重新登录，或在 IM 控制台中开启多端登录（登录与消息 > 多端登录）。',
        };
      }
      case 'history:PUSH_FAILED': {
        const e = f.last!;
        const p = e.push!;
        return {
          cause: `IM 于 ${when(e.at)} 发给 ${toUser(userId, e)}最近一次推送失败：${p.errCode ?? ''}${p.errInfo ? ` ${p.errInfo}` : ''}。`,
          fix: '点击“开始测试”（或使用 --push），直接查看厂商对该设备的返回。',
        };
      }
      case 'history:DISCONNECTED':
        return { cause: `${userId} 的连接于 ${when(f.last!.at)} ${on(f.last!)}断开：设备处于后台在线状态，推送应能送达。`, fix: '' };
      case 'history:LOGGED_IN':
        return { cause: `${userId} 于 ${when(f.last!.at)} ${on(f.last!)}登录。`, fix: '' };
      case 'history:PUSH_SENT':
        return { cause: `IM 于 ${when(f.last!.at)} 发给 ${toUser(userId, f.last!)}最近一次推送已成功。`, fix: '' };
      case 'history:NO_EVENTS':
        return { cause: `最近 7 天内没有 ${userId} 的登录、登出或推送回调。`, fix: '' };
      case 'history:NO_CALLBACKS':
        return {
          cause: '该应用未配置 IM 回调，因此没有登录记录，也没有推送结果。',
          fix: '设置 apps[].im.callbackToken，并将 IM 的回调 URL 指向 imops（见 README）。',
        };
      case 'devices:NO_DEVICES':
        return {
          cause: `${userId} 的 App 从未向 imops 上报推送 Token。`,
          fix: '让 App 在每次登录后上报 Token（PUT /v1/devices），或与 IM 控制台中接入测试的结果对照。',
        };
      case 'devices:UNKNOWN_CERTIFICATE':
        return {
          cause: `${userId} 的所有设备上报时使用的证书 ID 都不是 imops 已知的（${(f.unknownCertificates ?? []).join('、')}）。`,
          fix: 'App 传入了错误的 businessID / 证书 ID：请使用 IM 控制台推送设置中显示的 ID。',
        };
      case 'devices:DEVICES':
        return { cause: `已上报 ${f.devices?.length ?? 0} 台设备。`, fix: '' };
      case 'certificates:FAILURE': {
        const bad = (f.certificates ?? []).filter((c) => c.level === 'failure');
        const first = bad[0]?.problems[0];
        return {
          cause: `证书 ${bad.map((c) => c.certificateId).join('、')} 无法推送${first ? `：${$(first.problem)}` : ''}。`,
          fix: first ? $(first.fix) : '运行 `imops push certs` 查看详情。',
        };
      }
      case 'certificates:WARNING':
        return { cause: '证书可以使用，但有警告（见 `imops push certs`）。', fix: '' };
      case 'certificates:OK':
        return { cause: '所有已配置的证书状态正常。', fix: '' };
      case 'certificates:NONE':
        return { cause: '该应用没有配置推送证书。', fix: '在 imops.yml 中该应用下列出证书。' };
      default:
        break;
    }
    if (f.check === 'push') {
      if (f.verdict === 'NO_DEVICES') return { cause: '没有可测试的设备。', fix: '' };
      const bad = f.results?.find((r) => !r.ok);
      return bad ? { cause: $(bad.cause), fix: $(bad.fix) } : { cause: `${f.results?.length ?? 0} 条测试推送均已被推送服务接受。`, fix: '' };
    }
    return { cause: f.verdict, fix: '' };
  },
};
