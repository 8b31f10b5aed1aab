/**
 * The sandbox: admin-like pages and the fake Admin API on ONE loopback origin, like
 * admin.shopify.com and {handle}.myshopify.com are one store to the extension.
 *
 *   const sandbox = await startSandbox({ orders: 40 });
 *   page.goto(sandbox.orderUrl(DEMO_ORDERS.amazon));
 *
 * The pages are a React SPA bundled with esbuild from test/sandbox/app/main.tsx when the server starts
 * (cached per process), served through the fake API's `extraRoutes` hook.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SANDBOX_LANGS } from './app/i18n.ts';
import { startFakeAdminApi, type FakeAdminApi, type FakeAdminApiOptions } from '../fake-admin-api/index.ts';

export { DEMO_ORDERS, type DemoKey } from '../fake-admin-api/index.ts';

const APP_ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'app/main.tsx');
const API_VERSION = '2025-01';

export interface SandboxOptions extends Omit<FakeAdminApiOptions, 'extraRoutes'> {
  /** Minify the page bundle (bench/demo realism); default false for readable stack traces. */
  minify?: boolean;
  /** Delay before an order page gets its data, like the real admin's loading time (default 0). */
  orderLatencyMs?: number;
  /** Admin markup: today's ('classic', default) or the live admin's 2026 shapes (test/sandbox/app/layout.ts). */
  layout?: 'classic' | '2026';
}

export interface Sandbox {
  /** http://127.0.0.1:PORT — serves both the admin pages and the Admin API. */
  origin: string;
  api: FakeAdminApi;
  /** The store's `{handle}.myshopify.com` name. */
  handle: string;
  orderListUrl(): string;
  orderUrl(id: string | number, query?: Record<string, string>): string;
  fulfilUrl(orderId: string | number, fulfillmentOrderId: string | number): string;
  refundUrl(orderId: string | number): string;
  close(): Promise<void>;
}

let bundleCache: Promise<string> | null = null;

/** The languages the sandbox admin speaks, for the first paint's <html lang>. */
const SHELL_LANGS: ReadonlySet<string> = new Set(SANDBOX_LANGS);

/** Bundles the sandbox SPA once per process (≈0.3 s). */
export function buildSandboxApp(minify = false): Promise<string> {
  bundleCache ??= build({
    entryPoints: [APP_ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify,
    define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"' },
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  bundleCache.catch(() => (bundleCache = null));
  return bundleCache;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function shell(handle: string, lang: string, salt: string, orderLatencyMs: number, layout: string): string {
  const config = JSON.stringify({ salt, handle, apiVersion: API_VERSION, orderLatencyMs, layout }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(handle)} · Orders · Shopify (sandbox)</title>
<script>window.__SANDBOX__=${config}</script>
</head>
<body>
<div id="app"></div>
<script type="module" src="/__sandbox/app.js"></script>
</body>
</html>`;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { minify, orderLatencyMs = 0, layout = 'classic', ...apiOptions } = options;
  const appJs = await buildSandboxApp(minify);
  // New salt per server: hashed class names differ between runs, as between admin releases.
  const salt = randomBytes(4).toString('hex');
  let handle = apiOptions.shop ?? 'demo-store';

  const extraRoutes = (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/__sandbox/app.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(appJs);
      return true;
    }
    if (url.pathname === '/' || url.pathname === '/store' || url.pathname === `/store/${handle}`) {
      res.writeHead(302, { Location: `/store/${handle}/orders${url.search}` });
      res.end();
      return true;
    }
    if (url.pathname.startsWith('/store/')) {
      const lang = SHELL_LANGS.has(url.searchParams.get('lang') ?? '') ? url.searchParams.get('lang')! : 'en';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(shell(handle, lang, salt, orderLatencyMs, layout));
      return true;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return true;
    }
    return false;
  };

  const api = await startFakeAdminApi({ ...apiOptions, extraRoutes });
  handle = api.shop;
  const origin = api.origin;
  const q = (query?: Record<string, string>) => (query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : '');
  return {
    origin,
    api,
    handle,
    orderListUrl: () => `${origin}/store/${handle}/orders`,
    orderUrl: (id, query) => `${origin}/store/${handle}/orders/${id}${q(query)}`,
    fulfilUrl: (orderId, foId) => `${origin}/store/${handle}/orders/${orderId}/fulfillment_orders/${foId}/fulfill`,
    refundUrl: (orderId) => `${origin}/store/${handle}/orders/${orderId}/refund`,
    close: () => api.close(),
  };
}
