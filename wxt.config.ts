import { defineConfig } from 'wxt';

// The sandbox build (`--mode sandbox`) also runs on the local fake admin served from 127.0.0.1;
// the production build never matches anything but Shopify's own admin hosts.
const ADMIN_MATCHES = ['https://admin.shopify.com/*', 'https://*.myshopify.com/*'];
const SANDBOX_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: mode === 'sandbox' ? [...ADMIN_MATCHES, ...SANDBOX_MATCHES] : ADMIN_MATCHES,
    browser_specific_settings: {
      gecko: { id: 'proxy-mail-guard@proxymailguard.app', strict_min_version: '115.0' },
    },
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic' },
  }),
});
