// npm run -s schema: regenerates the editor JSON Schemas in the library folder from the zod schemas.
// A test fails when the committed files differ from what this writes, so run it after a schema change.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../engine/scenario/jsonSchema.ts';
import { scenariosDir } from '../store/scenarioFiles.ts';
import { fail } from './args.ts';

async function main(): Promise<void> {
  const dir = scenariosDir();
  for (const [name, text] of Object.entries(jsonSchemaFiles())) {
    await writeFile(join(dir, name), text, 'utf8');
    process.stderr.write(`schema: wrote ${join(dir, name)}\n`);
  }
}

main().catch((err: unknown) => fail(`schema: ${err instanceof Error ? err.message : String(err)}`, 1));
