// bargainer: realistic trainee replies must hit the intents the persona branches on and miss the look-alikes.
import { describeRows } from './lexiconTable.ts';
import { bargainer } from './lexicon.rows.bargainer.ts';

describeRows('bargainer', bargainer);
