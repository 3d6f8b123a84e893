// The scenario list carries each buyer's pass mark: the home page shows it on every card, since the
// marks differ by buyer and a best score reads as a pass or not only against its own mark.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './helpers.ts';
import { FIXTURE_SCENARIOS, startServer, tempDataDir } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  const dir = tempDataDir();
  cpSync(FIXTURE_SCENARIOS, dir, { recursive: true });
  const file = join(dir, 'mini-haggle.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^rubric:\n/m, 'rubric:\n  passMark: 85\n'));
  server = await startServer({ scenariosDir: dir });
});
afterAll(async () => {
  await server.close();
});

describe('the scenario list', () => {
  it('gives each scenario its pass mark', async () => {
    const { scenarios } = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string; passMark?: number }[] };
    expect(scenarios).toEqual([expect.objectContaining({ id: 'mini-haggle', passMark: 85 })]);
  });
});
