// 简体中文的措辞。占位：逐节翻译中。
import { en, type Catalogue } from '../en/index.js';
import { imErrors } from './im-errors.js';
import { im } from './im.js';
import { zhTime } from './time.js';
import { providers, pushWords } from './push/index.js';
import { triage } from './triage.js';
import { usersigGenerators, usersigVerdicts } from './usersig.js';
// TEMPORARY (branch zh-usage): mounts usage and cli until the lead wires them into the rewritten catalogue.
import { usage } from './usage.js';
import { cli } from './cli.js';

export const zhCN: Catalogue = {
  ...en,
  locale: 'zh-CN',
  time: zhTime(),
  im,
  triage,
  providers,
  pushWords,
  usersigVerdicts,
  usersigGenerators,
  imErrors,
  usage,
  cli,
};
