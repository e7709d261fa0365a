export * from './readiness';
export * from './schemas';
