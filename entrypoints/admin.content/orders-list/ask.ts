/**
 * Our question before the admin fulfils a selection that holds relay orders without asking: three
 * answers (fix the addresses first, fulfil anyway, cancel), in a shadow root above the admin.
 */
import { attachOwnShadow, onTrustedClick } from '../own-ui';
import { OWN_MARK } from '@/lib/admin-dom';

export type BulkAnswer = 'fix-first' | 'anyway' | 'cancel';

export interface BulkQuestion {
  title: string;
  body: string;
  fixFirst: string | null;
  anyway: string;
  cancel: string;
}

const FONT = "var(--p-font-family-sans, 'Inter', -apple-system, BlinkMacSystemFont, 'San Francisco', 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif)";

const CSS =
  `.backdrop{position:fixed;inset:0;z-index:2147483646;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;font:var(--p-font-size-325, .8125rem)/1.45 ${FONT};color:var(--p-color-text, rgba(48,48,48,1))}` +
  `.box{background:var(--p-color-bg-surface, #fff);border-radius:var(--p-border-radius-400, 1rem);box-shadow:0 20px 20px -8px rgba(26,26,26,.28);width:min(480px, calc(100vw - 32px));overflow:hidden}` +
  `h2{margin:0;padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);font-size:var(--p-font-size-350, .875rem);font-weight:var(--p-font-weight-semibold, 650);background:var(--p-color-bg-surface-secondary, #f7f7f7);border-bottom:1px solid #ebebeb}` +
  `p{margin:0;padding:var(--p-space-400, 1rem)}.status{padding-top:0;color:var(--p-color-text-secondary, rgba(97,97,97,1))}` +
  `.actions{display:flex;justify-content:flex-end;flex-wrap:wrap;gap:var(--p-space-200, .5rem);padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);border-top:1px solid #ebebeb}` +
  `button{font:inherit;font-weight:var(--p-font-weight-medium, 550);border-radius:var(--p-border-radius-200, .5rem);padding:6px 12px;cursor:pointer;border:1px solid #c9c9c9;background:#fff;color:inherit}` +
  `button.primary{background:var(--p-color-bg-fill-brand, #303030);color:#fff;border-color:transparent}button.anyway{color:var(--p-color-text-critical, rgba(142,11,33,1))}button:disabled{opacity:.55}`;

export interface BulkAsk {
  answer: Promise<BulkAnswer>;
  /** Progress line while the addresses are being fixed (the dialog stays open). */
  progress(text: string): void;
  close(): void;
}

export function askBulk(doc: Document, q: BulkQuestion): BulkAsk {
  const host = doc.createElement('div');
  host.setAttribute(OWN_MARK, 'list-bulk-ask');
  const root = attachOwnShadow(host);
  const style = doc.createElement('style');
  style.textContent = CSS;
  const backdrop = doc.createElement('div');
  backdrop.className = 'backdrop';
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', 'pmg-t');
  box.setAttribute('aria-describedby', 'pmg-b');
  const h = doc.createElement('h2');
  h.id = 'pmg-t';
  h.textContent = q.title;
  const p = doc.createElement('p');
  p.id = 'pmg-b';
  p.textContent = q.body;
  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  status.hidden = true;
  const actions = doc.createElement('div');
  actions.className = 'actions';
  let resolve!: (a: BulkAnswer) => void;
  const answer = new Promise<BulkAnswer>((r) => (resolve = r));
  const buttons: HTMLButtonElement[] = [];
  const add = (label: string, value: BulkAnswer, className: string) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    b.dataset.answer = value;
    // A person's click only: a page script must not be able to answer "fulfil anyway" (../own-ui.ts).
    onTrustedClick(b, () => {
      for (const other of buttons) other.disabled = true;
      resolve(value);
    });
    buttons.push(b);
    actions.append(b);
    return b;
  };
  add(q.cancel, 'cancel', 'cancel');
  add(q.anyway, 'anyway', 'anyway');
  const primary = q.fixFirst ? add(q.fixFirst, 'fix-first', 'primary') : null;
  box.append(h, p, status, actions);
  backdrop.append(box);
  root.append(style, backdrop);
  // Our clicks must not reach the admin (a click outside could clear its selection).
  backdrop.addEventListener('click', (e) => {
    e.stopPropagation();
    if (e.target === backdrop && !buttons[0]!.disabled) resolve('cancel');
  });
  backdrop.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape' && !buttons[0]!.disabled) resolve('cancel');
  });
  doc.body.append(host);
  (primary ?? buttons[0]!).focus();
  return {
    answer,
    progress(text) {
      status.hidden = false;
      status.textContent = text;
    },
    close: () => host.remove(),
  };
}
