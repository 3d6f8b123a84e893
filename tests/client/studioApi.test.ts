// The studio client's edit-conflict bookkeeping: every draft write names the revision this page last
// loaded or saved, a create names none (so it never replaces someone's draft), an overwrite is
// explicit, a peek for a diff does not move the base, and a 409 becomes a DraftConflict naming who
// saved last. fetch is replaced by a recorder that answers like the server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftConflict, ExportNeedsConfirm, studioApi } from '../../client/features/studio/api.ts';
import type { StudioError } from '../../client/features/studio/api.ts';

interface Sent {
  url: string;
  method: string;
  body: unknown;
}

let sent: Sent[];
let answers: { status: number; body: unknown }[];

beforeEach(() => {
  sent = [];
  answers = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    sent.push({ url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: unknown) => answers.push({ status, body });
const source = (revision: string | null) => ({ id: 'x', from: revision ? 'draft' : 'library', source: 'id: x\n', published: 0, revision });

describe('studio api: draft revisions', () => {
  it('bases each save on the revision last loaded or saved', async () => {
    answer(200, source('r1'));
    await studioApi.source('api-a');
    answer(200, { savedAt: 1, revision: 'r2' });
    await studioApi.saveDraft('api-a', 'one');
    answer(200, { savedAt: 2, revision: 'r3' });
    await studioApi.saveDraft('api-a', 'two');
    expect(sent.filter((s) => s.method === 'PUT').map((s) => s.body)).toEqual([
      { source: 'one', base: 'r1' },
      { source: 'two', base: 'r2' },
    ]);
    expect(sent[1]?.url).toBe('/api/studio/scenarios/api-a/draft');
  });

  it('creates with no base, overwrites explicitly, and a peek leaves the base alone', async () => {
    answer(200, { savedAt: 1, revision: 'r1' });
    await studioApi.saveDraft('api-b', 'new', { create: true });
    answer(200, source('someone-else'));
    await studioApi.peek('api-b');
    answer(200, { savedAt: 2, revision: 'r2' });
    await studioApi.saveDraft('api-b', 'mine');
    answer(200, { savedAt: 3, revision: 'r3' });
    await studioApi.saveDraft('api-b', 'forced', { overwrite: true });
    answer(201, { version: 1, revision: 'r4' });
    await studioApi.publish('api-b');
    expect(sent.filter((s) => s.method !== 'GET').map((s) => s.body)).toEqual([
      { source: 'new', base: null },
      { source: 'mine', base: 'r1' },
      { source: 'forced', overwrite: true },
      { base: 'r3' },
    ]);
  });

  it('turns a 409 into a DraftConflict naming who saved last, and keeps the old base', async () => {
    answer(200, source('r1'));
    await studioApi.source('api-c');
    answer(409, { error: { code: 'conflict', message: '李老师 saved "api-c" after you opened it' }, latest: { revision: 'r9', savedBy: '李老师', savedAt: 5 } });
    const refused = await studioApi.saveDraft('api-c', 'stale').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DraftConflict);
    expect((refused as DraftConflict).latest).toEqual({ revision: 'r9', savedBy: '李老师', savedAt: 5 });
    // Still based on what this page saw: a second try is refused again rather than overwriting.
    answer(409, { error: { code: 'conflict', message: 'again' }, latest: null });
    const again = await studioApi.saveDraft('api-c', 'stale').catch((err: unknown) => err);
    expect((again as DraftConflict).latest).toBeNull();
    expect(sent.filter((s) => s.method === 'PUT').map((s) => s.body)).toEqual([
      { source: 'stale', base: 'r1' },
      { source: 'stale', base: 'r1' },
    ]);
  });

  it('tells an export that needs confirmation from other refusals', async () => {
    answer(409, { error: { code: 'conflict', message: 'the library already has api-d.yaml' }, needsConfirm: true });
    expect(await studioApi.exportToLibrary('api-d', 1).catch((err: unknown) => err)).toBeInstanceOf(ExportNeedsConfirm);
    answer(400, { error: { code: 'bad-request', message: 'checks' }, diagnostics: ['api-d.yaml:3:1: no shop'] });
    const refused = (await studioApi.exportToLibrary('api-d', 1, true).catch((err: unknown) => err)) as StudioError;
    expect(refused).not.toBeInstanceOf(ExportNeedsConfirm);
    expect(refused.diagnostics).toEqual(['api-d.yaml:3:1: no shop']);
    expect(sent.map((s) => s.body)).toEqual([
      { version: 1, confirm: false },
      { version: 1, confirm: true },
    ]);
  });
});
