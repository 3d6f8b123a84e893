// Colour contrast of the pairs the app really paints, read from the CSS files themselves (custom
// properties resolved), so a colour change that drops one below WCAG 2.1 AA fails here by name.
// Normal text 4.5:1; large text (>= 24 px, or >= 18.66 px bold) 3:1; the boundaries of fields, state
// graphics and focus indicators 3:1 against what they sit on (1.4.11). Disabled controls are exempt.
import { describe, expect, test } from 'vitest';
import type { Rgba } from './cssColours.ts';
import { coloursIn, contrast, declared, isDeclared, over } from './cssColours.ts';

const TEXT = 4.5;
const LARGE = 3;
const UI = 3;

const FILES = {
  base: 'styles/base.css',
  shell: 'features/shell/shell.css',
  workspace: 'features/chat/workspace.css',
  chat: 'features/chat/chat.css',
  composer: 'features/chat/composer.css',
  verdicts: 'features/chat/verdicts.css',
  att: 'features/chat/attachments.css',
  side: 'features/side/side.css',
  home: 'features/home/home.css',
  report: 'features/report/report.css',
  drill: 'features/drill/drill.css',
  trainer: 'features/trainer/trainer.css',
  live: 'features/trainer/live.css',
  accounts: 'features/trainer/accounts.css',
  results: 'features/trainer/results.css',
  studio: 'features/studio/studio.css',
} as const;

/** A colour declared in a rule (`file`, `selector`, `property`), or a literal with the reason for it. */
type Ref = readonly [keyof typeof FILES, string, string] | { literal: string; why: string };

interface Pair {
  /** What is painted: the selector of its rule and the part (text, border, outline ...). */
  name: string;
  fg: Ref;
  /** What it sits on, bottom layer first (a translucent layer is painted over the ones below). */
  on: Ref[];
  min: number;
  /** The element's own `opacity`, when it has one. */
  opacity?: Ref;
}

const value = (ref: Ref): string => ('literal' in ref ? ref.literal : declared(FILES[ref[0]], ref[1], ref[2]));
const colours = (ref: Ref): Rgba[] => coloursIn(value(ref));
const hasValue = (ref: Ref): boolean => 'literal' in ref || isDeclared(FILES[ref[0]], ref[1], ref[2]);
const WHITE_DIALOG: Ref = { literal: '#fff', why: 'a <dialog> is painted with the Canvas colour, white in the light scheme' };

// Pages and panels the pairs below sit on. The trainer's pages and the studio put their .trainer-card
// sections straight on the page grey (no fill), so their text is checked on BODY.
const BODY: Ref = ['base', 'body', 'background'];
const PANEL: Ref = ['base', '.panel', 'background'];
const BODY_TEXT: Ref = ['base', 'body', 'color'];
const MUTED: Ref = ['base', '.muted', 'color'];
const TOPBAR: Ref = ['shell', '.topbar', 'background'];
const TRAINER_BAR: Ref = ['shell', '.topbar-trainer', 'background'];
const CHAT: Ref = ['chat', '.chat-scroll', 'background'];
const TILE: Ref = ['trainer', '.tile', 'background'];
const TILE_RED: Ref = ['trainer', '.tile-red', 'background'];

const text = (name: string, fg: Ref, on: Ref[], min = TEXT): Pair => ({ name, fg, on, min });
const ui = (name: string, fg: Ref, on: Ref[]): Pair => ({ name, fg, on, min: UI });
/** A coloured chip, badge or banner: its own text colour on its own background. */
const own = (key: keyof typeof FILES, selector: string): Pair => text(`${selector} text`, [key, selector, 'color'], [[key, selector, 'background']]);

