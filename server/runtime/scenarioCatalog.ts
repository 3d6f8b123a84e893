// Scenarios as the runtime sees them: the library on disk for new sessions and the listing, and the
// bundles stored in the database for replaying old ones (a session replays against exactly the
// bundle it started with, even after the file changed). Compiled scenarios are cached by hash.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Bundle, CompiledScenario } from '../engine/index.ts';
import { compileScenario } from '../engine/index.ts';
import type { Ack, ScenarioSummary } from '../protocol/index.ts';
import { fail, ok } from '../protocol/index.ts';
import { lexiconPath, libraryFor, listScenarioFiles, loadBundle, scenarioPathFor, SHOPS_DIR } from '../store/scenarioFiles.ts';
import { bundleRegexProblem } from '../store/regexSafety.ts';
import type { SessionLog } from '../store/sessionLog.ts';

export interface OpenedScenario {
  hash: string;
  bundleJson: string;
  compiled: CompiledScenario;
  summary: ScenarioSummary;
}

/** Scenarios published from the trainer studio (the database), served beside the files. */
export interface PublishedScenarios {
  /** the newest version of each, as bundle JSON */
  latest(): Promise<string[]>;
  /** one scenario's newest version, or the version asked for */
  get(scenarioId: string, version?: number): Promise<string | undefined>;
}

/** The listing is read again after this long, so a new scenario shows up without a restart. */
const LISTING_CACHE_MS = 2000;

/**
 * A bundle this node saved is saved again (marking it used) after this long before a new session
 * points at it: the retention sweep deletes unused bundles only past a window of a day or more
 * (server/store/retention.ts), so the row is still there when the session's first write lands.
 */
const BUNDLE_RESAVE_MS = 60 * 60 * 1000;

export class ScenarioCatalog {
  private readonly compiled = new Map<string, OpenedScenario>();
  /** bundle hash -> when this node last saved it */
  private readonly saved = new Map<string, number>();
  /** stored bundles refused for an unsafe pattern (logged once) */
  private readonly unsafe = new Set<string>();
  /** by scenario id; the promise is shared, so a burst of starts parses a file once */
  private readonly fromDisk = new Map<string, { stamp: string; opened: Promise<OpenedScenario | undefined> }>();
  private listing: { at: number; list: ScenarioSummary[] } | undefined;
  private published: PublishedScenarios | undefined;

