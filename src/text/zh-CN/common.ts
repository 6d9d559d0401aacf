// Helpers every zh-CN words file shares: spacing between Chinese and Latin text, and TRTC's names for privileges.
import type { PrivilegeName } from '../../usersig/types.js';

const CJK = /[\u3400-\u9fff]/;
/** 半角字符（字母、数字、路径、代码、引号）：与汉字相接时中间空一格。 */
const LATIN = /[!-~]/;

/**
 * 中文句子模板：只在插值的边界处、汉字与拉丁字母、数字或其他半角字符相接时补一个空格（“证书 10086 是 APNs 证书”，
 * “无法读取 .p8 密钥文件”），名称本身是中文时不加（“是华为 Push Kit 证书”）。字面文字和插入的数据本身都不改动。
 */
export function zh(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  const add = (piece: string) => {
    if (piece === '') return;
    const a = out.slice(-1);
    const b = piece.charAt(0);
    out += (CJK.test(a) && LATIN.test(b)) || (LATIN.test(a) && CJK.test(b)) ? ` ${piece}` : piece;
  };
  values.forEach((v, i) => {
    add(String(v));
    add(strings[i + 1] ?? '');
  });
  return out;
}

/** TRTC 文档对权限位的叫法。 */
export const privilegeNames: Record<PrivilegeName, string> = {
  'create room': '创建房间',
  'enter room': '进入房间',
  'send audio': '发送音频',
  'receive audio': '接收音频',
  'send video': '发送视频',
  'receive video': '接收视频',
  'send screen share': '发送屏幕分享',
  'receive screen share': '接收屏幕分享',
};
