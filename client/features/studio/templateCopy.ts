// A new scenario made from a library template: the library's comments are notes for its developers
// (English, with references to the design digest) and only confuse a trainer, so they go; the copy
// starts with one short Chinese header instead, and at version 1 (it is a new scenario).
import { Lexer } from 'yaml';
import { withId } from './api.ts';

// The lexer's control tokens stand for no source text (document start, scalar start, flow error end).
const CONTROL = new Set(['\u0002', '\u0018', '\u001f']);

/** `source` without its comments: a comment alone on its line takes the line with it; one after a value takes the spaces before it. */
export function withoutComments(source: string): string {
  const cuts: [number, number][] = [];
  let at = 0;
  for (const token of new Lexer().lex(source)) {
    if (CONTROL.has(token)) continue;
    if (token.startsWith('#')) {
      const lineStart = source.lastIndexOf('\n', at - 1) + 1;
      const before = source.slice(lineStart, at);
      if (before.trim() === '') {
        const end = source.indexOf('\n', at);
        cuts.push([lineStart, end === -1 ? source.length : end + 1]);
      } else {
        cuts.push([lineStart + before.trimEnd().length, at + token.length]);
      }
    }
    at += token.length;
  }
  let out = source;
  for (const [from, to] of cuts.reverse()) out = out.slice(0, from) + out.slice(to);
  return out;
}

/** The top-level `version:` set to 1 (added after `id:` when missing). */
export function atVersionOne(source: string): string {
  if (/^version:.*$/m.test(source)) return source.replace(/^version:.*$/m, 'version: 1');
  return source.replace(/^(id:.*)$/m, '$1\nversion: 1');
}

/** A library template as the start of the trainer's own scenario `id`. */
export function fromTemplate(source: string, id: string, header: string): string {
  const body = atVersionOne(withId(withoutComments(source), id));
  return `${header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n')}\n${body}`;
}