  constructor(
    private readonly dir: string,
    private readonly log: SessionLog,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Serve studio-published scenarios too; a file of the same id wins. */
  usePublished(source: PublishedScenarios): void {
    this.published = source;
  }

  /** The files, then the studio's published scenarios (not cached: a publish shows at once). */
  async list(): Promise<ScenarioSummary[]> {
    const files = await this.listFiles();
    if (!this.published) return files;
    const ids = new Set(files.map((s) => s.id));
    const extra = (await this.published.latest()).flatMap((json) => this.open(hashOf(json), json)?.summary ?? []).filter((s) => !ids.has(s.id));
    return [...files, ...extra].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Every valid scenario in the library; invalid files are logged and left out. */
  private async listFiles(): Promise<ScenarioSummary[]> {
    if (this.listing && this.now() - this.listing.at < LISTING_CACHE_MS) return this.listing.list;
    const list: ScenarioSummary[] = [];
    for (const path of await listScenarioFiles(this.dir)) {
      const loaded = await loadBundle(this.dir, path);
      if (loaded.ok) list.push(summarize(loaded.bundle));
      else this.logger.warn({ path, problems: loaded.diagnostics.length }, 'scenario file left out of the listing: it does not load');
    }
    list.sort((a, b) => a.id.localeCompare(b.id));
    this.listing = { at: this.now(), list };
    return list;
  }

  /**
   * The scenario a new session plays: the file on disk, or a stored bundle when an older version is
   * asked for. The bundle is saved before a session can point at it.
   */
  async forStart(scenarioId: string, version: number | undefined): Promise<Ack<OpenedScenario>> {
    const onFile = existsSync(scenarioPathFor(this.dir, scenarioId));
    const current = onFile || !this.published ? await this.onDisk(scenarioId) : await this.fromStudio(scenarioId);
    let opened = current;
    if (version !== undefined && current?.summary.version !== version) {
      const stored = await this.log.bundleOfVersion(scenarioId, version);
      opened = stored ? this.open(stored.hash, stored.bundle) : onFile ? undefined : await this.fromStudio(scenarioId, version);
      if (!opened) return fail('scenario-unavailable', `scenario ${scenarioId} has no version ${version} here`);
    }
    if (!opened) {
      return existsSync(scenarioPathFor(this.dir, scenarioId))
        ? fail('scenario-unavailable', `scenario "${scenarioId}" does not load; see the server log`)
        : fail('not-found', `no scenario "${scenarioId}"`);
    }
    const savedAt = this.saved.get(opened.hash);
    if (savedAt === undefined || this.now() - savedAt >= BUNDLE_RESAVE_MS) {
      const now = this.now();
      await this.log.saveBundle(opened.hash, opened.summary.id, opened.summary.version, opened.bundleJson, now);
      this.saved.set(opened.hash, now);
    }
    return ok(opened);
  }

  private async fromStudio(scenarioId: string, version?: number): Promise<OpenedScenario | undefined> {
    const json = await this.published?.get(scenarioId, version);
    return json === undefined ? undefined : this.open(hashOf(json), json);
  }

  /** A stored bundle by hash, for replaying a session's log. */
  async byHash(hash: string): Promise<OpenedScenario | undefined> {
    const cached = this.compiled.get(hash);
    if (cached) return cached;
    const json = await this.log.bundle(hash);
    return json === undefined ? undefined : this.open(hash, json);
  }

  /** Parsed again only when the scenario, a shop or the lexicon file changed (an edit needs no restart). */
  private onDisk(scenarioId: string): Promise<OpenedScenario | undefined> {
    const stamp = this.stamp(scenarioId);
    const cached = this.fromDisk.get(scenarioId);
    if (cached?.stamp === stamp) return cached.opened;
    const opened = this.parse(scenarioId);
    this.fromDisk.set(scenarioId, { stamp, opened });
    return opened;
  }

  private async parse(scenarioId: string): Promise<OpenedScenario | undefined> {
    const loaded = await loadBundle(this.dir, scenarioId);
    if (!loaded.ok) {
      this.logger.warn({ scenarioId, problems: loaded.diagnostics.slice(0, 3) }, 'scenario does not load');
      return undefined;
    }
    const json = JSON.stringify(loaded.bundle);
    return this.open(hashOf(json), json);
  }

  /** Modification times of every file a scenario's bundle is made of (all shops: cheaper than parsing). */
  private stamp(scenarioId: string): string {
    const path = scenarioPathFor(this.dir, scenarioId);
    const library = libraryFor(this.dir, path);
    const shops = join(library, SHOPS_DIR);
    const shopFiles = existsSync(shops) ? readdirSync(shops).map((name) => join(shops, name)) : [];
    return [path, lexiconPath(library), ...shopFiles].map((f) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 'none').join('|');
  }

  /** undefined: the bundle has a pattern that could stall the server (stored before that was checked), and is refused. */
  private open(hash: string, bundleJson: string): OpenedScenario | undefined {
    const cached = this.compiled.get(hash);
    if (cached) return cached;
    if (this.unsafe.has(hash)) return undefined;
    // Bundles are stored as the parser's output, so the JSON is already a valid Bundle.
    const bundle = JSON.parse(bundleJson) as Bundle;
    const problem = bundleRegexProblem(bundle);
    if (problem !== undefined) {
      this.unsafe.add(hash);
      this.logger.error({ scenarioId: bundle.scenario.id, version: bundle.scenario.version, hash, problem }, 'stored scenario refused: a pattern of it could stall the server');
      return undefined;
    }
    const opened = { hash, bundleJson, compiled: compileScenario(bundle), summary: summarize(bundle) };
    this.compiled.set(hash, opened);
    return opened;
  }
}

function hashOf(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

function summarize(bundle: Bundle): ScenarioSummary {
  const s = bundle.scenario;
  return { id: s.id, version: s.version, title: s.title, description: s.description, difficulty: s.difficulty, persona: s.persona, shop: s.shop, passMark: s.rubric.passMark };
}
