import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictLocalStorage } from '../../lib/platform/storage-access';

describe('storage.local access level', () => {
  it('asks for trusted contexts only where the browser supports it', async () => {
    const setAccessLevel = vi.fn(async () => {});
    Object.assign(fakeBrowser.storage.local, { setAccessLevel });
    try {
      expect(await restrictLocalStorage()).toBe('trusted-only');
      expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    } finally {
      delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
    }
  });

  it('says "unsupported" (and does not throw) where it is missing or refused', async () => {
    expect(await restrictLocalStorage()).toBe('unsupported');
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: vi.fn(async () => Promise.reject(new Error('nope'))) });
    try {
      expect(await restrictLocalStorage()).toBe('unsupported');
    } finally {
      delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
    }
  });
});
