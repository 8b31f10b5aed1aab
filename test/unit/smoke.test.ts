import { describe, expect, it } from 'vitest';
import { isLoopbackOrigin, isValidHandle } from '../../lib/store-ref';
import { fail, ok } from '../../lib/result';

describe('store-ref', () => {
  it('accepts shop handles and rejects hosts', () => {
    expect(isValidHandle('my-store-12')).toBe(true);
    expect(isValidHandle('my.store')).toBe(false);
    expect(isValidHandle('')).toBe(false);
  });
  it('only treats plain loopback http origins as sandbox origins', () => {
    expect(isLoopbackOrigin('http://127.0.0.1:8080')).toBe(true);
    expect(isLoopbackOrigin('http://localhost:3000')).toBe(true);
    expect(isLoopbackOrigin('https://127.0.0.1:8080')).toBe(false);
    expect(isLoopbackOrigin('http://127.0.0.1.evil.io')).toBe(false);
    expect(isLoopbackOrigin('http://127.0.0.1:8080/path')).toBe(false);
  });
  it('builds results', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail('x', 'y').error.code).toBe('x');
  });
});
