// Reference checks: every name a scenario uses (states, intents, rules, products, coupons) must
// exist where the engine will look it up; a dangling name would otherwise fail mid-chat.
import { asList, forEachAttachment, forEachMatcher, isTerminal, regexError } from './checkWalk.ts';
import type { Reporter } from './checkWalk.ts';
import { eachCheck, globalRuleIds, ruleCheckKeys } from './schema.ts';
import type { Lexicon, Scenario } from './schema.ts';
import type { Shop } from './shopSchema.ts';
import type { JsonPath } from './sourceMap.ts';
import { didYouMean } from './words.ts';

export function checkStateRefs(s: Scenario, r: Reporter): void {
  const names = Object.keys(s.states);
  const need = (name: string | undefined, path: JsonPath, what: string) => {
    if (name !== undefined && !(name in s.states)) r.at(path, `${what} "${name}" is not a state${didYouMean(name, names)}`);
  };
  need(s.initial, ['initial'], 'initial state');
  need(s.silence.leave, ['silence', 'leave'], 'silence.leave');
  for (const [id, state] of Object.entries(s.states)) {
    state.on?.forEach((t, i) => need(t.goto, ['states', id, 'on', i, 'goto'], 'goto'));
    state.always?.forEach((t, i) => need(t.goto, ['states', id, 'always', i, 'goto'], 'goto'));
    if (state.silence) need(state.silence.leave, ['states', id, 'silence', 'leave'], 'silence.leave');
  }
  s.tests.forEach((t, i) => {
    need(t.at, ['tests', i, 'at'], 'at');
    need(t.expect.goto, ['tests', i, 'expect', 'goto'], 'expect.goto');
    const at = s.states[t.at];
    if (at && isTerminal(at)) r.at(['tests', i, 'at'], `state "${t.at}" is terminal: the chat is over there, no reply can be tested`);
  });
  s.rubric.rules.forEach((rule, i) => {
    for (const [check, at] of eachCheck(rule.topic)) {
      const list = Array.isArray(check.state);
      asList(check.state).forEach((state, k) => need(state, ['rubric', 'rules', i, 'topic', ...at, 'state', ...(list ? [k] : [])], 'topic state'));
    }
    if (typeof rule.scope !== 'object') return;
    if ('replyTo' in rule.scope) return need(rule.scope.replyTo, ['rubric', 'rules', i, 'scope', 'replyTo'], 'scope.replyTo');
    const list = typeof rule.scope.state !== 'string';
    asList(rule.scope.state).forEach((state, k) => need(state, ['rubric', 'rules', i, 'scope', 'state', ...(list ? [k] : [])], 'scope.state'));
  });
}

export function checkIntentRefs(s: Scenario, lexicon: Lexicon, r: Reporter): void {
  const known = new Set([...Object.keys(lexicon.intents), ...Object.keys(s.intents)]);
  const need = (value: string | readonly string[] | undefined, path: JsonPath) =>
    asList(value).forEach((name, k) => {
      if (known.has(name)) return;
      const at = Array.isArray(value) ? [...path, k] : path;
      r.at(at, `unknown intent "${name}": not in the scenario's intents nor in intents.yaml${didYouMean(name, known)}`);
    });
  for (const id of Object.keys(s.intents)) {
    if (id in lexicon.intents) r.atKey(['intents', id], `intent "${id}" is already defined in intents.yaml: pick another id (scenarios add intents, they do not redefine them)`);
  }
  for (const [id, intent] of Object.entries(s.intents)) need(intent.unless, ['intents', id, 'unless']);
  for (const [id, state] of Object.entries(s.states)) state.on?.forEach((t, i) => need(t.intent, ['states', id, 'on', i, 'intent']));
  s.rubric.rules.forEach((rule, i) => {
    for (const key of ruleCheckKeys) {
      for (const [check, at] of eachCheck(rule[key])) need(check.intent, ['rubric', 'rules', i, key, ...at, 'intent']);
    }
  });
  s.tests.forEach((t, i) => {
    need(t.expect.intents, ['tests', i, 'expect', 'intents']);
    need(t.expect.notIntents, ['tests', i, 'expect', 'notIntents']);
  });
}

