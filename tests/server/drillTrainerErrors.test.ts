// The trainer routes refuse with a code the web app words in its own language (the English message
// is for logs and other clients): a wrong login is `unauthorized`, and a refused new trainer account
// is `bad-request` with a `reason` naming the check that refused it.
import { describe, expect, it } from 'vitest';
import { drillFixture, loginTrainer } from './drillHelpers.ts';

const fixture = drillFixture();

type Refusal = { error: { code: string; reason?: string; message: string } };

describe('trainer route refusals', () => {
  it('name their reason as a code', async () => {
    const server = await fixture.server();
    const admin = await loginTrainer(server, '管理老师', true);
    const wrong = await fetch(`${server.url}/api/trainer/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '管理老师', password: 'not-the-password' }) });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as Refusal).error).toMatchObject({ code: 'unauthorized' });

    const add = async (name: string, password: string) => {
      const res = await fetch(`${server.url}/api/trainers`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
      expect(res.status).toBe(400);
      return ((await res.json()) as Refusal).error;
    };
    expect(await add('新老师', 'short')).toMatchObject({ code: 'bad-request', reason: 'password-too-short', message: expect.stringMatching(/at least 8/) });
    expect(await add('新老师', 'x'.repeat(257))).toMatchObject({ code: 'bad-request', reason: 'password-too-long' });
    expect(await add('  ', 'long-enough-password')).toMatchObject({ code: 'bad-request', reason: 'name-length' });
    expect(await add('老'.repeat(65), 'long-enough-password')).toMatchObject({ code: 'bad-request', reason: 'name-length' });
    expect(await add('新\u0007老师', 'long-enough-password')).toMatchObject({ code: 'bad-request', reason: 'name-control-chars' });
    expect(await add('管理老师', 'long-enough-password')).toMatchObject({ code: 'bad-request', reason: 'name-taken', message: expect.stringMatching(/already/) });

    // Not an admin: refused with its own reason (an origin refusal is `forbidden` with none).
    const plain = await loginTrainer(server, '普通老师');
    const refused = await fetch(`${server.url}/api/trainers`, { method: 'POST', headers: { cookie: plain, 'content-type': 'application/json' }, body: JSON.stringify({ name: '又一位', password: 'long-enough-password' }) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Refusal).error).toMatchObject({ code: 'forbidden', reason: 'not-admin' });
  });
});
