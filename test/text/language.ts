/**
 * Which language a reply is in, for tests: Chinese text, English prose left in a Chinese reply, Chinese in an
 * English one. Data stays data in both: code, `commands`, "quoted" and “quoted” values, product names.
 */

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Names that are several English words but not prose: products, consoles, platforms, libraries, data values. */
const NAMES = [
  'Huawei Push Kit',
  'Honor Push',
  'Xiaomi Mi Push',
  'AppGallery Connect',
  'Apple Developer',
  'Firebase Cloud Messaging',
  'TRTC PrivateMapKey',
  'TRTC Web SDK',
  'Google Cloud',
  'Tencent Cloud',
  'Expo push token',
];

/** The text with its data taken out: what is left must be in the reply's language. */
function prose(text: string): string {
  let s = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/「[^」]*」/g, ' ')
    .replace(/<[^<>\n]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    // A command as typed: /usersig verify alice …, imops push sweep --cert 10086 …
    .replace(/(?<![\w/.])(?:\/|imops )[a-z][\w-]*(?: [^\s，。；：（）、]+)*/g, ' ');
  for (const name of NAMES) s = s.split(name).join(' ');
  return s;
}

/** Runs of three or more English words in a row, outside data: English prose in what should be Chinese. */
export function englishProse(text: string): string[] {
  return [...prose(text).matchAll(/\b[A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*){2,}\b/g)].map((m) => m[0]);
}

/** What is wrong with `text` as a reply in `locale`: empty when it is all in that language. */
export function languageProblems(text: string, locale: 'en' | 'zh-CN'): string[] {
  if (locale === 'en') {
    // A vendor console's own menu names are Chinese (OPPO's 推送服务): a short term is a name; a sentence is not.
    const sentence = /[\u3400-\u9fff][^A-Za-z\n]*[，。；！？][^A-Za-z\n]*|[\u3400-\u9fff\uff0c\u3002]{12,}/.exec(prose(text));
    return sentence ? [`Chinese in an English reply: "${sentence[0].slice(0, 40)}"`] : [];
  }
  const problems = englishProse(text).map((run) => `English in a Chinese reply: "${run}"`);
  if (!CJK.test(text)) problems.push('no Chinese at all');
  for (const bad of ['[object Object]', 'undefined', 'NaN']) if (text.includes(bad)) problems.push(`says ${bad}`);
  return problems;
}
