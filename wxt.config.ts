import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// The sandbox build (`--mode sandbox`) also runs on the local fake admin served from 127.0.0.1;
// the production build never matches anything but Shopify's own admin hosts.
const ADMIN_MATCHES = ['https://admin.shopify.com/*', 'https://*.myshopify.com/*'];
const SANDBOX_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
const STORAGE_MATCHES = ['https://shopify-staged-uploads.storage.googleapis.com/*', 'https://storage.googleapis.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  // MV3 everywhere: WXT 0.20 would build Firefox as MV2 by default. Firefox MV3 runs the background
  // as an event page (it has `window`; see lib/shopify for what that means for the API client).
  manifestVersion: 3,
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `storage` only. No `tabs`: the popup reads the active tab's URL, and Chrome and Firefox
    // expose a tab's URL to an extension that has host permission for it — which we have for the
    // admin hosts, the only pages the popup cares about. (If a surface ever needs other tabs' URLs,
    // prefer `activeTab`, granted per click, to `tabs`.)
    // `alarms`: the one-minute check of automatic protection (nothing broader).
    // `scripting`: the background puts the order list's script (entrypoints/orders-list.ts) into the admin
    // tab that asks for it, so the every-page script stays small without a web-accessible file (which
    // any admin page could fetch to detect us). No install warning; it reaches only our host permissions.
    permissions: ['storage', 'alarms', 'scripting'],
    // Drawn once in design/icon.svg, rendered by `npm run icons`; WXT lists public/icon/*.png as `icons`.
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' } },
    host_permissions: mode === 'sandbox' ? [...ADMIN_MATCHES, ...SANDBOX_MATCHES] : ADMIN_MATCHES,
    // Shopify's file storage (bulk mutation uploads, bulk result files): asked from the dashboard when a
    // large job needs it, never at install (lib/platform/storage-hosts.ts; the sandbox adds the fake's).
    optional_host_permissions: mode === 'sandbox' ? [...STORAGE_MATCHES, 'http://127.0.0.2/*'] : STORAGE_MATCHES,
    // Firefox only: Chrome warns about (and ignores) this key. The extension sends data only to the
    // merchant's own store (Shopify Admin API) and collects nothing for us: `none`. Firefox needs
    // 140+ to understand `data_collection_permissions` (140 is the current ESR).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'proxy-mail-guard@proxymailguard.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none' as const] },
            },
          },
        }
      : {}),
  }),
  zip: {
    // The Firefox sources zip (for add-on review) is the repo, minus what tests leave behind.
    excludeSources: ['test-results/**', 'coverage/**', '.output/**', '**/*.log'],
  },
  hooks: {
    // Chrome's list of extension locales names Norwegian `no`, Firefox (and Chrome's own UI) `nb`:
    // the Chrome build ships the one Bokmål catalogue under both names.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'chrome') return;
      files.push({ absoluteSrc: resolve(wxt.config.publicDir, '_locales/nb/messages.json'), relativeDest: '_locales/no/messages.json' });
    },
  },
  vite: (env) => ({
    // jsxDev must follow the same switch: the production `react/jsx-dev-runtime` has no jsxDEV.
    esbuild: { jsx: 'automatic', jsxDev: env.command === 'serve' },
    // React (and anything else that reads NODE_ENV) in its production build in every build a merchant
    // could receive, the sandbox one included: WXT would define NODE_ENV as the mode ("sandbox"), and
    // a build spawned by the test runner would inherit its NODE_ENV=test; both give React's
    // development build (≈ 210 KB more, and development warnings). Only `wxt` (dev server) is development.
    define: { 'process.env.NODE_ENV': JSON.stringify(env.command === 'serve' ? 'development' : 'production') },
    // tldts (the Public Suffix List, ~40 KB gzip) is used only when settings are validated (popup,
    // background). Its modules have no side effects, so a bundle that never validates (the content
    // script, ≤ 30 KB) must not carry it; rollup cannot tell that on its own.
    build: { rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]tldts(-core)?[\\/]/.test(id) } } },
  }),
});
