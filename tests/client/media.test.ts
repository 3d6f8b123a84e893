// Every photo a scenario's buyer sends names a drawing the client ships (client/public/media/<key>.svg).
// Scenario data is walked as plain YAML on purpose: media files are the client's business, not the
// pure engine's, so the engine's checker never looks at the file system for them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isMediaKey, mediaUrl } from '../../client/features/chat/media.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIOS = join(ROOT, 'scenarios');
const MEDIA = join(ROOT, 'client', 'public', 'media');

function photoKeys(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) photoKeys(item, found);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record['kind'] === 'photo' && typeof record['image'] === 'string') found.push(record['image']);
    for (const value of Object.values(record)) photoKeys(value, found);
  }
  return found;
}

const used = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.yaml') && f !== 'intents.yaml')
  .flatMap((f) => photoKeys(parse(readFileSync(join(SCENARIOS, f), 'utf8'))).map((key) => ({ file: f, key })));

describe('scenario photos', () => {
  it('finds the photos the library sends', () => {
    expect(used.map((u) => u.key)).toEqual(expect.arrayContaining(['ridge-boot-toe-split-overview', 'ridge-boot-toe-split-closeup', 'cloudpath-tracking-stuck-hangzhou', 'checkout-payment-failed']));
  });

  it.each(used)('$file: $key is a kebab-case key with a drawing', ({ key }) => {
    expect(isMediaKey(key)).toBe(true);
    expect(existsSync(join(MEDIA, `${key}.svg`))).toBe(true);
  });

  it('every drawing is an SVG sized by its viewBox, with Chinese text and a title', () => {
    for (const file of readdirSync(MEDIA).filter((f) => f.endsWith('.svg'))) {
      const svg = readFileSync(join(MEDIA, file), 'utf8');
      expect(svg, file).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
      expect(svg, file).not.toMatch(/^<svg [^>]*\swidth=/);
      expect(svg, file).toMatch(/<title[^>]*>[^<]*\p{Script=Han}/u);
      expect(svg, file).not.toMatch(/<script|href=/i);
    }
  });
});

describe('mediaUrl', () => {
  it('maps a key to its drawing and refuses anything that is not a plain kebab-case name', () => {
    expect(mediaUrl('ridge-boot-toe-split-closeup')).toBe('/media/ridge-boot-toe-split-closeup.svg');
    for (const bad of ['screenshots/checkout.png', '../secret', 'a.svg', 'Upper', '-lead', 'trail-', 'a--b', '', 'x y', 'http://evil.example/x']) {
      expect(mediaUrl(bad), bad).toBeNull();
    }
  });
});
