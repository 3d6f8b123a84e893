// The editor schemas in scenarios/ are generated; a stale copy would mislead authors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../../server/engine/scenario/jsonSchema.ts';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

describe('scenarios/*.schema.json', () => {
  for (const [name, fresh] of Object.entries(jsonSchemaFiles())) {
    it(`${name} equals what npm run -s schema generates`, () => {
      expect(readFileSync(`${dir}${name}`, 'utf8'), 'stale: run npm run -s schema').toBe(fresh);
    });
  }

  it('treats fields with defaults as optional (io: input)', () => {
    const scenario = JSON.parse(jsonSchemaFiles()['scenario.schema.json'] ?? '{}') as { required: string[]; properties: Record<string, unknown> };
    expect(scenario.required).toContain('states');
    expect(scenario.required).not.toContain('rubric');
    expect(scenario.required).not.toContain('tests');
    expect(Object.keys(scenario.properties)).toContain('silence');
  });
});
