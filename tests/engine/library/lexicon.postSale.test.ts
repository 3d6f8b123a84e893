// post-sale complainer: realistic trainee replies must hit the intents the persona branches on and miss the look-alikes.
import { describeRows } from './lexiconTable.ts';
import { postSale } from './lexicon.rows.postSale.ts';

describeRows('post-sale complainer', postSale);
