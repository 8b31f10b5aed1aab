/**
 * The order card's look: vanilla DOM in a shadow root (the admin's CSS and ours never mix; no React
 * in a script that runs on every admin page). Built like a Polaris Banner inside a Card: tinted
 * header with icon and title, white body, Polaris buttons, Polaris tokens for every colour, radius,
 * space and type. Page data only ever goes in through textContent / attributes — never innerHTML.
 */
import { ownModelHost } from './own-ui';
import { tokenCss } from './card-tokens';
import type { Translate } from './texts';

export type Tone = 'warning' | 'success' | 'critical';

export interface CardButton {
  id: string;
  label: string;
  primary?: boolean;
  disabled?: boolean;
  onClick(): void;
}

export interface CardModel {
  tone: Tone;
  title: string;
  /** Paragraphs; `{ strong }` marks the part to emphasise (the address). */
  lines: Array<string | { text: string; strong: string }>;
  buttons: CardButton[];
  /** Label of the button group (screen readers). */
  buttonsLabel?: string;
  /** Outcome of the last action, with an optional Undo. */
  result?: { tone: 'success' | 'critical'; text: string; detail?: string; action?: CardButton };
  busy?: string;
  /** Rendered as a fixed corner notice when the page gave us no place for a card. */
  floating?: boolean;
}

const ICONS: Record<Tone, string> = {
  // Polaris-like 20px glyphs drawn with paths (no remote assets, no page data).
  warning: 'M10 3.5c.6 0 1.1.3 1.4.8l5.5 9.6c.6 1.1-.2 2.4-1.4 2.4H4.5c-1.2 0-2-1.3-1.4-2.4l5.5-9.6c.3-.5.8-.8 1.4-.8Zm0 4a.75.75 0 0 0-.75.75v3a.75.75 0 0 0 1.5 0v-3A.75.75 0 0 0 10 7.5Zm0 7a.9.9 0 1 0 0-1.8.9.9 0 0 0 0 1.8Z',
  success: 'M10 2.5 4 5v4.5c0 3.6 2.5 6.9 6 8 3.5-1.1 6-4.4 6-8V5l-6-2.5Zm2.9 5.7a.75.75 0 0 1 0 1.1l-3.3 3.3a.75.75 0 0 1-1.1 0l-1.4-1.4a.75.75 0 1 1 1.1-1.1l.9.9 2.7-2.8a.75.75 0 0 1 1.1 0Z',
  critical: 'M10 2.75a7.25 7.25 0 1 0 0 14.5 7.25 7.25 0 0 0 0-14.5Zm0 3.75a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6.5Zm0 7.75a.9.9 0 1 1 0-1.8.9.9 0 0 1 0 1.8Z',
};

