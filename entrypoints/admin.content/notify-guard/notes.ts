/**
 * Our marks on the admin page: small notes (caution / critical) and our own confirmation dialog,
 * each in our own shadow root (closed in production, ../own-ui.ts), looking like Polaris text.
 */
import { OWN_MARK } from '@/lib/admin-dom';
import { attachOwnShadow, onTrustedClick } from '../own-ui';

const TONES = {
  caution: { fg: 'var(--p-color-text-caution, rgba(79, 71, 0, 1))', bg: 'var(--p-color-bg-surface-caution, rgba(255, 248, 219, 1))', border: 'var(--p-color-border-caution, rgba(255, 235, 120, 1))' },
  critical: { fg: 'var(--p-color-text-critical, rgba(142, 11, 33, 1))', bg: 'var(--p-color-bg-surface-critical, rgba(254, 232, 235, 1))', border: 'var(--p-color-border-critical, rgba(254, 193, 199, 1))' },
} as const;

const FONT = "var(--p-font-family-sans, 'Inter', -apple-system, BlinkMacSystemFont, 'San Francisco', 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif)";

export function makeNote(doc: Document, kind: string, tone: keyof typeof TONES, text: string, hint: string): HTMLElement {
  const host = doc.createElement('div');
  host.setAttribute(OWN_MARK, kind);
  // Own shadow root (closed in production): the admin's CSS and scripts cannot reach in; our own DOM lookups skip it (OWN_MARK).
  const root = attachOwnShadow(host);
  const style = doc.createElement('style');
  const c = TONES[tone];
  style.textContent =
    `:host{display:block;margin:var(--p-space-100, 0.25rem) 0}` +
    `p{margin:0;display:inline-flex;gap:var(--p-space-200, 0.5rem);align-items:flex-start;padding:var(--p-space-100, 0.25rem) var(--p-space-200, 0.5rem);` +
    `border-radius:var(--p-border-radius-200, 0.5rem);border:1px solid ${c.border};background:${c.bg};color:${c.fg};` +
    `font:var(--p-font-weight-medium, 550) var(--p-font-size-325, 0.8125rem)/1.4 ${FONT}}` +
    `span.hint{display:block;font-weight:var(--p-font-weight-regular, 450)}`;
  const p = doc.createElement('p');
  p.setAttribute('role', 'status');
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = tone === 'caution' ? '⊘' : '⚠';
  const body = doc.createElement('span');
  const strong = doc.createElement('span');
  strong.className = 'text';
  strong.textContent = text;
  body.append(strong);
  if (hint) {
    const small = doc.createElement('span');
    small.className = 'hint';
    small.textContent = hint;
    body.append(small);
  }
  p.append(icon, body);
  root.append(style, p);
  return host;
}

/** Our own confirmation dialog (shadow root), inside the admin's dialog when there is one so its focus trap lets us in. */
export function confirmInPage(doc: Document) {
  return (q: { title: string; body: string; keep: string; send: string }, near: Element | null): Promise<boolean> =>
    new Promise((resolve) => {
      let host: HTMLElement;
      let root: ShadowRoot;
      try {
        host = doc.createElement('div');
        host.setAttribute(OWN_MARK, 'guard-confirm');
        root = attachOwnShadow(host);
      } catch {
        resolve(doc.defaultView!.confirm(`${q.title}\n\n${q.body}`));
        return;
      }
      const style = doc.createElement('style');
      style.textContent =
        `.backdrop{position:fixed;inset:0;z-index:2147483646;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;font:var(--p-font-size-325, 0.8125rem)/1.45 ${FONT};color:var(--p-color-text, rgba(48,48,48,1))}` +
        `.box{background:var(--p-color-bg-surface, #fff);border-radius:var(--p-border-radius-400, 1rem);box-shadow:var(--p-shadow-600, 0 20px 20px -8px rgba(26,26,26,.28));width:min(440px, calc(100vw - 32px));overflow:hidden}` +
        `h2{margin:0;padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);font-size:var(--p-font-size-350, .875rem);font-weight:var(--p-font-weight-semibold, 650);background:var(--p-color-bg-surface-secondary, #f7f7f7);border-bottom:1px solid var(--p-color-border-secondary, #ebebeb)}` +
        `p{margin:0;padding:var(--p-space-400, 1rem)}` +
        `.actions{display:flex;justify-content:flex-end;gap:var(--p-space-200, .5rem);padding:var(--p-space-300, .75rem) var(--p-space-400, 1rem);border-top:1px solid var(--p-color-border-secondary, #ebebeb)}` +
        `button{font:inherit;font-weight:var(--p-font-weight-medium, 550);border-radius:var(--p-border-radius-200, .5rem);padding:6px 12px;cursor:pointer;border:1px solid var(--p-color-border, #c9c9c9);background:#fff;color:inherit}` +
        `button.keep{background:var(--p-color-bg-fill-brand, #303030);color:var(--p-color-text-brand-on-bg-fill, #fff);border-color:transparent}` +
        `button.send{color:var(--p-color-text-critical, rgba(142,11,33,1))}`;
      const backdrop = doc.createElement('div');
      backdrop.className = 'backdrop';
      const box = doc.createElement('div');
      box.className = 'box';
      box.setAttribute('role', 'alertdialog');
      box.setAttribute('aria-modal', 'true');
      box.setAttribute('aria-labelledby', 'pmg-title');
      box.setAttribute('aria-describedby', 'pmg-body');
      const h = doc.createElement('h2');
      h.id = 'pmg-title';
      h.textContent = q.title;
      const p = doc.createElement('p');
      p.id = 'pmg-body';
      p.textContent = q.body;
      const actions = doc.createElement('div');
      actions.className = 'actions';
      const send = doc.createElement('button');
      send.type = 'button';
      send.className = 'send';
      send.textContent = q.send;
      const keep = doc.createElement('button');
      keep.type = 'button';
      keep.className = 'keep';
      keep.textContent = q.keep;
      actions.append(send, keep);
      box.append(h, p, actions);
      backdrop.append(box);
      root.append(style, backdrop);
      const done = (answer: boolean) => {
        host.remove();
        resolve(answer);
      };
      // Our clicks must not reach the admin (its dialog could close on an outside click).
      backdrop.addEventListener('click', (e) => {
        e.stopPropagation();
        if (e.target === backdrop) done(false);
      });
      // Only a person's click answers: a script in the admin must not be able to say "Send anyway".
      onTrustedClick(keep, () => done(false));
      onTrustedClick(send, () => done(true));
      backdrop.addEventListener('keydown', (e) => {
        e.stopPropagation();
        if ((e).key === 'Escape') done(false);
      });
      (near ?? doc.body).append(host);
      keep.focus();
    });
}