const PAIRS: Pair[] = [
  // base.css: the page, links, buttons, fields, badges, focus
  text('body text on the page', BODY_TEXT, [BODY]),
  text('a (link) on the page', ['base', 'a', 'color'], [BODY]),
  text('.muted on the page', MUTED, [BODY]),
  text('::placeholder in a .text-input', ['base', '::placeholder', 'color'], [['base', '.text-input', 'background']]),
  text('::placeholder in the .composer', ['base', '::placeholder', 'color'], [['composer', '.composer', 'background']]),
  text('.error-text on the page', ['base', '.error-text', 'color'], [BODY]),
  own('base', '.btn'),
  text('.btn:hover text', ['base', '.btn', 'color'], [['base', '.btn:hover', 'background']]),
  own('base', '.btn-primary'),
  text('.btn-primary:hover text', ['base', '.btn-primary', 'color'], [['base', '.btn-primary:hover', 'background']]),
  own('base', '.btn-blue'),
  text('.btn-blue:hover text', ['base', '.btn-blue', 'color'], [['base', '.btn-blue:hover', 'background']]),
  ui(':focus-visible outline on the page', ['base', ':focus-visible', 'outline'], [BODY]),
  ui(':focus-visible outline on a panel', ['base', ':focus-visible', 'outline'], [PANEL]),
  ui('.text-input border on the page', ['base', '.text-input', 'border'], [BODY]),
  ui('.text-input border against its own fill', ['base', '.text-input', 'border'], [['base', '.text-input', 'background']]),
  own('base', '.badge'),
  own('base', '.badge-blue'),
  own('base', '.badge-orange'),
  own('base', '.badge-green'),
  own('base', '.badge-red'),

  // shell.css: the blue top bars (every stop of their gradients), nav states, connection pill
  text('.topbar text', ['shell', '.topbar', 'color'], [TOPBAR]),
  { name: '.topbar-nav a text (with any opacity it is given)', fg: ['shell', '.topbar', 'color'], on: [TOPBAR], opacity: ['shell', '.topbar-nav a', 'opacity'], min: TEXT },
  text('.topbar-nav a:hover text', ['shell', '.topbar', 'color'], [TOPBAR, ['shell', '.topbar-nav a:hover', 'background']]),
  text(".topbar-nav a[aria-current='page'] text", ['shell', '.topbar', 'color'], [TOPBAR, ['shell', ".topbar-nav a[aria-current='page']", 'background']]),
  ui('.topbar :focus-visible outline', ['shell', '.topbar :focus-visible', 'outline-color'], [TOPBAR]),
  text('.topbar-logo text', ['shell', '.topbar', 'color'], [['shell', '.topbar-logo', 'background']]),
  text('.lang-switch button text', ['shell', '.lang-switch button', 'color'], [TOPBAR]),
  text(".lang-switch button[aria-pressed='true'] text", ['shell', ".lang-switch button[aria-pressed='true']", 'color'], [['shell', ".lang-switch button[aria-pressed='true']", 'background']]),
  text('.topbar-trainer .topbar-nav a text', ['shell', '.topbar-trainer .topbar-nav a', 'color'], [TRAINER_BAR]),
  text('.topbar-trainer .topbar-nav a:hover text', ['shell', '.topbar-trainer .topbar-nav a', 'color'], [TRAINER_BAR, ['shell', '.topbar-trainer .topbar-nav a:hover', 'background']]),
  text(".topbar-trainer .topbar-nav a[aria-current='page'] text", ['shell', '.topbar-trainer .topbar-nav a', 'color'], [TRAINER_BAR, ['shell', ".topbar-trainer .topbar-nav a[aria-current='page']", 'background']]),
  own('shell', '.conn-connecting'),
  own('shell', '.conn-offline'),
  ui('.conn-online .conn-dot::after tick on the green dot', ['shell', '.conn-online .conn-dot::after', 'border'], [['shell', '.conn-online .conn-dot', 'background']]),

  // chat: conversation list, banners, messages, composer, verdict chips, attachments
  own('workspace', '.offline-banner'),
  own('workspace', '.offline-banner.connecting'),
  text('.convo-time on .convo-list', ['workspace', '.convo-time', 'color'], [['workspace', '.convo-list', 'background']]),
  text('.convo-preview on .convo-item:hover', ['workspace', '.convo-preview', 'color'], [['workspace', '.convo-item:hover', 'background']]),
  text('.convo-preview on .convo-item.active', ['workspace', '.convo-preview', 'color'], [['workspace', '.convo-item.active', 'background']]),
  ui('.convo-item.active marker bar', ['workspace', '.convo-item.active', 'box-shadow'], [['workspace', '.convo-item.active', 'background']]),
  own('workspace', '.unread-badge'),
  own('workspace', '.wait-timer'),
  own('workspace', '.wait-amber'),
  own('workspace', '.wait-red'),
  text('.notice-danger .notice-target code', ['workspace', '.notice-danger .notice-target code', 'color'], [['workspace', '.notice-target', 'background']]),
  text('.chat-head p', ['chat', '.chat-head p', 'color'], [['workspace', '.workspace-main', 'background']]),
  own('chat', '.chat-banner'),
  text('.chat-banner-error text', ['chat', '.chat-banner-error', 'color'], [['chat', '.chat-banner-error', 'background']]),
  own('chat', '.chat-banner-outcome'),
  own('chat', '.chat-banner-outcome.bad'),
  own('chat', '.chat-banner-ended'),
  text('.msg-meta on .chat-scroll', ['chat', '.msg-meta', 'color'], [CHAT]),
  text('.msg-trainee .bubble text', BODY_TEXT, [['chat', '.msg-trainee .bubble', 'background']]),
  text('.pending-status on .chat-scroll', ['chat', '.pending-status', 'color'], [CHAT]),
  text('.pending-status.queued on .chat-scroll', ['chat', '.pending-status.queued', 'color'], [CHAT]),
  text('.pending-status.failed on .chat-scroll', ['chat', '.pending-status.failed', 'color'], [CHAT]),
  text('.link-inline in a .bubble', ['chat', '.link-inline', 'color'], [['chat', '.bubble', 'background']]),
  text('.chat-note on its .chat-note > span pill', ['chat', '.chat-note', 'color'], [['chat', '.chat-note > span', 'background']]),
  text('.chat-note-warn > span text', ['chat', '.chat-note-warn > span', 'color'], [['chat', '.chat-note-warn > span', 'background']]),
  text('.typing on .chat-scroll', ['chat', '.typing', 'color'], [CHAT]),
  text('.tool on .composer', ['composer', '.tool', 'color'], [['composer', '.composer', 'background']]),
  own('composer', '.tool:hover:not(:disabled)'),
  ui('.composer-input:focus-visible border', ['composer', '.composer-input:focus-visible', 'border-color'], [['composer', '.composer', 'background']]),
  ui(".composer-input[aria-invalid='true'] border", ['composer', ".composer-input[aria-invalid='true']", 'border-color'], [['composer', '.composer', 'background']]),
  text('.composer-count', ['composer', '.composer-count', 'color'], [['composer', '.composer', 'background']]),
  text('.panel-tabs button', ['composer', '.panel-tabs button', 'color'], [['composer', '.composer-panel', 'background']]),
  own('composer', ".panel-tabs button[aria-selected='true']"),
  text('.phrase-gloss on .phrase-item', ['composer', '.phrase-gloss', 'color'], [['composer', '.phrase-item', 'background']]),
  text('.phrase-gloss on .phrase-item:hover', ['composer', '.phrase-gloss', 'color'], [['composer', '.phrase-item:hover', 'background']]),
  ui('.phrase-edit textarea border', ['composer', '.phrase-edit textarea', 'border'], [['composer', '.composer-panel', 'background']]),
  ui('.phrase-add input border', ['composer', '.phrase-add input', 'border'], [['composer', '.phrase-add', 'background']]),
  own('verdicts', '.chip-pass'),
  own('verdicts', '.chip-fail'),
  own('verdicts', '.chip-tag'),
  text('.verdict-model', ['verdicts', '.verdict-model', 'color'], [['verdicts', '.verdict-detail', 'background']]),
  text('.att-label', ['att', '.att-label', 'color'], [['att', '.att', 'background']]),
  text('.product-price strong', ['att', '.product-price strong', 'color'], [['att', '.att', 'background']]),
  text('.product-price s', ['att', '.product-price s', 'color'], [['att', '.att', 'background']]),
  text('.att-link-url', ['att', '.att-link-url', 'color'], [['att', '.att', 'background']]),
  text('.att-photo-file on .att-photo-frame stripes', ['att', '.att-photo-file', 'color'], [['att', '.att-photo-frame', 'background']]),
  text('.att-photo figcaption', ['att', '.att-photo figcaption', 'color'], [['att', '.att', 'background']]),
  text('.att-coupon text (12 px)', ['att', '.att-coupon', 'color'], [['att', '.att-coupon', 'background']]),
  text('.photo-dialog-foot p', ['att', '.photo-dialog-foot p', 'color'], [WHITE_DIALOG]),
  ui('.att-photo-open:focus-visible outline', ['att', '.att-photo-open:focus-visible', 'outline'], [['att', '.att', 'background']]),

  // side panel: tabs, cards, product rows, search
  text('.side-tabs button', ['side', '.side-tabs button', 'color'], [['side', '.side-tabs', 'background']]),
  ui(".side-tabs button[aria-selected='true'] underline", ['side', ".side-tabs button[aria-selected='true']", 'border-bottom-color'], [['side', '.side-tabs', 'background']]),
  text('.side-card h3', ['side', '.side-card h3', 'color'], [['side', '.side-card', 'background']]),
  text('.kv dt', ['side', '.kv dt', 'color'], [['side', '.side-card', 'background']]),
  text('.order-items li strong', ['side', '.order-items li strong', 'color'], [['side', '.side-card', 'background']]),
  ui('.side-search border', ['side', '.side-search', 'border'], [['side', '.side', 'background']]),
  text('.product-row-price strong', ['side', '.product-row-price strong', 'color'], [['side', '.product-row', 'background']]),
  text('.product-row-price s', ['side', '.product-row-price s', 'color'], [['side', '.product-row', 'background']]),
  text('.size-stock li span on .size-stock li.low', ['side', '.size-stock li span', 'color'], [['side', '.size-stock li.low', 'background']]),
  own('side', '.coupon-mini'),
  text('.size-table thead th', ['side', '.size-table thead th', 'color'], [['side', '.side-card', 'background']]),

  // home
  text('.home-hero p on the page', ['home', '.home-hero p', 'color'], [BODY]),
  own('home', '.home-hero .home-open'),
  ui("home .field input[type='text'] border", ['home', ".field input[type='text']", 'border'], [PANEL]),
  text('.field-hint', ['home', '.field-hint', 'color'], [PANEL]),
  text('.mode-option.selected text', BODY_TEXT, [['home', '.mode-option.selected', 'background']]),
  ui('.mode-option input (checked radio)', ['home', '.mode-option input', 'accent-color'], [['home', '.mode-option.selected', 'background']]),
  own('home', ".segmented button[aria-checked='true']"),
  own('home', '.level-badge.level-easy'),
  own('home', '.level-badge.level-normal'),
  own('home', '.level-badge.level-hard'),
  text('.persona-desc', ['home', '.persona-desc', 'color'], [['home', '.persona-card', 'background']]),
  text('.persona-more', ['home', '.persona-more', 'color'], [['home', '.persona-card', 'background']]),
  text('.persona-best', ['home', '.persona-best', 'color'], [['home', '.persona-card', 'background']]),

  // report
  text('.report-kicker on the page', ['report', '.report-kicker', 'color'], [BODY]),
  text('.score-out in the ring', ['report', '.score-out', 'color'], [{ literal: '#fff', why: 'the ring is white inside (its radial-gradient)' }]),
  text('.report-redlines li > strong', ['report', '.report-redlines li > strong', 'color'], [['report', '.report-redlines.crossed', 'background']]),
  text('.cat-points', ['report', '.cat-points', 'color'], [['report', '.report-card', 'background']]),
  text('.kpis dt', ['report', '.kpis dt', 'color'], [['report', '.report-card', 'background']]),
  text('.report-line-meta', ['report', '.report-line-meta', 'color'], [['report', '.report-line', 'background']]),
  text('.report-line-meta on .from-trainee', ['report', '.report-line-meta', 'color'], [['report', '.report-line.from-trainee', 'background']]),
  text('.report-action', ['report', '.report-action', 'color'], [['report', '.report-line', 'background']]),
  ui('.report-line:focus outline', ['report', '.report-line:focus', 'outline'], [['report', '.report-line', 'background']]),
  ui('.report-line:focus outline on the card', ['report', '.report-line:focus', 'outline'], [['report', '.report-card', 'background']]),
  text('.report-verdict.redline text', BODY_TEXT, [['report', '.report-verdict.redline', 'background']]),

  // drill (trainee side) and the trainer's drill pages
  ui('.drill input border on the page', ['drill', '.drill input', 'border'], [BODY]),
  text('.drill-note on the page', ['drill', '.drill-note', 'color'], [BODY]),
  text('.drill-note on a tile', ['drill', '.drill-note', 'color'], [TILE]),
  text('.drill-code-small', ['drill', '.drill-code-small', 'color'], [BODY]),
  own('drill', '.drill-banner'),
  own('drill', '.drill-banner.paused'),
  own('drill', '.drill-banner.ended'),
  own('drill', '.drill-level.level-easy'),
  own('drill', '.drill-level.level-normal'),
  own('drill', '.drill-level.level-hard'),
  own('drill', '.drill-pause-notice'),
  text('.drill-pause-notice h2 (15 px)', ['drill', '.drill-pause-notice h2', 'color'], [['drill', '.drill-pause-notice', 'background']]),
  text('.drill-pause-notice .drill-pause-gone', ['drill', '.drill-pause-notice .drill-pause-gone', 'color'], [['drill', '.drill-pause-notice', 'background']]),
  text('.drill-headcount', ['drill', '.drill-headcount', 'color'], [BODY]),
  text('.drill-setup-line dt', ['drill', '.drill-setup-line dt', 'color'], [BODY]),
  ui('.trainer-row select border', ['trainer', '.trainer-row select', 'border'], [BODY]),
  text('.trainer-code (56 px bold)', ['trainer', '.trainer-code', 'color'], [BODY], LARGE),
  own('trainer', '.trainer-status-lobby'),
  own('trainer', '.trainer-status-running'),
  own('trainer', '.trainer-status-paused'),
  own('trainer', '.trainer-status-ended'),
  own('live', '.trainer-status-cancelled'),
  ui('.tile-watched outline', ['trainer', '.tile-watched', 'outline'], [BODY]),
  ui('.tile-dot (offline) on a tile', ['trainer', '.tile-dot', 'background'], [TILE]),
  ui('.tile-dot.on on a tile', ['trainer', '.tile-dot.on', 'background'], [TILE]),
  text('.tile-score (22 px bold)', ['trainer', '.tile-score', 'color'], [TILE], LARGE),
  text('.tile-facts dt', ['trainer', '.tile-facts dt', 'color'], [TILE]),
  text('.tile-facts dt on .tile-red', ['trainer', '.tile-facts dt', 'color'], [TILE_RED]),
  text('.tile-wait-amber', ['trainer', '.tile-wait-amber', 'color'], [TILE]),
  text('.tile-wait-red on .tile-red', ['trainer', '.tile-wait-red', 'color'], [TILE_RED]),
  text('.tile-redlines on .tile-red', ['trainer', '.tile-redlines', 'color'], [TILE_RED]),
  text('.tile-buyer-done', ['trainer', '.tile-buyer-done', 'color'], [TILE]),
  text('.account-disabled .account-who strong', ['accounts', '.account-disabled .account-who strong', 'color'], [BODY]),
  text('.results-kpi dt', ['results', '.results-kpi dt', 'color'], [['results', '.results-kpi', 'background']]),

  // studio
  ui('.studio-editor border on the page', ['studio', '.studio-editor', 'border'], [BODY]),
  text('.studio-error', ['studio', '.studio-error', 'color'], [BODY]),
  text('.studio-ok', ['studio', '.studio-ok', 'color'], [BODY]),
  text('.studio-diagnostics .linkish', ['studio', '.studio-diagnostics .linkish', 'color'], [BODY]),
  ui(".studio-tabs [aria-selected='true'] underline", ['studio', ".studio-tabs [aria-selected='true']", 'border-bottom'], [BODY]),
  text('.studio-hit strong', ['studio', '.studio-hit strong', 'color'], [BODY]),
  text('.studio-node text', ['studio', '.studio-node text', 'fill'], [['studio', '.studio-node.is-initial rect', 'fill']]),
  text('.studio-node .studio-node-id on a plain node', ['studio', '.studio-node .studio-node-id', 'fill'], [['studio', '.studio-node rect', 'fill']]),
  text('.studio-node .studio-node-id on the initial node', ['studio', '.studio-node .studio-node-id', 'fill'], [['studio', '.studio-node.is-initial rect', 'fill']]),
  text('.studio-node .studio-node-id on an outcome node', ['studio', '.studio-node .studio-node-id', 'fill'], [['studio', '.studio-node.is-outcome rect', 'fill']]),
  ui('.studio-node rect outline', ['studio', '.studio-node rect', 'stroke'], [BODY]),
  ui('.studio-node:focus-visible rect outline', ['studio', '.studio-node:focus-visible rect', 'stroke'], [BODY]),
  ui('.studio-node.is-unreachable rect outline', ['studio', '.studio-node.is-unreachable rect', 'stroke'], [BODY]),
  ui('.studio-node.is-dead-end rect outline', ['studio', '.studio-node.is-dead-end rect', 'stroke'], [BODY]),
  ui('.studio-edge line', ['studio', '.studio-edge', 'stroke'], [BODY]),
  ui('.studio-edge-always line', ['studio', '.studio-edge-always', 'stroke'], [BODY]),
  ui('.studio-arrowhead', ['studio', '.studio-arrowhead', 'fill'], [BODY]),
  text(".studio-form-sections [aria-pressed='true'] text", ['studio', ".studio-form-sections [aria-pressed='true']", 'color'], [['base', '.btn', 'background']]),
  text('.studio-form-row > label', ['studio', '.studio-form-row > label', 'color'], [BODY]),
  text('.studio-form-row input[readonly]', ['studio', '.studio-form-row input[readonly]', 'color'], [['studio', '.studio-form-row input[readonly]', 'background']]),
  text('.studio-form-choices legend', ['studio', '.studio-form-choices legend', 'color'], [BODY]),
  text('.studio-form-group h4', ['studio', '.studio-form-group h4', 'color'], [BODY]),
  text('.studio-form-line legend', ['studio', '.studio-form-line legend', 'color'], [['studio', '.studio-form-card', 'background']]),
  ui('.studio-form-row.is-invalid input border', ['studio', '.studio-form-row.is-invalid input', 'border-color'], [BODY]),
  text('.studio-form-problems', ['studio', '.studio-form-problems', 'color'], [BODY]),
  text('.studio-form-jump', ['studio', '.studio-form-jump', 'color'], [BODY]),
  text('.studio-chip-red', ['studio', '.studio-chip-red', 'color'], [['studio', '.studio-play-trainee', 'background']]),
  text('.studio-diff caption', ['studio', '.studio-diff caption', 'color'], [BODY]),
  text('.studio-diff .studio-diff-no (line numbers)', ['studio', '.studio-diff .studio-diff-no', 'color'], [['studio', '.studio-diff-added', 'background']]),
  text('.studio-diff-added .studio-diff-mark', ['studio', '.studio-diff-added .studio-diff-mark', 'color'], [['studio', '.studio-diff-added', 'background']]),
  text('.studio-diff-removed .studio-diff-mark', ['studio', '.studio-diff-removed .studio-diff-mark', 'color'], [['studio', '.studio-diff-removed', 'background']]),
  text('.studio-diff-fold td', ['studio', '.studio-diff-fold td', 'color'], [['studio', '.studio-diff-fold td', 'background']]),
  text('.studio-form-remove', ['studio', '.studio-form-remove', 'color'], [BODY]),
  text('.studio-form-confirm text', BODY_TEXT, [['studio', '.studio-form-confirm', 'background']]),
  own('studio', '.studio-form-confirm .btn-danger'),
];

