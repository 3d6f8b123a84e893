// npm run -s play -- <scenario id|path> [--seed N] [--speed 1] [--exam] [--lang en]
// Plays a persona in the terminal: buyer lines appear in real time, you type replies.
import { createInterface } from 'node:readline';
import type { CompiledScenario, SessionEffect, Message, SessionEvent, SessionState } from '../engine/index.ts';
import { compileScenario, formatDiagnostic, nextDeadline, SessionError, startSession, step } from '../engine/index.ts';
import { loadBundle, scenariosDir } from '../store/scenarioFiles.ts';
import { fail, intOption, numberOption, readArgs, stringOption, UsageError } from './args.ts';
import { formatMessage, formatReport, formatVerdicts, type Lang } from './format.ts';

const HELP: Record<Lang, string> = {
  'zh-CN': '命令: /open 打开最后一个链接  /accept 接收文件  /decline 拒收文件  /card <商品id> 发商品卡片  /coupon <券id> 发优惠券  /address 确认地址  /end 结束  /help',
  en: 'commands: /open the last link  /accept a file  /decline a file  /card <product> send a product card  /coupon <id> send a coupon  /address confirm the address  /end finish  /help',
};

class TerminalSession {
  private state: SessionState;
  private readonly start = Date.now();
  private timers: NodeJS.Timeout[] = [];
  private deadline: NodeJS.Timeout | undefined;

  constructor(
    private readonly compiled: CompiledScenario,
    seed: number,
    speed: number,
    private readonly exam: boolean,
    private readonly lang: Lang,
    private readonly onEnd: () => void,
  ) {
    const first = startSession(compiled, { seed, now: 0, speed });
    this.state = first.state;
    this.deliver(first.effects);
  }

  private now(): number {
    return Date.now() - this.start;
  }

  handle(input: string): void {
    const line = input.trim();
    if (line === '') return;
    if (line === '/help') return void console.log(HELP[this.lang]);
    const event = this.toEvent(line);
    if (event) this.apply(event);
  }

  private toEvent(line: string): SessionEvent | undefined {
    if (!line.startsWith('/')) return { type: 'reply', text: line };
    const [command, argument = ''] = line.split(/\s+/, 2);
    switch (command) {
      case '/open': {
        const link = [...this.state.messages].reverse().find((m) => m.from === 'buyer' && m.at <= this.now() && (m.attachment?.kind === 'link' || m.attachment?.kind === 'product-link'));
        if (!link) return void console.log(this.lang === 'en' ? '(no link to open)' : '(没有可以打开的链接)');
        return { type: 'link-opened', messageId: link.id };
      }
      case '/accept': return { type: 'file-accepted' };
      case '/decline': return { type: 'file-declined' };
      case '/card': return { type: 'card-sent', product: argument };
      case '/coupon': return { type: 'coupon-sent', coupon: argument };
      case '/address': return { type: 'address-confirmed' };
      case '/end': return { type: 'end' };
      default:
        console.log(HELP[this.lang]);
        return undefined;
    }
  }

  private apply(event: SessionEvent): void {
    try {
      const result = step(this.compiled, this.state, event, this.now());
      this.state = result.state;
      this.deliver(result.effects);
    } catch (err) {
      if (!(err instanceof SessionError)) throw err;
      console.log(`(${err.message})`);
    }
  }

  /** Print buyer lines when they fall due (typing first), verdicts at once, and arm the silence timer. */
  private deliver(effects: SessionEffect[]): void {
    for (const effect of effects) {
      if (effect.type === 'message' && effect.message.from === 'buyer') this.later(effect.message);
      else if (effect.type === 'verdicts' && !this.exam) console.log(formatVerdicts(effect.verdicts, this.lang));
      else if (effect.type === 'outcome') this.after(this.state.lastBuyerAt ?? 0, () => console.log(this.lang === 'en' ? `— outcome: ${effect.outcome.kind} (type /end for the report)` : `— 结局: ${effect.outcome.kind} (输入 /end 查看报告)`));
      else if (effect.type === 'ended') {
        this.stop();
        console.log(formatReport(effect.report, this.lang));
        this.onEnd();
      }
    }
    if (this.deadline) clearTimeout(this.deadline);
    const at = nextDeadline(this.state);
    if (at !== null) this.deadline = setTimeout(() => this.apply({ type: 'tick' }), Math.max(0, at - this.now()));
  }

  private later(message: Message): void {
    if (message.typingAt !== undefined && message.typingAt < message.at) {
      this.after(message.typingAt, () => process.stdout.write(this.lang === 'en' ? '  (buyer is typing…)\r' : '  (对方正在输入…)\r'));
    }
    this.after(message.at, () => console.log(formatMessage(message, this.compiled, this.lang)));
  }

  private after(at: number, fn: () => void): void {
    // Due now (speed 0, or a late line): print in order at once rather than after the prompt moves on.
    if (at <= this.now()) fn();
    else this.timers.push(setTimeout(fn, at - this.now()));
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    if (this.deadline) clearTimeout(this.deadline);
  }

  end(): void {
    if (!this.state.ended) this.apply({ type: 'end' });
  }
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), ['exam']);
  const target = args.positional[0] ?? stringOption(args, 'scenario');
  if (!target) fail('usage: npm run -s play -- <scenario id|path> [--seed N] [--speed 1] [--exam] [--lang zh-CN|en]');
  const lang: Lang = stringOption(args, 'lang') === 'en' ? 'en' : 'zh-CN';
  const loaded = await loadBundle(scenariosDir(), target);
  if (!loaded.ok) fail(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const compiled = compileScenario(loaded.bundle);
  const { scenario } = compiled;
  console.log(`${scenario.title[lang]} — ${scenario.description[lang]}`);
  console.log(HELP[lang]);
  const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY });
  const session = new TerminalSession(compiled, intOption(args, 'seed', Date.now() % 100000), numberOption(args, 'speed', 1), args.options.has('exam'), lang, () => {
    rl.close();
    // The report is out: let the process end even if the terminal or pipe stays open.
    process.stdin.destroy();
  });
  rl.on('line', (line) => session.handle(line));
  rl.on('close', () => {
    session.end();
    session.stop();
  });
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) fail(err.message);
  fail(`play: ${err instanceof Error ? err.message : String(err)}`, 1);
});
