// 快捷短语: the trainee's own saved replies, kept in this browser. Until the trainee edits them, the
// list is a starter set. The buyers speak Chinese and the rubric reads Chinese, so the starter set
// is Chinese in both UIs; the English UI shows a gloss beside each (shown, never inserted).
import { KEYS, loadPhrases, writeJson } from './persist.ts';
import type { Slice } from './state.ts';
import type { Lang } from './types.ts';

export const MAX_PHRASES = 50;
export const MAX_PHRASE_CHARS = 300;

interface Starter {
  text: string;
  /** what the English UI shows beside it */
  gloss: string;
}

const STARTER: readonly Starter[] = [
  { text: '亲，您好~ 欢迎光临本店，我是客服{name}，有什么可以帮您的呢？😊', gloss: 'Hello, dear! Welcome to our shop. I am {name} from customer service, how can I help you? 😊' },
  { text: '亲，请稍等，我帮您查一下哦~', gloss: 'One moment please, dear, let me check that for you.' },
  {
    text: '亲，这款现在是活动价，已经很优惠啦，价格这边实在没法再低了，请您理解哈~',
    gloss: 'This item is at its promotion price already, a real bargain; I am afraid the price cannot go any lower. Thank you for understanding!',
  },
  { text: '亲，为了您的账户安全，聊天里的外部链接和文件我们都不打开的哦~', gloss: 'For your account’s safety we never open outside links or files sent in the chat.' },
  { text: '非常抱歉给您带来不便！麻烦您拍几张照片发给我，我们核实后马上为您处理。', gloss: 'We are very sorry for the trouble! Please send me a few photos; we will sort it out as soon as we have checked.' },
  { text: '感谢您的支持！收到货有任何问题随时联系我们，祝您生活愉快~', gloss: 'Thank you for your support! If anything is wrong when it arrives, contact us any time. Have a lovely day!' },
];

/**
 * The English starter set earlier versions offered in the English UI (the Chinese buyer did not
 * understand it): stored copies of these become their Chinese counterparts, in the same order.
 */
const LEGACY_EN: readonly string[] = [
  'Hello and welcome to our shop! I am {name}, how can I help you today? 😊',
  'One moment please, let me check that for you.',
  'This item is already at its promotion price, so I am afraid I cannot go any lower. Thank you for understanding!',
  'For your account safety we never open outside links or files sent in chat.',
  'I am so sorry for the trouble! Could you send me a few photos? We will sort it out as soon as we have checked.',
  'Thank you for your order! If anything is wrong when it arrives, just message us. Have a lovely day!',
];
/** The name the English starter set used for a trainee without a nickname. */
const LEGACY_EN_NAME = 'your assistant';
const DEFAULT_NAME = '小客服';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A template with `{name}` as a pattern that captures the name. */
const pattern = (template: string) => new RegExp(`^${template.split('{name}').map(escape).join('(.+?)')}$`, 'u');
const LEGACY_PATTERNS = LEGACY_EN.map(pattern);
const STARTER_PATTERNS = STARTER.map((p) => pattern(p.text));

const fill = (template: string, name: string) => template.replace('{name}', name);
const nameOf = (displayName: string) => displayName.trim() || DEFAULT_NAME;

/** A phrase and, for a starter phrase in the English UI, its gloss. */
export interface PhraseEntry {
  text: string;
  gloss?: string;
}

/** The phrases shown: the trainee's own, or the starter set with their nickname filled in. */
export function phraseList(custom: string[] | null, displayName: string): string[] {
  if (custom) return custom;
  const name = nameOf(displayName);
  return STARTER.map((p) => fill(p.text, name));
}

/** The English gloss of a starter phrase (as shown, or as kept in a trainee's own list), if it is one. */
export function starterGloss(text: string): string | undefined {
  for (const [i, re] of STARTER_PATTERNS.entries()) {
    const match = re.exec(text);
    if (match) return fill((STARTER[i] as Starter).gloss, match[1] ?? '');
  }
  return undefined;
}

/** What the phrase panel lists: each phrase with its gloss in the English UI. */
export function phraseEntries(custom: string[] | null, lang: Lang, displayName: string): PhraseEntry[] {
  return phraseList(custom, displayName).map((text) => {
    const gloss = lang === 'en' ? starterGloss(text) : undefined;
    return gloss ? { text, gloss } : { text };
  });
}

/**
 * A stored list from before the starter set was Chinese in both UIs: each English starter phrase
 * becomes its Chinese counterpart (with the same name), the trainee's own phrases stay as they are,
 * and a list that is just the untouched English starter set becomes the starter set again (null).
 * Returns the list unchanged (the same array) when there is nothing to migrate.
 */
export function migratePhrases(stored: string[]): string[] | null {
  let changed = false;
  let untouched = stored.length === LEGACY_EN.length;
  const out = stored.map((text, index) => {
    for (const [i, re] of LEGACY_PATTERNS.entries()) {
      const match = re.exec(text);
      if (!match) continue;
      changed = true;
      if (i !== index) untouched = false;
      const name = match[1] === undefined || match[1] === LEGACY_EN_NAME ? DEFAULT_NAME : match[1];
      return fill((STARTER[i] as Starter).text, name);
    }
    untouched = false;
    return text;
  });
  if (!changed) return stored;
  return untouched ? null : out;
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
  /** null: no list of the trainee's own (the starter set shows) */
  const store = (list: string[] | null) => {
    if (list === null) env.storage?.removeItem(KEYS.phrases);
    else writeJson(env.storage, KEYS.phrases, list);
  };
  const save = (list: string[] | null) => {
    set({ customPhrases: list });
    store(list);
  };
  const clean = (text: string) => text.trim().slice(0, MAX_PHRASE_CHARS);
  const stored = loadPhrases(env.storage);
  const migrated = stored ? migratePhrases(stored) : null;
  if (stored && migrated !== stored) store(migrated);
  return {
    customPhrases: migrated,
    phrases() {
      const { customPhrases, displayName } = get();
      return phraseList(customPhrases, displayName);
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
