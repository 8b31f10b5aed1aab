/**
 * The badge painter on a table whose <tr> nodes are re-used: a badge is keyed by its row and the
 * order it was painted for, so when the row shows another order it goes at once (dropStale, run on
 * every mutation) or moves to the right row on the next paint — never stays on the wrong order.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { findOrdersList, readRow } from '../../lib/admin-dom';
import { createBadgePainter, createBanner } from '../../entrypoints/admin.content/orders-list/paint';
import type { ListBadge } from '../../entrypoints/admin.content/orders-list/model';
import { acceptScriptedClicksForTests, ownShadowRoot } from '../../entrypoints/admin.content/own-ui';

function table(ids: string[]): void {
  document.body.innerHTML = `<main><h1>Orders</h1><div><table><tbody>${ids
    .map((id) => `<tr><td><input type="checkbox" aria-label="select"></td><td><a data-primary-link href="/store/s/orders/${id}">#${id}</a></td><td>Name</td></tr>`)
    .join('')}</tbody></table></div></main>`;
}

/** Re-renders the same <tr> nodes for other orders, as React does when rows are keyed by position. */
function reuse(ids: string[]): void {
  const links = Array.from(document.querySelectorAll('tbody a'));
  links.forEach((a, i) => {
    a.setAttribute('href', `/store/s/orders/${ids[i]}`);
    a.textContent = `#${ids[i]}`;
  });
}

const badge = (orderId: string, tone: ListBadge['tone'] = 'critical'): ListBadge => ({ orderId, tone, text: `Amazon · ${tone === 'critical' ? 'relay address' : 'protected'}`, title: 't' });
const painted = () =>
  Array.from(document.querySelectorAll('tbody tr')).map((tr) => {
    const b = tr.querySelector('pmg-list-badge') as HTMLElement | null;
    return b ? `${/\d+$/.exec(tr.querySelector('a')!.getAttribute('href')!)![0]}:${b.dataset.orderId}:${b.dataset.tone}` : null;
  });

beforeEach(() => document.body.replaceChildren());

describe('badge painter', () => {
  it('paints one badge right after each row’s order link, only where the model has one', () => {
    table(['1', '2', '3']);
    const painter = createBadgePainter(document);
    const list = findOrdersList(document)!;
    painter.paint(list.rows, [badge('1'), null, badge('3', 'success')]);
    expect(painted()).toEqual(['1:1:critical', null, '3:3:success']);
    const host = document.querySelector('pmg-list-badge')!;
    expect(host.previousElementSibling!.tagName).toBe('A');
    expect(host.shadowRoot).toBeNull(); // closed outside the sandbox build: the page cannot read it
    expect(ownShadowRoot(host)!.querySelector('span')!.textContent).toBe('Amazon · relay address');
    // Painting the same model again changes nothing (no churn the admin's observers would see).
    painter.paint(findOrdersList(document)!.rows, [badge('1'), null, badge('3', 'success')]);
    expect(document.querySelectorAll('pmg-list-badge')).toHaveLength(2);
    expect(document.querySelector('pmg-list-badge')).toBe(host);
  });

  it('a re-used row showing another order loses its badge at once, before any repaint', () => {
    table(['1', '2', '3']);
    const painter = createBadgePainter(document);
    painter.paint(findOrdersList(document)!.rows, [badge('1'), badge('2'), null]);
    reuse(['7', '2', '1']); // sorted: row 0 now shows order 7, row 2 shows order 1
    painter.dropStale((row) => readRow(row).orderId);
    expect(painted()).toEqual([null, '2:2:critical', null]);
    // The next paint puts order 1's badge on the row that shows order 1 now.
    const list = findOrdersList(document)!;
    painter.paint(list.rows, [null, badge('2'), badge('1')]);
    expect(painted()).toEqual([null, '2:2:critical', '1:1:critical']);
  });

  it('rows removed by the admin take their badges with them; clear() removes the rest', () => {
    table(['1', '2']);
    const painter = createBadgePainter(document);
    painter.paint(findOrdersList(document)!.rows, [badge('1'), badge('2')]);
    document.querySelector('tbody tr')!.remove();
    painter.paint(findOrdersList(document)!.rows, [badge('2')]);
    expect(document.querySelectorAll('pmg-list-badge')).toHaveLength(1);
    painter.clear();
    expect(document.querySelectorAll('pmg-list-badge')).toHaveLength(0);
  });

  it('a badge is never painted on a row whose order differs from the badge’s', () => {
    table(['1']);
    const painter = createBadgePainter(document);
    painter.paint(findOrdersList(document)!.rows, [badge('9')]);
    expect(painted()).toEqual([null]);
  });
});

describe('banner', () => {
  it('renders title, lines and buttons in its shadow root; null hides it', () => {
    const banner = createBanner(document);
    document.body.append(banner.host);
    let clicked = 0;
    acceptScriptedClicksForTests(true);
    banner.render({ tone: 'warning', title: '2 orders on this page still have a marketplace address', lines: ['x'], buttons: [{ id: 'fix', label: 'Fix them', primary: true, onClick: () => clicked++ }] });
    const root = ownShadowRoot(banner.host)!;
    expect(root.querySelector('.title')!.textContent).toBe('2 orders on this page still have a marketplace address');
    (root.querySelector('button[data-action="fix"]') as HTMLButtonElement).click();
    expect(clicked).toBe(1);
    acceptScriptedClicksForTests(false);
    expect(banner.host.dataset.state).toBe('warning');
    banner.render(null);
    expect(banner.host.hidden).toBe(true);
  });
});

describe('badge painter with closed shadow roots (production)', () => {
  it('updates a badge in place when the row’s order changes verdict — without reading host.shadowRoot', () => {
    table(['1']);
    const painter = createBadgePainter(document);
    painter.paint(findOrdersList(document)!.rows, [badge('1')]);
    const host = document.querySelector('pmg-list-badge') as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    painter.paint(findOrdersList(document)!.rows, [badge('1', 'success')]);
    expect(document.querySelector('pmg-list-badge')).toBe(host);
    expect(ownShadowRoot(host)!.querySelector('span')!.textContent).toBe('Amazon · protected');
  });
});
