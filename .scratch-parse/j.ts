import { z } from 'zod';
import { scenarioSchema, lexiconSchema } from '../server/engine/scenario/schema.ts';
import { shopSchema } from '../server/engine/scenario/shopSchema.ts';
const s = z.toJSONSchema(scenarioSchema, { io: 'input' });
console.log(JSON.stringify(s).length, Object.keys(s), JSON.stringify(s).slice(0, 1500));
console.log(JSON.stringify(z.toJSONSchema(shopSchema, { io: 'input' })).length);
console.log(JSON.stringify(z.toJSONSchema(lexiconSchema, { io: 'input' })).slice(0,600));
