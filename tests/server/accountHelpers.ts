// HTTP calls for the trainer account tests: a cookie, a JSON body and a chosen loopback address
// (127.x.y.z are all local on Linux), so the login limits can be told apart per address.
import { request } from 'node:http';
import type { DrillServer } from './drillHelpers.ts';
import { PASSWORD } from './drillHelpers.ts';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  /** the cookie a login set (name=value), or '' */
  cookie: string;
}

export interface CallOptions {
  method?: string;
  /** JSON-encoded unless `raw` is given */
  body?: unknown;
  /** sent as the body as it is (bad JSON), with the JSON content type */
  raw?: string;
  cookie?: string;
  from?: string;
}

export function call(url: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const text = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: options.method ?? (text === undefined ? 'GET' : 'POST'),
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
        headers: {
          ...(text === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const setCookie = res.headers['set-cookie']?.[0] ?? '';
          resolve({ status: res.statusCode ?? 0, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, cookie: setCookie.split(';')[0] ?? '' });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** The `{code, reason}` of a refusal. */
export function refusalOf(answer: Answer): { code?: string; reason?: string } {
  const error = answer.body['error'] as { code?: string; reason?: string } | undefined;
  return { ...(error?.code ? { code: error.code } : {}), ...(error?.reason ? { reason: error.reason } : {}) };
}

export const logIn = (url: string, name: string, password: string, from?: string) => call(url, '/api/trainer/login', { body: { name, password }, ...(from ? { from } : {}) });

/** A trainer added straight through the server's auth (admin or not); their id. */
export async function addTrainer(server: DrillServer, name: string, admin = false): Promise<string> {
  const added = await server.drills.auth.add(name, PASSWORD, admin);
  if (!added.ok) throw new Error(added.message);
  return added.trainer.id;
}

/** The cookie of a login that must succeed. */
export async function cookieOf(server: DrillServer, name: string, password = PASSWORD): Promise<string> {
  const answer = await logIn(server.url, name, password);
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status}`);
  return answer.cookie;
}
