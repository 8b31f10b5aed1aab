import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadAllLocales } from '../../lib/i18n';
import { installFakeSender } from './senders';

// The pages load one catalogue before rendering; tests translate in every language at will.
await loadAllLocales();

beforeEach(() => {
  fakeBrowser.reset();
  installFakeSender();
});
