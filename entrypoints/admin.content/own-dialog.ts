/**
 * Our alert dialog on the admin page — the notify guard's "email the buyer anyway?" and the order
 * list's question before a bulk fulfil: a backdrop and a box in our own shadow root (../own-ui.ts),
 * looking like a Polaris modal. Title and body are text only; each button answers on a person's
 * click only; a click on the backdrop or Escape answers `dismiss` while the buttons are enabled; none
 * of our clicks or keys reach the admin (a click outside could close its dialog or clear its selection).
 */
import { OWN_MARK } from '@/lib/admin-dom';
import { attachOwnShadow, onTrustedClick, POLARIS_FONT } from './own-ui';

export interface OwnDialogButton<A> {
  label: string;
  /** Its look, styled by the dialog's `css`. */
  className: string;
  answer: A;
}

export interface OwnDialogSpec<A> {
  /** Its OWN_MARK value (tests and our own lookups find it by this). */
  mark: string;
  title: string;
  body: string;
  /** In the order shown, left to right. */
  buttons: OwnDialogButton<A>[];
  /** What a click on the backdrop or Escape answers. */
  dismiss: A;
  /** The button focused when it opens. */
  focus: A;
  widthPx: number;
  /** Rules of this dialog's own (its buttons' classes, the status line). */
  css: string;
  /** A line under the body for progress, hidden until `status` is set. */
  withStatus?: boolean;
}

export interface OwnDialog {
  host: HTMLElement;
  buttons: HTMLButtonElement[];
  /** Shows a progress line (a dialog opened `withStatus`). */
  status(text: string): void;
}

function dialogCss(widthPx: number): string {
  return (
    `.backdrop{position:fixed;inset:0;z-index:2147483646;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;font:var(--p-font-size-325, .8125rem)/1.45 ${POLARIS_FONT};color:var(--p-color-text, rgba(48,48,48,1))}` +
    `.box{background:var(--p-color-bg-surface, #fff);border-radius:var(--p-border-radius-400, 1rem);box-shadow:var(--p-shadow-600, 0 20px 20px -8px rgba(26,26,26,.28));width:min(${widthPx}px, calc(100vw - 32px));overflow:hidden}` +
    `h2{margin:0;padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);font-size:var(--p-font-size-350, .875rem);font-weight:var(--p-font-weight-semibold, 650);background:var(--p-color-bg-surface-secondary, #f7f7f7);border-bottom:1px solid var(--p-color-border-secondary, #ebebeb)}` +
    `p{margin:0;padding:var(--p-space-400, 1rem)}` +
    `.actions{display:flex;justify-content:flex-end;flex-wrap:wrap;gap:var(--p-space-200, .5rem);padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);border-top:1px solid var(--p-color-border-secondary, #ebebeb)}` +
    `button{font:inherit;font-weight:var(--p-font-weight-medium, 550);border-radius:var(--p-border-radius-200, .5rem);padding:6px 12px;cursor:pointer;border:1px solid var(--p-color-border, #c9c9c9);background:#fff;color:inherit}`
  );
}

/**
 * Builds the dialog, puts it into `parent` and focuses a button. `onAnswer` hears every answer, and
 * whether a button or the backdrop / Escape gave it; the caller closes the dialog (`host.remove()`).
 */
export function openOwnDialog<A>(doc: Document, spec: OwnDialogSpec<A>, parent: Element, onAnswer: (answer: A, by: 'button' | 'dismiss') => void): OwnDialog {
  const host = doc.createElement('div');
  host.setAttribute(OWN_MARK, spec.mark);
  const root = attachOwnShadow(host);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    return node;
  };
  const style = el('style');
  style.textContent = dialogCss(spec.widthPx) + spec.css;
  const backdrop = el('div', 'backdrop');
  const box = el('div', 'box');
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', 'pmg-title');
  box.setAttribute('aria-describedby', 'pmg-body');
  const h = el('h2');
  h.id = 'pmg-title';
  h.textContent = spec.title;
  const p = el('p');
  p.id = 'pmg-body';
  p.textContent = spec.body;
  const status = spec.withStatus ? el('p', 'status') : null;
  if (status) {
    status.setAttribute('role', 'status');
    status.hidden = true;
  }
  const actions = el('div', 'actions');
  const buttons = spec.buttons.map((b) => {
    const node = el('button', b.className);
    node.type = 'button';
    node.textContent = b.label;
    node.dataset.answer = String(b.answer);
    // Only a person's click answers: a script in the admin must not be able to say "send anyway".
    onTrustedClick(node, () => onAnswer(b.answer, 'button'));
    return node;
  });
  actions.append(...buttons);
  box.append(...[h, p, status, actions].filter((node) => node !== null));
  backdrop.append(box);
  root.append(style, backdrop);
  const dismissable = () => !buttons[0]?.disabled;
  backdrop.addEventListener('click', (e) => {
    e.stopPropagation();
    if (e.target === backdrop && dismissable()) onAnswer(spec.dismiss, 'dismiss');
  });
  backdrop.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape' && dismissable()) onAnswer(spec.dismiss, 'dismiss');
  });
  parent.append(host);
  buttons[spec.buttons.findIndex((b) => b.answer === spec.focus)]?.focus();
  return {
    host,
    buttons,
    status(text) {
      if (!status) return;
      status.hidden = false;
      status.textContent = text;
    },
  };
}
