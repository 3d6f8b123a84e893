// size-hesitant: realistic trainee replies must hit the intents the persona branches on and miss the look-alikes.
import { describeRows } from './lexiconTable.ts';
import { sizeHesitant } from './lexicon.rows.sizeHesitant.ts';

describeRows('size-hesitant', sizeHesitant);
