import { inLocale, type Text } from '../../src/text/words.js';

/** A result's text as an English reader gets it. */
export const english = (text: Text): string => inLocale(text, { locale: 'en' });

/** A result's text as a Chinese reader gets it. */
export const chinese = (text: Text): string => inLocale(text, { locale: 'zh-CN' });
