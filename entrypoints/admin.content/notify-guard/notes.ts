/**
 * Our marks on the admin page: small notes (caution / critical) and our own confirmation dialog,
 * each in our own shadow root (closed in production, ../own-ui.ts), looking like Polaris text.
 */
import { OWN_MARK } from '@/lib/admin-dom';
import { openOwnDialog } from '../own-dialog';
import { attachOwnShadow, POLARIS_FONT } from '../own-ui';

const TONES = {
  caution: { fg: 'var(--p-color-text-caution, rgba(79, 71, 0, 1))', bg: 'var(--p-color-bg-surface-caution, rgba(255, 248, 219, 1))', border: 'var(--p-color-border-caution, rgba(255, 235, 120, 1))' },
  critical: { fg: 'var(--p-color-text-critical, rgba(142, 11, 33, 1))', bg: 'var(--p-color-bg-surface-critical, rgba(254, 232, 235, 1))', border: 'var(--p-color-border-critical, rgba(254, 193, 199, 1))' },
} as const;

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
    `font:var(--p-font-weight-medium, 550) var(--p-font-size-325, 0.8125rem)/1.4 ${POLARIS_FONT}}` +
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

/** Our own confirmation dialog (../own-dialog.ts), inside the admin's dialog when there is one so its focus trap lets us in. */
export function confirmInPage(doc: Document) {
  return (q: { title: string; body: string; keep: string; send: string }, near: Element | null): Promise<boolean> =>
    new Promise((resolve) => {
      const css =
        `button.keep{background:var(--p-color-bg-fill-brand, #303030);color:var(--p-color-text-brand-on-bg-fill, #fff);border-color:transparent}` +
        `button.send{color:var(--p-color-text-critical, rgba(142,11,33,1))}`;
      try {
        const dialog = openOwnDialog(
          doc,
          {
            mark: 'guard-confirm',
            title: q.title,
            body: q.body,
            buttons: [
              { label: q.send, className: 'send', answer: true },
              { label: q.keep, className: 'keep', answer: false },
            ],
            dismiss: false,
            focus: false,
            widthPx: 440,
            css,
          },
          near ?? doc.body,
          (send) => {
            dialog.host.remove();
            resolve(send);
          },
        );
      } catch {
        // No shadow root to be had: the browser's own dialog still asks.
        resolve(doc.defaultView!.confirm(`${q.title}\n\n${q.body}`));
      }
    });
}
