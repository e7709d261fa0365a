export * from './duties';
export * from './readiness';
export * from './schemas';
