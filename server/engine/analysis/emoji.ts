// Emoticons: unicode emoji, 旺旺表情 tokens ([微笑], [ok]), 旺旺 codes (/:^_^, /:809) and the
// simplest ASCII smileys. A trailing "~" softens a sentence but is not an emoticon.

// Bracketed words that chat clients use as placeholders for attachments, not as faces.
const PLACEHOLDERS = '图片|链接|文件|语音|视频|商品|宝贝|订单|位置|红包|名片|卡片|表情|动画表情|转账';
const WANGWANG_TOKEN = `\\[(?!(?:${PLACEHOLDERS})\\])[\\p{Script=Han}a-z]{1,4}\\]`;
const WANGWANG_CODE = '\\/:(?:\\^[_$o]\\^|\\d{3}|8-?[)(*]|o=o|-?[)(|*$@!?<>:;]|[a-z](?![a-z]))';
const UNICODE_EMOJI =
  '\\p{Regional_Indicator}{2}|[#*0-9]\\ufe0f?\\u20e3' +
  '|\\p{Extended_Pictographic}[\\ufe0e\\ufe0f\\p{Emoji_Modifier}]*(?:\\u200d\\p{Extended_Pictographic}[\\ufe0e\\ufe0f\\p{Emoji_Modifier}]*)*';
const ASCII_SMILEY = '(?<![a-z0-9])[:;]-?[)(dp](?![a-z0-9])|\\^_?\\^';

export const EMOJI_SOURCE = [WANGWANG_TOKEN, WANGWANG_CODE, UNICODE_EMOJI, ASCII_SMILEY].join('|');
const EMOJI = new RegExp(EMOJI_SOURCE, 'gu');
const MAYBE_EMOJI = /[[/:;^\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;

/** Emoticons in folded text, in order of appearance. */
export function extractEmoji(folded: string): string[] {
  if (!MAYBE_EMOJI.test(folded)) return [];
  return folded.match(EMOJI) ?? [];
}
