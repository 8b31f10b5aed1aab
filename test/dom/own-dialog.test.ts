/**
 * Our alert dialog on the admin page, shared by the notify guard's confirmation and the order list's
 * bulk question: what it shows, which button has focus, and who may answer (a person's click, the
 * backdrop or Escape while the buttons are enabled — never a page script).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askBulk } from '../../entrypoints/admin.content/orders-list/ask';
import { confirmInPage } from '../../entrypoints/admin.content/notify-guard/notes';
import { openOwnDialog } from '../../entrypoints/admin.content/own-dialog';
import { acceptScriptedClicksForTests, ownShadowRoot } from '../../entrypoints/admin.content/own-ui';

const hostOf = (mark: string) => document.querySelector(`[data-pmg="${mark}"]`) as HTMLElement;
const rootOf = (mark: string) => ownShadowRoot(hostOf(mark))!;
const buttonsOf = (mark: string) => Array.from(rootOf(mark).querySelectorAll('button'));
const click = (node: Element) => node.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));

beforeEach(() => {
  document.body.innerHTML = '<main></main>';
});
afterEach(() => acceptScriptedClicksForTests(false));

describe('our dialog on the admin page', () => {
  it('shows title and body as text, as an alertdialog, buttons in order with the chosen one focused', () => {
    const answers: unknown[] = [];
    openOwnDialog(document, { mark: 'x', title: '<b>Title</b>', body: 'Body', buttons: [{ label: 'No', className: 'no', answer: 'no' }, { label: 'Yes', className: 'yes', answer: 'yes' }], dismiss: 'no', focus: 'yes', widthPx: 400, css: '' }, document.body, (a) => answers.push(a));
    const box = rootOf('x').querySelector('[role="alertdialog"]')!;
    expect(box.getAttribute('aria-modal')).toBe('true');
    expect(rootOf('x').querySelector('h2')!.textContent).toBe('<b>Title</b>');
    expect(rootOf('x').querySelector('b')).toBeNull();
    expect(buttonsOf('x').map((b) => [b.textContent, b.dataset.answer])).toEqual([['No', 'no'], ['Yes', 'yes']]);
    expect(rootOf('x').activeElement).toBe(buttonsOf('x')[1]);
    expect(answers).toEqual([]);
  });

  it('a page script cannot answer; a person can; the backdrop and Escape dismiss only while the buttons are enabled', () => {
    const answers: [string, string][] = [];
    const d = openOwnDialog(document, { mark: 'x', title: 't', body: 'b', buttons: [{ label: 'A', className: 'a', answer: 'a' }], dismiss: 'gone', focus: 'a', widthPx: 400, css: '' }, document.body, (a, by) => answers.push([a, by]));
    const [button] = buttonsOf('x');
    click(button!);
    expect(answers).toEqual([]); // not trusted
    acceptScriptedClicksForTests(true);
    click(button!);
    const backdrop = rootOf('x').querySelector('.backdrop')!;
    click(backdrop);
    button!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(answers).toEqual([['a', 'button'], ['gone', 'dismiss'], ['gone', 'dismiss']]);
    for (const b of d.buttons) b.disabled = true;
    click(backdrop);
    expect(answers).toHaveLength(3);
  });

  it("the list's question: fix first focused, answered once, progress under the body, closed by its caller", async () => {
    const q = askBulk(document, { title: '1 of the selected orders has a marketplace address (Amazon)', body: 'b', fixFirst: 'Fix first', anyway: 'Anyway', cancel: 'Cancel' });
    expect(buttonsOf('list-bulk-ask').map((b) => b.dataset.answer)).toEqual(['cancel', 'anyway', 'fix-first']);
    expect(rootOf('list-bulk-ask').activeElement?.textContent).toBe('Fix first');
    expect((rootOf('list-bulk-ask').querySelector('.status') as HTMLElement).hidden).toBe(true);
    acceptScriptedClicksForTests(true);
    click(buttonsOf('list-bulk-ask')[2]!);
    expect(await q.answer).toBe('fix-first');
    expect(buttonsOf('list-bulk-ask').every((b) => b.disabled)).toBe(true);
    q.progress('Fixing addresses: 1 of 1…');
    expect(rootOf('list-bulk-ask').querySelector('.status')!.textContent).toBe('Fixing addresses: 1 of 1…');
    q.close();
    expect(hostOf('list-bulk-ask')).toBeNull();
  });

  it("the guard's confirmation: inside the admin's dialog, keep focused, gone once answered", async () => {
    const near = document.createElement('div');
    document.body.append(near);
    const asked = confirmInPage(document)({ title: 'Email the Amazon buyer anyway?', body: 'b', keep: 'Keep it off', send: 'Send anyway' }, near);
    expect(near.contains(hostOf('guard-confirm'))).toBe(true);
    expect(rootOf('guard-confirm').activeElement?.textContent).toBe('Keep it off');
    expect(buttonsOf('guard-confirm').map((b) => b.textContent)).toEqual(['Send anyway', 'Keep it off']);
    acceptScriptedClicksForTests(true);
    click(buttonsOf('guard-confirm')[0]!);
    expect(await asked).toBe(true);
    expect(hostOf('guard-confirm')).toBeNull();
  });
});
