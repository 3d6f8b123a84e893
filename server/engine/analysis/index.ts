// Reply analysis: the Chinese-first text layer of the engine (normalise, features, matchers,
// intent lexicon, global-rule detectors). Pure and precompiled at module load.
export type { ContactHit, Detection, KeywordHit, TextFeatures } from './types.ts';
export { normalize } from './normalize.ts';
export { analyzeText } from './features.ts';
export { findKeywords } from './keywords.ts';
export { compileMatcher, DEFAULT_SIMILARITY_THRESHOLD } from './matcher.ts';
export type { CompiledMatcher } from './matcher.ts';
export { compileLexicon } from './lexicon.ts';
export type { CompiledLexicon, IntentExplanation } from './lexicon.ts';
export { similarity } from './similarity.ts';
export {
  detectAbsolutePromise, detectApology, detectCredentialLeak, detectGreeting, detectOffPlatformContact,
  detectPhotoRequest, detectPoliteAddress, detectRudeLanguage,
} from './detectors.ts';
export type { Detector } from './detectors.ts';
