// A new scenario from nothing ("空白开始"): the least the checks accept, so the trainer starts from a
// clean check and the forms have one of each part to copy: one buyer move with one line, one ending,
// one rubric rule. Written in Chinese only (English is optional in authored texts), at version 1.
// The buyer waits in her move (`silence: false`): without it the checks ask for a move she leaves
// to, which is one more part to understand before the first play-test.

/** The create form's choice that stands for no template (never a scenario id: those are kebab-case). */
export const BLANK_START = ':blank';

/**
 * The YAML of a blank scenario `id` in shop `shop` (any shop of the library: the buyer names no
 * product), headed by `header` as comment lines.
 */
export function blankScenario(id: string, shop: string, header: string): string {
  const comments = header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n');
  return `${comments}
id: ${id}
version: 1
title: { zh-CN: 新剧本 }
description: { zh-CN: 写一两句：买家是谁、想要什么，客服要练习什么。 }
persona: custom
difficulty: easy
shop: ${shop}
buyer:
  nickname: 新买家
  avatar: ${id}
  types: [clear-needs]

initial: opening
states:
  opening:
    label: { zh-CN: 开场提问 }
    say:
      - [在吗？想问一下。]
    silence: false
    on:
      - else: true
        goto: done
  done:
    label: { zh-CN: 问题解决 }
    outcome: { kind: resolved }

rubric:
  rules:
    - id: rule-1
      title: { zh-CN: 问清需求 }
      category: sales
      require: { intent: ask-needs }
      feedback: { zh-CN: 先问清楚买家想要什么，再给建议。 }
      modelReply: { zh-CN: 亲，您好~ 请问您想了解哪方面呢？我帮您看看。 }
`;
}