const CSS = `
:host{all:initial;display:block;margin:0 0 var(--p-space-400);font-family:var(--p-font-family-sans);font-size:var(--p-font-size-325);line-height:var(--p-font-line-height-500);font-weight:var(--p-font-weight-regular);color:var(--p-color-text);-webkit-font-smoothing:antialiased}
:host([hidden]){display:none}
:host([data-floating]){position:fixed;right:var(--p-space-400);bottom:var(--p-space-400);z-index:2147483000;max-width:420px;margin:0}
.card{background:var(--p-color-bg-surface);border-radius:var(--p-border-radius-300);box-shadow:var(--p-shadow-100),var(--p-shadow-bevel-100);overflow:hidden}
:host([data-floating]) .card{box-shadow:0 4px 16px rgba(26,26,26,.18),var(--p-shadow-bevel-100)}
.head{display:flex;gap:var(--p-space-200);align-items:flex-start;padding:var(--p-space-300) var(--p-space-400)}
.warning .head{background:var(--p-color-bg-fill-warning);color:rgba(51,38,0,1)}
.success .head{background:var(--p-color-bg-surface-success);color:var(--p-color-text-success)}
.critical .head{background:var(--p-color-bg-fill-critical);color:var(--p-color-text-brand-on-bg-fill)}
.icon{flex:none;width:20px;height:20px;fill:currentColor}
.title{margin:0;font-size:var(--p-font-size-325);font-weight:var(--p-font-weight-semibold);line-height:var(--p-font-line-height-500);flex:1}
.brand{flex:none;font-size:var(--p-font-size-300);font-weight:var(--p-font-weight-medium);opacity:.8}
.body{padding:var(--p-space-300) var(--p-space-400) var(--p-space-400);display:flex;flex-direction:column;gap:var(--p-space-200)}
p{margin:0}
strong{font-weight:var(--p-font-weight-semibold);word-break:break-all}
.actions{display:flex;flex-wrap:wrap;gap:var(--p-space-200);margin-top:var(--p-space-100)}
button{font:inherit;font-size:var(--p-font-size-300);font-weight:var(--p-font-weight-medium);line-height:var(--p-font-line-height-400);min-height:28px;padding:var(--p-space-150) var(--p-space-300);border:none;border-radius:var(--p-border-radius-200);background:var(--p-color-bg-fill);color:var(--p-color-text);box-shadow:var(--p-shadow-button);cursor:pointer}
button:hover{background:var(--p-color-bg-fill-hover)}
button:focus-visible{outline:2px solid var(--p-color-text-link);outline-offset:1px}
button.primary{background:var(--p-color-bg-fill-brand);color:var(--p-color-text-brand-on-bg-fill);box-shadow:var(--p-shadow-button-primary)}
button.primary:hover{background:var(--p-color-bg-fill-brand-hover)}
button:disabled{opacity:.55;cursor:default}
button.plain{background:none;box-shadow:none;color:var(--p-color-text-link);padding:0 var(--p-space-100);min-height:auto}
.result{display:flex;flex-wrap:wrap;align-items:center;gap:var(--p-space-100) var(--p-space-200);padding:var(--p-space-200) var(--p-space-300);border-radius:var(--p-border-radius-200)}
.result.success{background:var(--p-color-bg-surface-success);color:var(--p-color-text-success)}
.result.critical{background:var(--p-color-bg-surface-critical);color:var(--p-color-text-critical)}
.detail{color:var(--p-color-text-secondary);font-size:var(--p-font-size-300);width:100%}
.busy{color:var(--p-color-text-secondary)}
`;

export interface CardHandle {
  host: HTMLElement;
  render(model: CardModel | null): void;
}

export function createCardHost(doc: Document): CardHandle {
  return ownModelHost<CardModel>(doc, 'pmg-order-card', 'order-card', tokenCss() + CSS, (model, host, { el, button }) => {
    host.dataset.tone = model.tone;
    host.dataset.state = model.floating ? 'inactive' : model.tone === 'success' ? 'protected' : model.tone;
    const card = el('section', `card ${model.tone}`);
    card.setAttribute('role', model.tone === 'critical' ? 'alert' : 'region');
    card.setAttribute('aria-label', model.title);

    const head = el('div', 'head');
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 20 20');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('aria-hidden', 'true');
    const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', ICONS[model.tone]);
    svg.append(path);
    head.append(svg, el('h2', 'title', model.title), el('span', 'brand', 'Proxy Mail Guard'));

    const body = el('div', 'body');
    for (const line of model.lines) {
      const p = el('p');
      if (typeof line === 'string') p.textContent = line;
      else {
        const at = line.text.indexOf(line.strong);
        if (at < 0) p.textContent = line.text;
        else p.append(line.text.slice(0, at), el('strong', undefined, line.strong), line.text.slice(at + line.strong.length));
      }
      body.append(p);
    }
    if (model.result) {
      const r = el('div', `result ${model.result.tone}`);
      r.setAttribute('role', 'status');
      r.append(el('span', undefined, model.result.text));
      if (model.result.action) r.append(button(model.result.action, 'plain'));
      if (model.result.detail) r.append(el('span', 'detail', model.result.detail));
      body.append(r);
    }
    if (model.busy) {
      const b = el('p', 'busy', model.busy);
      b.setAttribute('role', 'status');
      body.append(b);
    }
    if (model.buttons.length) {
      const actions = el('div', 'actions');
      actions.setAttribute('role', 'group');
      if (model.buttonsLabel) actions.setAttribute('aria-label', model.buttonsLabel);
      for (const b of model.buttons) actions.append(button(b));
      body.append(actions);
    }
    card.append(head, body);
    return card;
  });
}

export type { Translate };