const GLOBAL_RULES: ReadonlySet<string> = new Set(globalRuleIds);

export function checkRuleRefs(s: Scenario, r: Reporter): void {
  const seen = new Map<string, number>();
  s.rubric.rules.forEach((rule, i) => {
    const path = ['rubric', 'rules', i, 'id'];
    if (GLOBAL_RULES.has(rule.id)) r.at(path, `rule id "${rule.id}" is a global rule id: pick another id (use rubric.weights or rubric.disable to tune the global rule)`);
    const first = seen.get(rule.id);
    if (first !== undefined) r.at(path, `rule id "${rule.id}" is already used by rubric.rules[${first}]`);
    else seen.set(rule.id, i);
  });
  s.rubric.disable.forEach((id, i) => {
    if (!GLOBAL_RULES.has(id)) r.at(['rubric', 'disable', i], `"${id}" is not a global rule${didYouMean(id, GLOBAL_RULES)}`);
  });
  for (const id of Object.keys(s.rubric.weights)) {
    if (!GLOBAL_RULES.has(id)) r.atKey(['rubric', 'weights', id], `"${id}" is not a global rule${didYouMean(id, GLOBAL_RULES)}`);
    else if (s.rubric.disable.includes(id)) r.atKey(['rubric', 'weights', id], `global rule "${id}" is disabled in rubric.disable, so its weight has no effect`);
  }
  const active = new Set([...seen.keys(), ...globalRuleIds.filter((id) => !s.rubric.disable.includes(id))]);
  s.tests.forEach((t, i) => {
    for (const key of ['pass', 'fail'] as const) {
      t.expect[key]?.forEach((id, k) => {
        if (active.has(id)) return;
        const why = GLOBAL_RULES.has(id) ? 'is disabled in rubric.disable' : `is neither a scenario rule nor a global rule${didYouMean(id, active)}`;
        r.at(['tests', i, 'expect', key, k], `rule "${id}" ${why}`);
      });
    }
  });
}

export function checkShopRefs(s: Scenario, shop: Shop | undefined, r: Reporter): void {
  if (!shop) {
    r.at(['shop'], `unknown shop "${s.shop}": there is no shops/${s.shop}.yaml`);
    return;
  }
  const products = shop.products.map((p) => p.id);
  const coupons = shop.coupons.map((c) => c.id);
  const product = (id: string, path: JsonPath) => {
    if (!products.includes(id)) r.at(path, `shop "${shop.id}" has no product "${id}"${didYouMean(id, products)}`);
  };
  forEachAttachment(s, (a, path) => {
    if (a.kind === 'product-link') product(a.product, [...path, 'product']);
  });
  s.order?.items.forEach((item, i) => product(item.product, ['order', 'items', i, 'product']));
  for (const [id, state] of Object.entries(s.states)) {
    state.on?.forEach((t, i) => {
      if (t.product === undefined) return;
      const path = ['states', id, 'on', i, 'product'];
      if (t.action === 'card-sent') product(t.product, path);
      else if (t.action === 'coupon-sent') {
        if (!coupons.includes(t.product)) r.at(path, `shop "${shop.id}" has no coupon "${t.product}"${didYouMean(t.product, coupons)}`);
      } else r.at(path, 'product only applies to action card-sent (a product id) or coupon-sent (a coupon id)');
    });
  }
  s.rubric.rules.forEach((rule, i) => {
    for (const key of ruleCheckKeys) {
      for (const [check, at] of eachCheck(rule[key])) {
        if (check.product === undefined) continue;
        const path = ['rubric', 'rules', i, key, ...at, 'product'];
        if (check.action === 'card-sent') product(check.product, path);
        else if (!coupons.includes(check.product)) r.at(path, `shop "${shop.id}" has no coupon "${check.product}"${didYouMean(check.product, coupons)}`);
      }
    }
  });
}

export function checkRegexes(s: Scenario, r: Reporter): void {
  forEachMatcher(s, (m, path) => {
    for (const key of ['regex', 'unless'] as const) {
      const source = m[key];
      const error = source === undefined ? undefined : regexError(source);
      if (error !== undefined) r.at([...path, key], `${key} does not compile: ${error}`);
    }
  });
}
