// GET /api/scenarios/:id/context: the buyer, order and shop the chat workspace shows beside a chat,
// and nothing of the script or rubric.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './helpers.ts';
import { startServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(server.url + path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('scenario context', () => {
  it('gives the buyer and the shop, not the states, intents, rubric or tests', async () => {
    const { status, body } = await get('/api/scenarios/mini-haggle/context');
    expect(status).toBe(200);
    const scenario = body['scenario'] as Record<string, unknown>;
    expect(scenario).toMatchObject({ id: 'mini-haggle', version: 3, buyer: { nickname: '阿测' } });
    for (const secret of ['states', 'intents', 'rubric', 'tests', 'variables', 'silence', 'initial']) expect(scenario).not.toHaveProperty(secret);
    expect(body['shop']).toMatchObject({ id: 'test-shop' });
  });

  it('answers the version asked for, and 404 for an unknown scenario or version', async () => {
    expect((await get('/api/scenarios/mini-haggle/context?version=3')).status).toBe(200);
    expect((await get('/api/scenarios/mini-haggle/context?version=99')).status).toBe(404);
    expect((await get('/api/scenarios/no-such-thing/context')).status).toBe(404);
    expect((await get('/api/scenarios/mini-haggle/context?version=abc')).status).toBe(400);
  });
});
