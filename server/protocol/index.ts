// The protocol's public surface: types, validators and the pure joins both ends share, so the client can import it.
export * from './errors.ts';
export * from './events.ts';
export * from './limits.ts';
export * from './schemas.ts';
export * from './drillEvents.ts';
export * from './drillSchemas.ts';
export * from './ruleTexts.ts';
