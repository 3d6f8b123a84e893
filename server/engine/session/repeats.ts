// Copy-paste answering: is a reply near-identical to one of the trainee's recent replies? The
// plain form, similarity(earlier, reply) for each of the last eight replies, normalised and split
// both texts again on every turn: half of a whole step() under load. The answer is the same when
// each text is prepared once (similarityKey) and kept while it is still among the recent replies.
import { similarAtLeast, similarityKeyOfNormalized } from '../analysis/similarity.ts';
import type { SimilarityKey } from '../analysis/similarity.ts';
import { fewerCodePointsThan } from './codePoints.ts';

/** Similarity at which two replies count as the same text sent again (copy-paste answering). */
export const REPEAT_SIMILARITY = 0.9;
/** How far back a repeat is looked for: a pasted answer shows up within a few turns. */
export const RECENT_REPLIES = 8;

/**
 * Prepared texts by text, in two generations: lookups are served from `recent`, and from `older`
 * (moving the entry to `recent`); when `recent` is full, it becomes `older` and the oldest
 * generation is dropped. Texts still in use (a session's recent replies, looked up every step)
 * stay warm, as in a least-recently-used list, without reordering an entry on every hit; memory
 * stays flat however many sessions a server runs (a miss only costs what every lookup used to cost).
 */
const KEY_CACHE_LIMIT = 4096;
let recentKeys = new Map<string, SimilarityKey>();
let olderKeys = new Map<string, SimilarityKey>();

/** The key of a normalised text (every text here is a reply's normalised form). */
function keyOf(normalized: string): SimilarityKey {
  let key = recentKeys.get(normalized);
  if (key !== undefined) return key;
  key = olderKeys.get(normalized) ?? similarityKeyOfNormalized(normalized);
  if (recentKeys.size >= KEY_CACHE_LIMIT / 2) {
    olderKeys = recentKeys;
    recentKeys = new Map();
  }
  recentKeys.set(normalized, key);
  return key;
}

/** `normalized` repeats one of `recent` (earlier replies' normalised texts). */
export function repeatsEarlierReply(recent: readonly string[], normalized: string): boolean {
  // Very short replies (好的, 嗯) repeat naturally; the mechanical-reply rule judges those.
  if (fewerCodePointsThan(normalized, 6)) return false;
  if (recent.length === 0) return false;
  const reply = keyOf(normalized);
  for (const earlier of recent) if (similarAtLeast(keyOf(earlier), reply, REPEAT_SIMILARITY)) return true;
  return false;
}
