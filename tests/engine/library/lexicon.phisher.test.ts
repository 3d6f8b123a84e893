// phisher: realistic trainee replies must hit the intents the persona branches on and miss the look-alikes.
import { describeRows } from './lexiconTable.ts';
import { phisher } from './lexicon.rows.phisher.ts';

describeRows('phisher', phisher);
