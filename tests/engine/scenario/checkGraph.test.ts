// Static checks of the state graph, silence, rule reachability and variables.
import { describe, expect, it } from 'vitest';
import { parseLexiconSource, parseShopSource } from '../../../server/engine/index.ts';
import { checkLexicon, checkShop } from '../../../server/engine/scenario/check.ts';
import { checkErrors, edit, goodScenario, pos } from './helpers.ts';

const with_ = (...edits: [string, string][]) => edits.reduce((src, [from, to]) => edit(src, from, to), goodScenario);

/** A second, tiny scenario whose graph each test rewrites completely. */
function graph(states: string, extra = ''): string {
  const head = goodScenario.slice(0, goodScenario.indexOf('silence: {'));
  return `${head}silence: { leaveAfter: 60, leave: gone }\ninitial: a\nstates:\n${states}  gone:\n    outcome: { kind: left }\n${extra}`;
}

describe('checkScenario: the state graph', () => {
  it('keeps terminal states terminal', () => {
    const src = edit(goodScenario, '    say: [好吧那我拍了]\n', '    say: [好吧那我拍了]\n    on:\n      - else: true\n    always:\n      - when: { patience: 0 }\n        goto: gone\n    silence: { nudgeAfter: 5 }\n');
    expect(checkErrors(src)).toEqual([
      `${pos(src, '- else: true', 3)}: state "bought" has an outcome, so it is terminal: it cannot have on transitions`,
      `${pos(src, '- when: { patience: 0 }')}: state "bought" has an outcome, so it is terminal: it cannot have always transitions`,
      `${pos(src, '{ nudgeAfter: 5 }')}: state "bought" has an outcome, so it is terminal: the buyer does not nudge or leave any more (remove silence)`,
    ]);
  });

  it('wants a way out of every other state', () => {
    const src = graph('  a:\n    on:\n      - intent: greeting\n        goto: b\n  b:\n    silence: false\n    on:\n      - else: true\n');
    expect(checkErrors(src)).toEqual([`${pos(src, 'b:\n    silence')}: state "b" has no way out: add an outcome, a transition with goto, or silence.leave`]);
  });

  it('reports states never reached from initial', () => {
    const src = graph('  a:\n    on:\n      - intent: greeting\n        goto: gone\n  island:\n    on:\n      - else: true\n        goto: gone\n');
    expect(checkErrors(src)).toEqual([`${pos(src, 'island:')}: state "island" is never reached from the initial state "a"`]);
  });

  it('reports trap cycles that can never end', () => {
    const src = graph('  a:\n    on:\n      - intent: greeting\n        goto: b\n  b:\n    silence: false\n    on:\n      - else: true\n        goto: c\n  c:\n    silence: false\n    always:\n      - when: { patience: 0 }\n        goto: b\n');
    expect(checkErrors(src)).toEqual([
      `${pos(src, 'b:\n    silence')}: no outcome can be reached from state "b": the chat gets stuck in a loop without an ending`,
      `${pos(src, 'c:\n    silence')}: no outcome can be reached from state "c": the chat gets stuck in a loop without an ending`,
    ]);
  });

  it('needs at least one outcome', () => {
    const src = graph('  a:\n    on:\n      - else: true\n        goto: gone\n').replace('    outcome: { kind: left }\n', '    on:\n      - else: true\n        goto: a\n');
    const errors = checkErrors(src);
    expect(errors).toContain(`${pos(src, 'states:')}: no state has an outcome: every scenario needs at least one ending`);
  });

  it('rejects an always transition back to its own state', () => {
    const src = edit(goodScenario, '      - when: { patience: "<= 0" }\n        goto: gone', '      - when: { patience: "<= 0" }\n        goto: link');
    expect(checkErrors(src)).toEqual([`${pos(src, 'link\n  bought:')}: an always transition back to its own state "link" would loop for as long as its guard holds`]);
  });
});

describe('checkScenario: silence', () => {
  it('says when an ignored buyer never leaves', () => {
    const src = edit(goodScenario, 'leaveAfter: 60, leave: gone }', 'leaveAfter: 60 }');
    const errors = checkErrors(src);
    expect(errors).toContain(`${pos(src, 'ask:\n')}: state "ask": the buyer never leaves when ignored: set silence.leave here or at the scenario level, or write silence: false if waiting forever is intended`);
    expect(errors).toContain(`${pos(src, 'link:\n')}: state "link": the buyer never leaves when ignored: set silence.leave here or at the scenario level, or write silence: false if waiting forever is intended`);
  });

  it('accepts silence: false and a state-level leave', () => {
    const src = with_(['leaveAfter: 60, leave: gone }', 'leaveAfter: 60 }'], ['  ask:\n    say:', '  ask:\n    silence: false\n    say:'], ['  link:\n    say:', '  link:\n    silence: { leave: gone }\n    say:']);
    expect(checkErrors(src)).toEqual([]);
  });

  it('needs leaveAfter with leave, and nudgeAfter with nudge', () => {
    const src = edit(goodScenario, 'silence: { nudgeAfter: 30, nudge: [[在吗?, 人呢?]], leaveAfter: 60, leave: gone }', 'silence: { nudge: [[在吗?, 人呢?]], leave: gone }');
    const errors = checkErrors(src);
    expect(errors).toContain(`${pos(src, 'ask:\n')}: state "ask": silence.leave is set but silence.leaveAfter is not, so the buyer never leaves when ignored`);
    expect(errors).toContain(`${pos(src, 'ask:\n')}: state "ask": silence.nudge lines are never said without silence.nudgeAfter`);
  });
});

