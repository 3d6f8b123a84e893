// Copy-paste answering: is a reply near-identical to one of the trainee's recent replies? The
// plain form, similarity(earlier, reply) for each of the last eight replies, normalised and split
// both texts again on every turn: half of a whole step() under load. The answer is the same when
// each text is prepared once (similarityKey) and kept while it is still among the recent replies.
import { similarAtLeast, similarityKeyOfNormalized } from '../analysis/similarity.ts';
import type { SimilarityKey } from '../analysis/similarity.ts';

/** Similarity at which two replies count as the same text sent again (copy-paste answering). */
export const REPEAT_SIMILARITY = 0.9;
/** How far back a repeat is looked for: a pasted answer shows up within a few turns. */
export const RECENT_REPLIES = 8;

/**
 * Prepared texts by text, least recently used first. A step's eight lookups keep a session's
 * recent replies warm; the bound keeps memory flat however many sessions a server runs (a miss
 * only costs what every lookup used to cost).
 */
const KEY_CACHE_LIMIT = 4096;
const keys = new Map<string, SimilarityKey>();

/** The key of a normalised text (every text here is a reply's normalised form). */
function keyOf(normalized: string): SimilarityKey {
  let key = keys.get(normalized);
  if (key !== undefined) {
    keys.delete(normalized);
  } else {
    key = similarityKeyOfNormalized(normalized);
    if (keys.size >= KEY_CACHE_LIMIT) {
      const oldest = keys.keys().next();
      if (oldest.done !== true) keys.delete(oldest.value);
    }
  }
  keys.set(normalized, key);
  return key;
}

/** `normalized` repeats one of `recent` (earlier replies' normalised texts). */
export function repeatsEarlierReply(recent: readonly string[], normalized: string): boolean {
  // Very short replies (好的, 嗯) repeat naturally; the mechanical-reply rule judges those.
  if ([...normalized].length < 6) return false;
  if (recent.length === 0) return false;
  const reply = keyOf(normalized);
  return recent.some((earlier) => similarAtLeast(keyOf(earlier), reply, REPEAT_SIMILARITY));
}
