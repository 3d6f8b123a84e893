// A small, self-contained scenario and shop for session tests: it does not depend on the persona
// library, so a change of wording there cannot break the engine's own tests.
import { parse } from 'yaml';
import { compileScenario, lexiconSchema, scenarioSchema, shopSchema } from '../../../server/engine/index.ts';
import type { Bundle, CompiledScenario } from '../../../server/engine/index.ts';

export const shop = shopSchema.parse({
  id: 'test-shop',
  name: { 'zh-CN': '测试鞋店', en: 'Test shoe shop' },
  brand: 'Testa',
  platform: 'tmall',
  agents: ['小测'],
  products: [
    { id: 'trail-boot', name: { 'zh-CN': '登山靴', en: 'Trail boot' }, category: 'boots', price: 599, sizes: ['41', '42', '43'] },
    { id: 'wool-socks', name: { 'zh-CN': '羊毛袜', en: 'Wool socks' }, category: 'socks', price: 39 },
  ],
  coupons: [{ id: 'ten-off', label: { 'zh-CN': '满300减10', en: '10 off 300' }, amount: 10, minSpend: 300 }],
  shipping: { fee: 10, courier: 'YTO', dispatchCutoff: '16:00' },
  policies: [{ id: 'seven-day', text: { 'zh-CN': '7天无理由退换', en: '7-day no-reason returns' } }],
});

export const lexicon = lexiconSchema.parse({
  intents: {
    'give-discount': { match: [{ any: ['便宜', '优惠', '打折'] }] },
    'refuse-discount': { match: [{ any: ['便宜', '优惠'], negation: 'require' }] },
    'ask-screenshot': { match: [{ any: ['截图', '图片'] }] },
  },
});

export const scenarioYaml = `
id: mini-haggle
version: 3
title: { zh-CN: 小小议价, en: Tiny haggle }
description: { zh-CN: 测试用的议价买家, en: A haggler for tests }
persona: bargainer
difficulty: easy
shop: test-shop
buyer: { nickname: 阿测, avatar: fox, types: [price-sensitive] }
variables:
  patience: { type: int, min: 0, max: 2, initial: 2 }
silence: { nudgeAfter: 30, nudge: [[在吗?, 人呢?]], leaveAfter: 60, leave: gone }
initial: ask
states:
  ask:
    say:
      - [这双登山靴能便宜点吗?, 登山靴还能优惠吗?]
    on:
      - intent: give-discount
        goto: bought-cheap
      - intent: refuse-discount
        set: { patience: "-1" }
        goto: link
      - action: card-sent
        product: wool-socks
        say: [袜子不错]
      - else: true
        set: { patience: "-1" }
        say: [[你倒是说话呀, 到底行不行]]
    always: []
  link:
    say:
      - variants: [那你看看这个链接, 这个链接里更便宜]
        attachment: { kind: link, url: "http://cheap.example/x", unsafe: true }
      - variants: [我再发个清单给你]
        attachment: { kind: file, name: list.xlsx }
    on:
      - action: link-opened
        goto: scammed
      - intent: ask-screenshot
        goto: bought
      - else: true
        set: { patience: "-1" }
    always:
      - when: { patience: "<= 0" }
        goto: gone
  bought:
    say: [好吧那我拍了]
    outcome: { kind: purchased }
  bought-cheap:
    say: [太好了马上拍]
    outcome: { kind: purchased, label: { zh-CN: 降价成交, en: Bought with a discount } }
  scammed:
    outcome: { kind: scammed }
  gone:
    say: [算了不买了]
    outcome: { kind: left }
rubric:
  rules:
    - id: no-discount
      category: sales
      forbid: { intent: give-discount }
      feedback: { zh-CN: 不要一开口就降价, en: Do not cut the price at the first ask }
      modelReply: { zh-CN: 亲，这已经是活动价了哦, en: This is already the promotion price }
`;

export const scenario = scenarioSchema.parse(parse(scenarioYaml));
export const bundle: Bundle = { scenario, shop, lexicon };
export function compiled(): CompiledScenario {
  return compileScenario(bundle);
}

/**
 * The haggler with a complaint in her link move, and a scenario rule that wants the trainee's first
 * answer to it to ask for a screenshot (the crossed-message and holding-line tests judge that
 * answer). `edit` changes the YAML further before it is compiled.
 */
export function complainingHaggler(edit: (yaml: string) => string = (y) => y): CompiledScenario {
  const yaml = scenarioYaml.replace('  link:\n    say:', '  link:\n    complaint: service\n    say:').replace(
    'rubric:\n  rules:\n',
    [
      'rubric:',
      '  rules:',
      '    - id: screenshot-first',
      '      category: professionalism',
      '      require: { intent: ask-screenshot }',
      '      scope: { replyTo: link }',
      '      feedback: { zh-CN: 先请买家发截图, en: Ask for a screenshot first }',
      '      modelReply: { zh-CN: 麻烦您截个图发过来, en: Could you send a screenshot? }',
      '',
    ].join('\n'),
  );
  return compileScenario({ scenario: scenarioSchema.parse(parse(edit(yaml))), shop, lexicon });
}
