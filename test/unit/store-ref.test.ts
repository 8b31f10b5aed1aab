import { describe, expect, it } from 'vitest';
import { dashboardPath } from '../../lib/store-ref';

describe('dashboardPath', () => {
  it('names the store, and the sandbox origin only when there is one', () => {
    expect(dashboardPath({ handle: 'demo-store' })).toBe('/dashboard.html?store=demo-store');
    expect(dashboardPath({ handle: 'demo-store', origin: 'http://127.0.0.1:5173' })).toBe('/dashboard.html?store=demo-store&origin=http%3A%2F%2F127.0.0.1%3A5173');
  });
});
