// The emoji panel's contents. 旺旺表情 are bracket tokens ([微笑]) as Aliwangwang sends them; the
// engine counts them as emoticons, and the chat draws each as a face.
export interface Face {
  code: string;
  glyph: string;
  en: string;
}

export const WANGWANG: readonly Face[] = [
  { code: '[微笑]', glyph: '🙂', en: 'Smile' },
  { code: '[开心]', glyph: '😄', en: 'Happy' },
  { code: '[害羞]', glyph: '😊', en: 'Shy' },
  { code: '[调皮]', glyph: '😜', en: 'Cheeky' },
  { code: '[得意]', glyph: '😎', en: 'Proud' },
  { code: '[可怜]', glyph: '🥺', en: 'Pitiful' },
  { code: '[委屈]', glyph: '😢', en: 'Wronged' },
  { code: '[抱抱]', glyph: '🤗', en: 'Hug' },
  { code: '[握手]', glyph: '🤝', en: 'Handshake' },
  { code: '[加油]', glyph: '💪', en: 'Go for it' },
  { code: '[玫瑰]', glyph: '🌹', en: 'Rose' },
  { code: '[爱心]', glyph: '❤️', en: 'Heart' },
  { code: '[飞吻]', glyph: '😘', en: 'Kiss' },
  { code: '[鼓掌]', glyph: '👏', en: 'Applause' },
  { code: '[ok]', glyph: '👌', en: 'OK' },
  { code: '[赞]', glyph: '👍', en: 'Thumbs up' },
  { code: '[抱歉]', glyph: '🙇', en: 'Sorry' },
  { code: '[疑问]', glyph: '❓', en: 'Question' },
  { code: '[惊讶]', glyph: '😮', en: 'Surprised' },
  { code: '[晕]', glyph: '😵', en: 'Dizzy' },
  { code: '[流汗]', glyph: '😅', en: 'Sweat' },
  { code: '[再见]', glyph: '👋', en: 'Bye' },
  { code: '[礼物]', glyph: '🎁', en: 'Gift' },
  { code: '[太阳]', glyph: '☀️', en: 'Sun' },
];

const BY_CODE = new Map(WANGWANG.map((f) => [f.code.toLowerCase(), f]));

export function faceOf(token: string): Face | undefined {
  return BY_CODE.get(token.toLowerCase());
}

/** A bracketed token that may be a face ([微笑], [ok]); RichText draws the known ones. */
export const FACE_TOKEN = /\[[^[\]\s]{1,4}\]/;

/** Chat text as one plain line: each known face token as its glyph (the conversation list's preview). */
export function withFaceGlyphs(text: string): string {
  return text.replace(new RegExp(FACE_TOKEN.source, 'giu'), (token) => faceOf(token)?.glyph ?? token);
}

export interface Emoji {
  glyph: string;
  zh: string;
  en: string;
}

export const EMOJI: readonly Emoji[] = [
  { glyph: '😊', zh: '微笑', en: 'smiling face' },
  { glyph: '😄', zh: '大笑', en: 'grinning face' },
  { glyph: '🤗', zh: '拥抱', en: 'hugging face' },
  { glyph: '😉', zh: '眨眼', en: 'winking face' },
  { glyph: '🥰', zh: '喜爱', en: 'face with hearts' },
  { glyph: '😅', zh: '尴尬', en: 'sweat smile' },
  { glyph: '🙏', zh: '拜托', en: 'folded hands' },
  { glyph: '👍', zh: '点赞', en: 'thumbs up' },
  { glyph: '👌', zh: '好的', en: 'OK hand' },
  { glyph: '💪', zh: '加油', en: 'flexed biceps' },
  { glyph: '👏', zh: '鼓掌', en: 'clapping hands' },
  { glyph: '🌹', zh: '玫瑰', en: 'rose' },
  { glyph: '❤️', zh: '爱心', en: 'red heart' },
  { glyph: '🎁', zh: '礼物', en: 'gift' },
  { glyph: '🎉', zh: '庆祝', en: 'party popper' },
  { glyph: '✨', zh: '闪亮', en: 'sparkles' },
  { glyph: '🌸', zh: '花朵', en: 'blossom' },
  { glyph: '☀️', zh: '太阳', en: 'sun' },
  { glyph: '📦', zh: '包裹', en: 'package' },
  { glyph: '🚚', zh: '快递', en: 'delivery truck' },
  { glyph: '👟', zh: '跑鞋', en: 'running shoe' },
  { glyph: '🥾', zh: '登山靴', en: 'hiking boot' },
  { glyph: '⏰', zh: '闹钟', en: 'alarm clock' },
  { glyph: '✅', zh: '完成', en: 'check mark' },
];
