import { jsonSchemaFiles } from '../server/engine/scenario/jsonSchema.ts';
const a = jsonSchemaFiles(); const b = jsonSchemaFiles();
console.log(Object.keys(a).map((k) => a[k] === b[k]));
