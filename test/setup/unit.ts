import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadAllLocales } from '../../lib/i18n';
import { installFakeSender } from './senders';
import { serveExtensionFiles } from './extension-files';

// Property tests draw from one fixed seed, so `npm test` (and CI) passes or fails the same way on every
// run; `npm run test:props` explores fresh seeds with many more runs and prints the seed of any failure.
const seedSetting = process.env.FC_SEED ?? '20261129';
if (seedSetting !== 'random') fc.configureGlobal({ seed: Number(seedSetting) });

serveExtensionFiles();

// The pages load one catalogue before rendering; tests translate in every language at will.
await loadAllLocales();

beforeEach(() => {
  fakeBrowser.reset();
  installFakeSender();
});