/** The lowest ratio of `pair` over every colour its layers can show (each stop of a gradient). */
function worstRatio(pair: Pair): number {
  let grounds: Rgba[] = colours(pair.on[0] as Ref).map((c) => over(c, { r: 255, g: 255, b: 255, a: 1 }));
  for (const layer of pair.on.slice(1)) grounds = grounds.flatMap((g) => colours(layer).map((c) => over(c, g)));
  const opacity = pair.opacity === undefined || !hasValue(pair.opacity) ? 1 : parseFloat(value(pair.opacity));
  const fgs = colours(pair.fg);
  return Math.min(...grounds.flatMap((g) => fgs.map((f) => contrast(over(f, g, opacity), g))));
}

describe('colour contrast (WCAG 2.1 AA)', () => {
  test.each(PAIRS.map((p) => [p.name, p] as const))('%s', (_name, pair) => {
    // Not rounded: WCAG's thresholds are exact (4.49:1 fails 4.5:1).
    expect(worstRatio(pair)).toBeGreaterThanOrEqual(pair.min);
  });

  test('the helpers measure known pairs right', () => {
    const black = coloursIn('#000')[0] as Rgba;
    const white = coloursIn('white')[0] as Rgba;
    expect(contrast(black, white)).toBeCloseTo(21, 5);
    expect(contrast(coloursIn('#767676')[0] as Rgba, white)).toBeCloseTo(4.54, 2);
    // Half-transparent black over white is a mid grey.
    expect(over(coloursIn('rgb(0 0 0 / 50%)')[0] as Rgba, white)).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });
});
