// 简体中文的措辞。占位：逐节翻译中。
import { en, type Catalogue } from '../en/index.js';
import { zhTime } from './time.js';

export const zhCN: Catalogue = { ...en, locale: 'zh-CN', time: zhTime() };
