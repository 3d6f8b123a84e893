// The checker reads a forbid rule's topic like its checks: states, intents and matchers named there
// must exist and compile, and a topic on a require rule is refused where it is written.
import { describe, expect, it } from 'vitest';
import { checkErrors, edit, goodScenario, parseErrors, pos } from './helpers.ts';

const withTopic = (topic: string) => edit(goodScenario, 'forbid: { intent: give-discount }', `forbid: { intent: give-discount }\n      topic: ${topic}`);

describe('rule topics', () => {
  it('accept intents and states that exist', () => {
    expect(checkErrors(withTopic('[{ intent: refuse-discount }, { state: [ask, link] }]'))).toEqual([]);
  });

  it('report a topic state or intent that does not exist, where it stands', () => {
    const src = withTopic('[{ intent: refuse-discont }, { state: [ask, asks] }]');
    const errors = checkErrors(src);
    expect(errors).toContain(`${pos(src, 'refuse-discont')}: unknown intent "refuse-discont": not in the scenario's intents nor in intents.yaml (did you mean "refuse-discount"?)`);
    expect(errors).toContain(`${pos(src, 'asks]')}: topic state "asks" is not a state (did you mean "ask"?)`);
  });

  it('report a topic regex that does not compile', () => {
    const src = withTopic("{ match: { regex: '运费(' } }");
    expect(checkErrors(src).join('\n')).toMatch(/regex does not compile/);
  });

  it('refuse a topic on a require rule', () => {
    const src = edit(goodScenario, "      forbid: { action: link-opened }\n", "      require: { action: link-opened }\n      topic: { state: ask }\n");
    expect(parseErrors(src)).toEqual([`${pos(src, '{ state: ask }')}: rubric.rules[1].topic: topic only applies to a forbid rule`]);
  });
});
