// The protocol's public surface: types and validators only, so the client can import it.
export * from './errors.ts';
export * from './events.ts';
export * from './limits.ts';
export * from './schemas.ts';
export * from './drillEvents.ts';
export * from './drillSchemas.ts';
