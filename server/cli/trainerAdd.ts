// npm run -s trainer:add -- <name> [--admin]
// Adds a trainer account to the server's database (DATABASE_URL, else the SQLite file in DATA_DIR). The password is asked twice without
// echo on a terminal, or read from the first line of standard input when piped. The first trainer
// is always an admin (someone has to be able to add the others).
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TrainerAuth } from '../http/trainerAuth.ts';
import { readConfig } from '../runtime/config.ts';
import { openDatabase } from '../store/database.ts';
import { TrainerStore } from '../store/trainerStore.ts';
import { loadOrCreateSecret } from '../store/secret.ts';

const MAX_CHARS = 1024;

/** One line typed on the terminal with nothing shown. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (typed.length < MAX_CHARS) typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const first = await askHidden('Password: ');
  const again = await askHidden('Again: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--'));
  if (!name) {
    console.error('usage: npm run -s trainer:add -- <name> [--admin]');
    return 2;
  }
  const config = readConfig(process.env);
  // The same store the server uses: PostgreSQL when DATABASE_URL is set, else the SQLite file.
  const db = await openDatabase({ databaseUrl: config.databaseUrl, file: join(config.dataDir, 'kefu-dojo.sqlite') });
  try {
    const store = new TrainerStore(db);
    const admin = args.includes('--admin') || (await store.count()) === 0;
    const auth = new TrainerAuth(store, config.sessionSecret ?? loadOrCreateSecret(config.dataDir), Date.now, false);
    const added = await auth.add(name, await readPassword(), admin);
    if (!added.ok) {
      console.error(`trainer:add: ${added.message}`);
      return 1;
    }
    console.log(`trainer "${added.trainer.name}" added${added.trainer.admin ? ' (admin)' : ''}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`trainer:add: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
