// JSON Schemas for editors (yaml-language-server), generated from the zod schemas so they cannot
// drift. `io: 'input'` describes what authors write: fields with defaults are optional.
import { z } from 'zod';
import { lexiconSchema, scenarioSchema } from './schema.ts';
import { shopSchema } from './shopSchema.ts';

const FILES = {
  'scenario.schema.json': { schema: scenarioSchema, title: 'Kefu Dojo scenario (scenarios/<id>.yaml)' },
  'shop.schema.json': { schema: shopSchema, title: 'Kefu Dojo shop catalogue (scenarios/shops/<id>.yaml)' },
  'lexicon.schema.json': { schema: lexiconSchema, title: 'Kefu Dojo intent lexicon (scenarios/intents.yaml)' },
} as const;

/** File name (inside scenarios/) -> its text, ending with a newline. */
export function jsonSchemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { schema, title }] of Object.entries(FILES)) {
    // Shared parts stay inline (no reused: 'ref'): zod would name them __schema0.., renumbered on every change.
    const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input' });
    const json = { $schema, title, ...rest };
    out[name] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
