/**
 * Which admin markup the sandbox renders:
 *   classic — Polaris React markup as the help pages describe it (email as a mailto: link, <label for>);
 *   2026    — what public automation of the live admin shows (test/facts/ADMIN-UI.md, "Real markup
 *             seen"): the email as a button's text, `h1.Polaris-Header-Title > span`, action labels in a
 *             <span>, admin web components (s-internal-*) with open shadow roots, a notify box that is a
 *             native checkbox inside a component's shadow root, labels adjacent to their values.
 * Chosen by `?layout=2026|classic` (kept for the tab, so client-side navigation keeps it), else by the
 * server option `startSandbox({ layout })` the e2e suites pass, else classic.
 * `?layout=unknown` is separate: a per-URL broken page (see main.tsx).
 */
export const LAYOUTS = ['classic', '2026'] as const;
export type SandboxLayout = (typeof LAYOUTS)[number];

const KEY = 'sandbox:layout';

function isLayout(value: unknown): value is SandboxLayout {
  return typeof value === 'string' && (LAYOUTS as readonly string[]).includes(value);
}

function initialLayout(): SandboxLayout {
  if (typeof window === 'undefined') return 'classic';
  const fromUrl = new URL(location.href).searchParams.get('layout');
  if (isLayout(fromUrl)) {
    sessionStorage.setItem(KEY, fromUrl);
    return fromUrl;
  }
  const kept = sessionStorage.getItem(KEY);
  if (isLayout(kept)) return kept;
  const fromServer = window.__SANDBOX__?.layout;
  return isLayout(fromServer) ? fromServer : 'classic';
}

/** Fixed for the page's lifetime, like an admin release. */
export const LAYOUT: SandboxLayout = initialLayout();
export const is2026 = LAYOUT === '2026';
