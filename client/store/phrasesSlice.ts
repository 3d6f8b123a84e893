// 快捷短语: the trainee's own saved replies, kept in this browser. Until the trainee edits them, the
// list is a starter set in the UI language.
import { KEYS, loadPhrases, writeJson } from './persist.ts';
import type { Slice } from './state.ts';
import type { Lang } from './types.ts';

export const MAX_PHRASES = 50;
export const MAX_PHRASE_CHARS = 300;

const STARTER: Record<Lang, string[]> = {
  'zh-CN': [
    '亲，您好~ 欢迎光临本店，我是客服{name}，有什么可以帮您的呢？😊',
    '亲，请稍等，我帮您查一下哦~',
    '亲，这款现在是活动价，已经很优惠啦，价格这边实在没法再低了，请您理解哈~',
    '亲，为了您的账户安全，聊天里的外部链接和文件我们都不打开的哦~',
    '非常抱歉给您带来不便！麻烦您拍几张照片发给我，我们核实后马上为您处理。',
    '感谢您的支持！收到货有任何问题随时联系我们，祝您生活愉快~',
  ],
  en: [
    'Hello and welcome to our shop! I am {name}, how can I help you today? 😊',
    'One moment please, let me check that for you.',
    'This item is already at its promotion price, so I am afraid I cannot go any lower. Thank you for understanding!',
    'For your account safety we never open outside links or files sent in chat.',
    'I am so sorry for the trouble! Could you send me a few photos? We will sort it out as soon as we have checked.',
    'Thank you for your order! If anything is wrong when it arrives, just message us. Have a lovely day!',
  ],
};

/** The phrases shown: the trainee's own, or the starter set with their nickname filled in. */
export function phraseList(custom: string[] | null, lang: Lang, displayName: string): string[] {
  if (custom) return custom;
  const name = displayName.trim() || (lang === 'en' ? 'your assistant' : '小客服');
  return STARTER[lang].map((p) => p.replace('{name}', name));
}

export interface PhrasesSlice {
  /** null: the trainee has not edited the list, show the starter set */
  customPhrases: string[] | null;
  phrases(): string[];
  addPhrase(text: string): void;
  updatePhrase(index: number, text: string): void;
  removePhrase(index: number): void;
  resetPhrases(): void;
}

export const createPhrasesSlice: Slice<PhrasesSlice> = (env) => (set, get) => {
  const save = (list: string[] | null) => {
    set({ customPhrases: list });
    if (list === null) env.storage?.removeItem(KEYS.phrases);
    else writeJson(env.storage, KEYS.phrases, list);
  };
  const clean = (text: string) => text.trim().slice(0, MAX_PHRASE_CHARS);
  return {
    customPhrases: loadPhrases(env.storage) ?? null,
    phrases() {
      const { customPhrases, lang, displayName } = get();
      return phraseList(customPhrases, lang, displayName);
    },
    addPhrase(text) {
      const t = clean(text);
      if (!t) return;
      save([...get().phrases(), t].slice(0, MAX_PHRASES));
    },
    updatePhrase(index, text) {
      const t = clean(text);
      const list = [...get().phrases()];
      if (index < 0 || index >= list.length) return;
      if (t) list[index] = t;
      else list.splice(index, 1);
      save(list);
    },
    removePhrase(index) {
      const list = get().phrases().filter((_, i) => i !== index);
      save(list);
    },
    resetPhrases() {
      save(null);
    },
  };
};
