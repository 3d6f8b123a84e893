// Scenarios as the runtime sees them: the library on disk for new sessions and the listing, and the
// bundles stored in the database for replaying old ones (a session replays against exactly the
// bundle it started with, even after the file changed). Compiled scenarios are cached by hash.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Bundle, CompiledScenario } from '../engine/index.ts';
import { compileScenario } from '../engine/index.ts';
import type { Ack, ScenarioSummary } from '../protocol/index.ts';
import { fail, ok } from '../protocol/index.ts';
import { listScenarioFiles, loadBundle, scenarioPathFor } from '../store/scenarioFiles.ts';
import type { SessionLog } from '../store/sessionLog.ts';

export interface OpenedScenario {
  hash: string;
  bundleJson: string;
  compiled: CompiledScenario;
  summary: ScenarioSummary;
}

/** Files are read again after this long, so an edited scenario is picked up without a restart. */
const DISK_CACHE_MS = 2000;

export class ScenarioCatalog {
  private readonly compiled = new Map<string, OpenedScenario>();
  private readonly saved = new Set<string>();
  private readonly fromDisk = new Map<string, { at: number; opened: OpenedScenario | undefined }>();
  private listing: { at: number; list: ScenarioSummary[] } | undefined;

  constructor(
    private readonly dir: string,
    private readonly log: SessionLog,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every valid scenario in the library; invalid files are logged and left out. */
  async list(): Promise<ScenarioSummary[]> {
    if (this.listing && this.now() - this.listing.at < DISK_CACHE_MS) return this.listing.list;
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
    const current = await this.onDisk(scenarioId);
    let opened = current;
    if (version !== undefined && current?.summary.version !== version) {
      const stored = await this.log.bundleOfVersion(scenarioId, version);
      opened = stored ? this.open(stored.hash, stored.bundle) : undefined;
      if (!opened) return fail('scenario-unavailable', `scenario ${scenarioId} has no version ${version} here`);
    }
    if (!opened) {
      return existsSync(scenarioPathFor(this.dir, scenarioId))
        ? fail('scenario-unavailable', `scenario "${scenarioId}" does not load; see the server log`)
        : fail('not-found', `no scenario "${scenarioId}"`);
    }
    if (!this.saved.has(opened.hash)) {
      await this.log.saveBundle(opened.hash, opened.summary.id, opened.summary.version, opened.bundleJson, this.now());
      this.saved.add(opened.hash);
    }
    return ok(opened);
  }

  /** A stored bundle by hash, for replaying a session's log. */
  async byHash(hash: string): Promise<OpenedScenario | undefined> {
    const cached = this.compiled.get(hash);
    if (cached) return cached;
    const json = await this.log.bundle(hash);
    return json === undefined ? undefined : this.open(hash, json);
  }

  private async onDisk(scenarioId: string): Promise<OpenedScenario | undefined> {
    const cached = this.fromDisk.get(scenarioId);
    if (cached && this.now() - cached.at < DISK_CACHE_MS) return cached.opened;
    const loaded = await loadBundle(this.dir, scenarioId);
    let opened: OpenedScenario | undefined;
    if (loaded.ok) {
      const json = JSON.stringify(loaded.bundle);
      opened = this.open(createHash('sha256').update(json).digest('hex'), json);
    } else {
      this.logger.warn({ scenarioId, problems: loaded.diagnostics.slice(0, 3) }, 'scenario does not load');
    }
    this.fromDisk.set(scenarioId, { at: this.now(), opened });
    return opened;
  }

  private open(hash: string, bundleJson: string): OpenedScenario {
    const cached = this.compiled.get(hash);
    if (cached) return cached;
    // Bundles are stored as the parser's output, so the JSON is already a valid Bundle.
    const bundle = JSON.parse(bundleJson) as Bundle;
    const opened = { hash, bundleJson, compiled: compileScenario(bundle), summary: summarize(bundle) };
    this.compiled.set(hash, opened);
    return opened;
  }
}

function summarize(bundle: Bundle): ScenarioSummary {
  const s = bundle.scenario;
  return { id: s.id, version: s.version, title: s.title, description: s.description, difficulty: s.difficulty, persona: s.persona, shop: s.shop };
}
