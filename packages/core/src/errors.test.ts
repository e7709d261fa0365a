import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from './errors';

describe('AppError', () => {
  it('carries the domain code, the transport code and params for the translated message', () => {
    const error = new AppError('STALE_VERSION', {
      message: 'changed by someone else',
      params: { version: 3 },
    });
    expect(isAppError(error)).toBe(true);
    expect(error.code).toBe('STALE_VERSION');
    expect(error.transportCode).toBe('CONFLICT');
    expect(error.params).toEqual({ version: 3 });
    expect(error.message).toBe('changed by someone else');
  });

  it('is not confused with other errors', () => {
    expect(isAppError(new Error('x'))).toBe(false);
  });
});
