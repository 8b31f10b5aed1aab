import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakeSender } from './senders';

beforeEach(() => {
  fakeBrowser.reset();
  installFakeSender();
});
