// A full session of each persona to each outcome it can reach within a few turns, over the socket:
// the shipped library (scenarios/) and the test fixture. Routes come from the pure engine; the
// server must reach the same outcome, number every event and end with a report.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../server/engine/index.ts';
import { compileScenario } from '../../server/engine/index.ts';
import { listScenarioFiles, loadBundle } from '../../server/store/scenarioFiles.ts';
import type { Trainee } from './helpers.ts';
import { FIXTURE_SCENARIOS, msgId, seqs, startServer, trainee } from './helpers.ts';
import { findRoutes } from './personaRoutes.ts';

const libraries = [FIXTURE_SCENARIOS, join(import.meta.dirname, '..', '..', 'scenarios')];
const cases: { dir: string; id: string }[] = [];
for (const dir of libraries) {
  for (const path of await listScenarioFiles(dir)) {
    const loaded = await loadBundle(dir, path);
    // Broken files are the checker's business (npm run check:scenarios), not the server's.
    if (loaded.ok) cases.push({ dir, id: loaded.bundle.scenario.id });
  }
}

async function send(t: Trainee, sessionId: string, event: SessionEvent): Promise<void> {
  const base = { sessionId, clientMsgId: msgId() };
  switch (event.type) {
    case 'reply':
      return void (await t.ok('reply:send', { ...base, text: event.text }));
    case 'link-opened':
      return void (await t.ok('link:open', { ...base, messageId: event.messageId }));
    case 'file-accepted':
    case 'file-declined':
      return void (await t.ok('file:answer', { ...base, accept: event.type === 'file-accepted' }));
    case 'card-sent':
      return void (await t.ok('card:send', { ...base, product: event.product }));
    case 'coupon-sent':
      return void (await t.ok('coupon:send', { ...base, coupon: event.coupon }));
    case 'address-confirmed':
      return void (await t.ok('address:confirm', base));
    default:
      throw new Error(`a route never holds ${event.type}`);
  }
}

describe.each(cases)('persona $id', ({ dir, id }) => {
  it('reaches every outcome on its routes over the socket, then reports', async () => {
    const loaded = await loadBundle(dir, id);
    if (!loaded.ok) throw new Error('loaded above');
    const routes = findRoutes(compileScenario(loaded.bundle));
    expect(routes.length).toBeGreaterThan(0);
    const server = await startServer({ scenariosDir: dir });
    try {
      for (const route of routes) {
        const t = await trainee(server.url);
        const { sessionId } = await t.ok('session:start', { scenarioId: id, displayName: '路线', mode: 'practice' });
        for (const event of route.events) await send(t, sessionId, event);
        await t.waitForEvent('session:outcome');
        const outcome = t.events.find((e) => e.name === 'session:outcome');
        expect(outcome?.name === 'session:outcome' && outcome.payload.outcome.kind).toBe(route.outcome);
        await t.ok('session:end', { sessionId, clientMsgId: msgId() });
        await t.waitForEvent('session:report');
        expect(seqs(t.events)).toEqual(t.events.map((_, i) => i + 1));
        t.close();
      }
    } finally {
      await server.close();
    }
  });
});
