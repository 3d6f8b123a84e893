// What reply analysis produces. The rubric and the persona machine read only these shapes.

/** A keyword found in normalised text, with whether a negator governs it (不能加QQ -> negated). */
export interface KeywordHit {
  keyword: string;
  index: number;
  negated: boolean;
}

/** An off-platform contact mention: a QQ/WeChat/phone/other-app reference or a bare number. */
export interface ContactHit {
  kind: 'qq' | 'wechat' | 'phone' | 'email' | 'other';
  text: string;
  /** governed by a negation (平台规定不能加QQ) — a refusal, not a violation */
  negated: boolean;
}

/** Everything rules and intents need to know about one reply; computed once per reply. */
export interface TextFeatures {
  raw: string;
  /** full-width folded, Traditional -> Simplified, lower-case, obfuscations canonicalised (扣扣 -> qq, 薇信 -> 微信) */
  normalized: string;
  /** number of questions asked in this reply */
  questions: number;
  links: string[];
  phones: string[];
  contacts: ContactHit[];
  /** unicode emoji and 旺旺表情 tokens such as [微笑] or /:^_^ */
  emoji: string[];
  /** the reply is only a bare acknowledgement (嗯 / 好的 / 是的 / 哦 / ok) */
  mechanical: boolean;
}

/** Result of a global-rule text detector. */
export interface Detection {
  hit: boolean;
  /** the part of the reply that caused it, for feedback */
  evidence?: string;
}
