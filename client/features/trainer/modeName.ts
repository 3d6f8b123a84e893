// A drill's mode in words (练习模式 / 考试模式); a mode this client does not know shows as stored.
import type { Translate } from '../../i18n/index.ts';
import { tAny } from '../../i18n/index.ts';

export const modeName = (t: Translate, mode: string): string => tAny(t, `home.mode.${mode}`, mode);