describe('checkScenario: rules must be able to fire', () => {
  it('needs a reachable scope state', () => {
    const src = with_(['scope: { replyTo: ask }', 'scope: { state: island }'], ['  bought:\n', '  island:\n    on:\n      - else: true\n        goto: bought\n  bought:\n']);
    expect(checkErrors(src)).toEqual([
      `${pos(src, 'island:')}: state "island" is never reached from the initial state "ask"`,
      `${pos(src, 'island }')}: rule "no-early-discount" can never fire: state "island" is never reached`,
    ]);
  });

  it('fires when any state of a scope list is reached, and names the list when none is', () => {
    const island: [string, string] = ['  bought:\n', '  island:\n    on:\n      - else: true\n        goto: bought\n  bought:\n'];
    const some = with_(['scope: { replyTo: ask }', 'scope: { state: [island, ask] }'], island);
    expect(checkErrors(some)).toEqual([`${pos(some, 'island:')}: state "island" is never reached from the initial state "ask"`]);
    const none = with_(['scope: { replyTo: ask }', 'scope: { state: [island] }'], island);
    expect(checkErrors(none)).toEqual([
      `${pos(none, 'island:')}: state "island" is never reached from the initial state "ask"`,
      `${pos(none, '[island]')}: rule "no-early-discount" can never fire: state "island" is never reached`,
    ]);
  });

  it('needs an unsafe link for link-opened and a file for file actions', () => {
    const src = with_(['unsafe: true }', 'unsafe: false }'], ['forbid: { intent: give-discount }', 'require: { action: file-declined }']);
    expect(checkErrors(src)).toEqual([
      `${pos(src, 'file-declined }')}: rule "no-early-discount" can never fire: action file-declined needs a buyer line with a file attachment`,
      `${pos(src, 'link-opened }')}: red-line rule "no-link-click" can never fire: action link-opened needs a buyer line with an unsafe link attachment`,
    ]);
  });
});

describe('checkScenario: variables', () => {
  it('reports unknown variables at their key', () => {
    const src = with_(['set: { got-gift: true }', 'set: { gotGift: true }'], ['when: { patience: "<= 0" }', 'when: { patiense: "<= 0" }']);
    expect(checkErrors(src)).toEqual([
      `${pos(src, 'gotGift')}: unknown variable "gotGift" (did you mean "got-gift"?)`,
      `${pos(src, 'patiense')}: unknown variable "patiense" (did you mean "patience"?)`,
    ]);
  });

  it('checks types and bounds in when, set and test vars', () => {
    const src = with_(
      ['set: { got-gift: true }', 'set: { got-gift: 1, patience: true }'],
      ['when: { patience: "<= 0" }', 'when: { patience: "<= 5", got-gift: "== 1" }'],
      ['    at: ask\n    reply: 好的', '    at: ask\n    vars: { patience: -1, got-gift: false }\n    reply: 好的'],
    );
    expect(checkErrors(src)).toEqual([
      `${pos(src, '1, patience')}: "got-gift" is a bool variable: use true or false, not 1`,
      `${pos(src, 'true }')}: "patience" is an int variable (0..2): give it a whole number, not true`,
      `${pos(src, '"<= 5"')}: 5 is outside the bounds of "patience" (0..2)`,
      `${pos(src, '"== 1"')}: "got-gift" is a bool variable: use true or false, not "== 1"`,
      `${pos(src, '-1, got')}: -1 is outside the bounds of "patience" (0..2)`,
    ]);
  });
});

describe('checkLexicon and checkShop', () => {
  it('checks unless references and regexes of the global lexicon', () => {
    const src = 'intents:\n  a:\n    match:\n      - regex: "(x"\n    unless: [b, a]\n';
    const parsed = parseLexiconSource(src, 'intents.yaml');
    if (!parsed.ok) throw new Error('must parse');
    const messages = checkLexicon(parsed.value, parsed.map, 'intents.yaml').map((d) => `${d.line}:${d.col}: ${d.message}`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^4:16: regex does not compile: /);
    expect(messages.slice(1)).toEqual(['5:14: unknown intent "b"', '5:17: intent "a" cannot veto itself']);
  });

  it('wants unique ids in a shop and stock only for listed sizes', () => {
    const src = [
      'id: s', 'name: { zh-CN: 店, en: Shop }', 'brand: B', 'platform: jd', 'agents: [a]',
      'products:',
      '  - { id: p, name: { zh-CN: 鞋, en: Shoe }, category: shoes, price: 1, sizes: ["40"], stock: { "41": 2 } }',
      '  - { id: p, name: { zh-CN: 鞋, en: Shoe }, category: shoes, price: 1 }',
      'shipping: { fee: 0, courier: SF, dispatchCutoff: "16:00" }',
      'policies: [{ id: x, text: { zh-CN: 规则, en: Rule } }]',
    ].join('\n');
    const parsed = parseShopSource(src, 'shops/s.yaml');
    if (!parsed.ok) throw new Error('must parse');
    expect(checkShop(parsed.value, parsed.map, 'shops/s.yaml').map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([
      `${pos(src, '"41"')}: stock lists size "41", which is not in sizes of "p"`,
      '8:11: id "p" is already used by products[0]',
    ]);
  });
});
