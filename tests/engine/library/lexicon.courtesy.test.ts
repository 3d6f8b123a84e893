// greeting and closing: realistic trainee replies must hit the intents the persona branches on and miss the look-alikes.
import { describeRows } from './lexiconTable.ts';
import { greetingAndClose } from './lexicon.rows.courtesy.ts';

describeRows('greeting and closing', greetingAndClose);
