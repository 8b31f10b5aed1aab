/**
 * What we put into the admin page (the order card, the notify guard's notes and its confirmation) is
 * built so the page's own scripts can neither read it nor press it:
 * - closed shadow roots in production (the admin's scripts and CSS cannot reach in). The sandbox
 *   build keeps them open so browser tests can read and click them as a merchant would; unit tests
 *   (happy-dom) reach them through `ownShadowRoot`, which holds nothing in any other build;
 * - buttons act on trusted clicks only (`isTrusted`: a person's click or key press, never a
 *   script's `element.click()` or dispatched event).
 */
import { OWN_MARK } from '@/lib/admin-dom';

/** The admin's type (Polaris token, with its own value as the fallback) for what we draw in our shadow roots. */
export const POLARIS_FONT = "var(--p-font-family-sans, 'Inter', -apple-system, BlinkMacSystemFont, 'San Francisco', 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif)";

const OPEN_FOR_BROWSER_TESTS = import.meta.env.MODE === 'sandbox';
const UNIT_TEST = import.meta.env.MODE === 'test';

const roots: WeakMap<Element, ShadowRoot> | null = UNIT_TEST ? new WeakMap() : null;

export function attachOwnShadow(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: OPEN_FOR_BROWSER_TESTS ? 'open' : 'closed' });
  roots?.set(host, root);
  return root;
}

/** Unit tests only: the (closed) root of one of our hosts; null in every build. */
export function ownShadowRoot(host: Element | null | undefined): ShadowRoot | null {
  return (host && roots?.get(host)) ?? null;
}

let scriptedClicksForTests = false;
/** happy-dom cannot make a trusted click: unit tests of what a button does opt in here (no effect in builds). */
export function acceptScriptedClicksForTests(accept: boolean): void {
  scriptedClicksForTests = accept;
}

/** Runs `action` for a person's click only; every click stops here, so the admin never sees ours. */
export function onTrustedClick(node: HTMLElement, action: (event: MouseEvent) => void): void {
  node.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (!event.isTrusted && !(UNIT_TEST && scriptedClicksForTests)) return;
    action(event);
  });
}

/** A button we put into the admin: its label, look and what a person's click does. */
interface OwnButton {
  id: string;
  label: string;
  primary?: boolean;
  disabled?: boolean;
  onClick(): void;
}

/**
 * Element builders for our shadow roots (card, list banner): text only through textContent, never
 * markup, and buttons that act on trusted clicks only and never reach the admin's own handlers.
 */
export function ownBuilders(doc: Document) {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const button = (b: OwnButton, extra = ''): HTMLButtonElement => {
    const node = el('button', [b.primary ? 'primary' : '', extra].filter(Boolean).join(' '), b.label);
    node.type = 'button';
    node.dataset.action = b.id;
    node.disabled = Boolean(b.disabled);
    onTrustedClick(node, () => b.onClick());
    return node;
  };
  return { el, button };
}

/**
 * A host we paint from a model (the order card, the list banner): its own shadow root with `css`,
 * re-built only when the model changed (a rebuild would drop the merchant's focus), empty and hidden
 * with `data-state="none"` while there is no model, and `data-floating` (pinned to the window's corner)
 * when the page gave it no place. `paint` builds the content and sets the host's other data.
 */
export function ownModelHost<M extends { floating?: boolean }>(
  doc: Document,
  tag: string,
  mark: string,
  css: string,
  paint: (model: M, host: HTMLElement, build: ReturnType<typeof ownBuilders>) => Node,
): { host: HTMLElement; render(model: M | null): void } {
  const host = doc.createElement(tag);
  host.setAttribute(OWN_MARK, mark);
  const root = attachOwnShadow(host);
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  root.append(style, container);
  const build = ownBuilders(doc);
  let shown = '';
  return {
    host,
    render(model) {
      const key = JSON.stringify(model);
      if (key === shown) return;
      shown = key;
      if (!model) {
        container.replaceChildren();
        host.hidden = true;
        host.dataset.state = 'none';
        return;
      }
      host.hidden = false;
      host.toggleAttribute('data-floating', Boolean(model.floating));
      container.replaceChildren(paint(model, host, build));
    },
  };
}
