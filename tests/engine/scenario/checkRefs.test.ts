// Static reference checks: each dangling name is reported at the node that names it.
import { describe, expect, it } from 'vitest';
import { checkErrors, edit, goodScenario, pos } from './helpers.ts';

const with_ = (...edits: [string, string][]) => edits.reduce((src, [from, to]) => edit(src, from, to), goodScenario);

describe('checkScenario: references', () => {
  it('accepts the fixture scenario', () => {
    expect(checkErrors(goodScenario)).toEqual([]);
  });

  it('reports an unknown shop at the shop id', () => {
    expect(checkErrors(goodScenario, { shop: undefined })).toEqual([
      `${pos(goodScenario, 'test-shop')}: unknown shop "test-shop": there is no shops/test-shop.yaml`,
    ]);
  });

  it('reports state names that do not exist: initial, goto, silence.leave, tests', () => {
    const src = with_(
      ['initial: ask', 'initial: asking'],
      ['goto: scammed', 'goto: scamed'],
      ['leaveAfter: 60, leave: gone', 'leaveAfter: 60, leave: went'],
      ['    at: ask\n    reply: 亲，', '    at: nowhere\n    reply: 亲，'],
      ['goto: link }', 'goto: lnk }'],
    );
    const errors = checkErrors(src);
    expect(errors).toEqual(expect.arrayContaining([
      `${pos(src, 'went')}: silence.leave "went" is not a state`,
      `${pos(src, 'asking')}: initial state "asking" is not a state (did you mean "ask"?)`,
      `${pos(src, 'scamed')}: goto "scamed" is not a state (did you mean "scammed"?)`,
      `${pos(src, 'nowhere')}: at "nowhere" is not a state`,
      `${pos(src, 'lnk }')}: expect.goto "lnk" is not a state (did you mean "link"?)`,
    ]));
  });

  it('reports a state-level silence.leave and a rule scope naming no state', () => {
    const src = with_(
      ['  bought:\n', '  waiting:\n    say: [等等]\n    on:\n      - else: true\n        goto: bought\n    silence: { leave: vanished }\n  bought:\n'],
      ['scope: { replyTo: ask }', 'scope: { replyTo: asks }'],
    );
    const errors = checkErrors(src);
    expect(errors).toContain(`${pos(src, 'vanished')}: silence.leave "vanished" is not a state`);
    expect(errors).toContain(`${pos(src, 'asks }')}: scope.replyTo "asks" is not a state (did you mean "ask"?)`);
  });

  it('reports each state of a scope list that names no state, where it stands', () => {
    const src = with_(['scope: { replyTo: ask }', 'scope: { state: [ask, asks] }']);
    expect(checkErrors(src)).toContain(`${pos(src, 'asks]')}: scope.state "asks" is not a state (did you mean "ask"?)`);
  });

  it('reports a test at a terminal state', () => {
    const src = edit(goodScenario, '    at: ask\n    reply: 亲，', '    at: bought\n    reply: 亲，');
    expect(checkErrors(src)).toEqual([`${pos(src, 'bought\n    reply')}: state "bought" is terminal: the chat is over there, no reply can be tested`]);
  });

  it('reports unknown intents in transitions, rule checks, unless lists and tests', () => {
    const src = with_(
      ['- intent: give-discount\n        goto: bought', '- intent: [give-discount, give-discunt]\n        goto: bought'],
      ['forbid: { intent: give-discount }', 'forbid: { intent: discount }'],
      ['      - any: [尺码, 码数]', '      - any: [尺码, 码数]\n    unless: [size-chart]'],
      ['notIntents: [give-discount]', 'notIntents: [give-a-discount]'],
    );
    const errors = checkErrors(src);
    expect(errors).toEqual([
      `${pos(src, 'size-chart')}: unknown intent "size-chart": not in the scenario's intents nor in intents.yaml`,
      `${pos(src, 'give-discunt')}: unknown intent "give-discunt": not in the scenario's intents nor in intents.yaml (did you mean "give-discount"?)`,
      `${pos(src, 'discount }')}: unknown intent "discount": not in the scenario's intents nor in intents.yaml`,
      `${pos(src, 'give-a-discount')}: unknown intent "give-a-discount": not in the scenario's intents nor in intents.yaml (did you mean "give-discount"?)`,
    ]);
  });

  it('forbids a scenario intent that redefines a global one', () => {
    const src = edit(goodScenario, '  ask-size:\n', '  greeting:\n');
    expect(checkErrors(src)).toEqual([
      `${pos(src, 'greeting:')}: intent "greeting" is already defined in intents.yaml: pick another id (scenarios add intents, they do not redefine them)`,
    ]);
  });

  it('wants unique rule ids that are not global rule ids', () => {
    const dup = edit(goodScenario, '- id: no-link-click', '- id: no-early-discount');
    expect(checkErrors(dup)).toEqual([`${pos(dup, 'no-early-discount', 2)}: rule id "no-early-discount" is already used by rubric.rules[0]`]);
    const global = edit(goodScenario, '- id: no-link-click', '- id: greeting');
    expect(checkErrors(global)).toEqual([
      `${pos(global, 'greeting')}: rule id "greeting" is a global rule id: pick another id (use rubric.weights or rubric.disable to tune the global rule)`,
    ]);
  });

  it('knows the global rule ids in rubric.disable and rubric.weights', () => {
    const src = edit(goodScenario, 'rubric:\n  rules:', 'rubric:\n  disable: [no-file-accept, no-rude-words]\n  weights: { greting: 5, no-file-accept: 3 }\n  rules:');
    expect(checkErrors(src)).toEqual([
      `${pos(src, 'no-rude-words')}: "no-rude-words" is not a global rule`,
      `${pos(src, 'greting')}: "greting" is not a global rule (did you mean "greeting"?)`,
      `${pos(src, 'no-file-accept: 3')}: global rule "no-file-accept" is disabled in rubric.disable, so its weight has no effect`,
    ]);
  });

  it('checks rule ids named by tests', () => {
    const src = with_(['rubric:\n  rules:', 'rubric:\n  disable: [greeting]\n  rules:'], ['fail: [no-early-discount]', 'fail: [no-early-discont, greeting]']);
    expect(checkErrors(src)).toEqual([
      `${pos(src, 'no-early-discont')}: rule "no-early-discont" is neither a scenario rule nor a global rule (did you mean "no-early-discount"?)`,
      `${pos(src, 'greeting]', 2)}: rule "greeting" is disabled in rubric.disable`,
    ]);
  });

  it('finds products and coupons in the shop', () => {
    const src = with_(
      ['product: trail-boot }', 'product: trail-boots }'],
      ['product: wool-socks', 'product: silk-socks'],
      ['variables:', 'order:\n  id: "1001"\n  items: [{ product: ghost-shoe, price: 10 }]\n  status: paid\n  placedAt: "2025-01-01"\nvariables:'],
      ['      - else: true\n        set: { patience: "-1" }\n        say', '      - action: coupon-sent\n        product: twenty-off\n      - intent: greeting\n        product: trail-boot\n      - else: true\n        set: { patience: "-1" }\n        say'],
    );
    expect(checkErrors(src)).toEqual([
      `${pos(src, 'ghost-shoe')}: shop "test-shop" has no product "ghost-shoe"`,
      `${pos(src, 'trail-boots')}: shop "test-shop" has no product "trail-boots" (did you mean "trail-boot"?)`,
      `${pos(src, 'silk-socks')}: shop "test-shop" has no product "silk-socks"`,
      `${pos(src, 'twenty-off')}: shop "test-shop" has no coupon "twenty-off" (did you mean "ten-off"?)`,
      `${pos(src, 'trail-boot\n')}: product only applies to action card-sent (a product id) or coupon-sent (a coupon id)`,
    ]);
  });

  it('checks the products, intents and matchers of every check in a rule\'s list', () => {
    const src = with_(['forbid: { intent: give-discount }', 'forbid: [{ intent: give-discont }, { action: card-sent, product: silk-shirt }, { action: coupon-sent, product: ten-of }, { match: { regex: "[z-a]" } }]']);
    const errors = checkErrors(src);
    expect(errors).toHaveLength(4);
    expect(errors).toEqual(expect.arrayContaining([
      `${pos(src, 'give-discont')}: unknown intent "give-discont": not in the scenario's intents nor in intents.yaml (did you mean "give-discount"?)`,
      `${pos(src, 'silk-shirt')}: shop "test-shop" has no product "silk-shirt"`,
      `${pos(src, 'ten-of ')}: shop "test-shop" has no coupon "ten-of" (did you mean "ten-off"?)`,
    ]));
    expect(errors.find((e) => e.startsWith(pos(src, '"[z-a]"')))).toMatch(/regex does not compile/);
  });

  it('compiles regexes with the u flag', () => {
    const src = with_(
      ['      - any: [尺码, 码数]', '      - regex: "(尺码"\n      - any: [码]\n        unless: "\\\\p{Nope}"'],
      ['forbid: { intent: give-discount }', 'forbid: { match: { regex: "[z-a]" } }'],
    );
    const errors = checkErrors(src);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(new RegExp(`^${pos(src, '"(尺码"')}: regex does not compile: Invalid regular expression`));
    expect(errors[1]).toMatch(new RegExp(`^${pos(src, '"\\\\p{Nope}"')}: unless does not compile: `));
    expect(errors[2]).toMatch(new RegExp(`^${pos(src, '"[z-a]"')}: regex does not compile: `));
  });
});
