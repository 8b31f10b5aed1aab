/**
 * The guard engine against real React-controlled checkboxes (React 19 in happy-dom): the admin's own
 * state must follow our click, re-renders are re-labelled, a re-tick asks first, a missing box is said.
 */
import { ownShadowRoot } from '../../entrypoints/admin.content/own-ui';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../lib/i18n';
import { createNotifyGuard, type GuardEvent, type GuardOptions } from '../../entrypoints/admin.content/notify-guard/engine';
import { registerAllWordBooks } from '../../lib/notify-words/languages';

// In the extension the admin language's words arrive with its texts (getTexts); here all are known.
registerAllWordBooks();

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;
let controller: AbortController;
let events: GuardEvent[];
const submitted: boolean[] = [];

function FulfilPage(props: { remountKey?: string; refuse?: boolean; label?: string }) {
  const [notify, setNotify] = useState(true);
  return (
    <div>
      <h1>Fulfill items</h1>
      <div key={props.remountKey ?? 'a'}>
        <h2>Notify customer of shipment</h2>
        <label>
          <input type="checkbox" checked={notify} onChange={(e) => (props.refuse ? undefined : setNotify(e.currentTarget.checked))} />
          <span>{props.label ?? 'Send shipment details to your customer now'}</span>
        </label>
      </div>
      <button type="button" onClick={() => submitted.push(notify)}>
        Fulfill items
      </button>
    </div>
  );
}

function TrackingDialog() {
  const [notify, setNotify] = useState(true);
  return (
    <div role="dialog" aria-modal="true" aria-label="Add tracking">
      <input id="n" type="checkbox" checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} />
      <label htmlFor="n">Notify customer of the tracking update</label>
      <button type="button" onClick={() => submitted.push(notify)}>
        Save
      </button>
    </div>
  );
}

function OrderPage(props: { open: boolean; other?: boolean }) {
  return (
    <div>
      <h1>#1001</h1>
      {props.open && <TrackingDialog />}
      {props.other && (
        <div role="dialog" aria-label="Edit contact information">
          <label>
            <input type="checkbox" defaultChecked /> Update customer profile
          </label>
        </div>
      )}
    </div>
  );
}

function render(ui: React.ReactNode) {
  act(() => root.render(ui));
}

function start(overrides: Partial<GuardOptions> = {}): void {
  act(() => {
    createNotifyGuard({
      doc: document,
      signal: controller.signal,
      surface: 'fulfil',
      tr: translator('en'),
      words: 'en',
      marketplace: { id: 'amazon', label: 'Amazon' },
      expectBoxes: true,
      graceMs: 50,
      onEvent: (e) => events.push(e),
      ...overrides,
    });
  });
}

const box = () => document.querySelector('input[type=checkbox]') as HTMLInputElement;
const notes = (kind: string) => Array.from(document.querySelectorAll(`[data-pmg="${kind}"]`));
const noteText = (el: Element) => ownShadowRoot(el)!.textContent ?? '';
const submit = () => act(() => (Array.from(document.querySelectorAll('button')).find((b) => /Fulfill|Save/.test(b.textContent ?? '')) as HTMLElement).click());

beforeEach(() => {
  document.documentElement.lang = 'en';
  document.body.innerHTML = '<main id="AppFrameMain"><div id="app"></div></main>';
  container = document.getElementById('app')!;
  root = createRoot(container);
  controller = new AbortController();
  events = [];
  submitted.length = 0;
});

afterEach(() => {
  controller.abort();
  act(() => root.unmount());
});

describe('notify guard on a React-controlled checkbox', () => {
  it('un-ticks with a real click so React state follows, and labels the box', async () => {
    render(<FulfilPage />);
    expect(box().checked).toBe(true);
    start();
    expect(box().checked).toBe(false);
    submit();
    expect(submitted).toEqual([false]); // the page's own state, not just the DOM
    expect(notes('notify-label').map(noteText).join(' ')).toContain('Turned off: marketplace order (Amazon)');
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'turned-off', place: 'fulfil' }));
  });

  it('re-labels after the admin re-mounts the section, without ticking it back', async () => {
    render(<FulfilPage remountKey="a" />);
    start();
    render(<FulfilPage remountKey="b" />);
    await vi.waitFor(() => {
      const label = notes('notify-label')[0];
      expect(label?.previousElementSibling).toBe(box().closest('label'));
    });
    expect(box().checked).toBe(false);
    expect(notes('notify-label')).toHaveLength(1);
    // The re-mount came right after our click: what we did is still reported.
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'turned-off', place: 'fulfil' }));
  });

  it('a dialog opened later (no URL change) is guarded, and again after it is re-opened', async () => {
    render(<OrderPage open={false} />);
    start({ surface: 'order' });
    render(<OrderPage open />);
    await vi.waitFor(() => expect(box().checked).toBe(false));
    submit();
    render(<OrderPage open={false} />);
    render(<OrderPage open />);
    expect(box().checked).toBe(true); // fresh dialog, fresh default
    await vi.waitFor(() => expect(box().checked).toBe(false));
    submit();
    expect(submitted).toEqual([false, false]);
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'turned-off', place: 'tracking' }));
  });

  it('ticking it again asks first; "keep it off" leaves it off', async () => {
    render(<FulfilPage />);
    const confirm = vi.fn(async (_question: { title: string; keep: string; send: string }, _near: Element | null) => false);
    start({ confirm });
    act(() => box().click());
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    expect(confirm.mock.calls[0]![0]).toMatchObject({ title: 'Email the Amazon buyer anyway?', keep: 'Keep it off', send: 'Send anyway' });
    expect(box().checked).toBe(false);
    submit();
    expect(submitted).toEqual([false]);
  });

  it('a confirmed re-tick turns it on in React state, is reported, and stays on across re-renders', async () => {
    render(<FulfilPage remountKey="a" />);
    start({ confirm: async () => true });
    await act(async () => {
      box().click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(box().checked).toBe(true);
    expect(events).toContainEqual({ type: 'overridden', place: 'fulfil' });
    expect(notes('notify-overridden').map(noteText).join(' ')).toContain('Turned on by you');
    render(<FulfilPage remountKey="b" />);
    await new Promise((r) => setTimeout(r, 500)); // past a re-scan and a re-check
    expect(box().checked).toBe(true);
    submit();
    expect(submitted).toEqual([true]);
  });

  it('says "guard inactive" where a box is expected but missing', async () => {
    render(<FulfilPage label="지금 구매자에게 보내기" />); // neither our words nor unique structure…
    document.documentElement.lang = 'en'; // …and the page claims English, so no guessing
    start();
    await vi.waitFor(() => expect(notes('guard-inactive')).toHaveLength(1));
    expect(noteText(notes('guard-inactive')[0]!)).toContain('Guard inactive: check the notify box yourself');
    expect(events).toContainEqual({ type: 'inactive', place: 'fulfil', reason: 'box-not-found' });
    expect(box().checked).toBe(true); // never guessed
  });

  it('says "guard inactive" when the admin refuses our click', async () => {
    render(<FulfilPage refuse />);
    start();
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'inactive', place: 'fulfil', reason: 'untick-refused' }));
    expect(notes('guard-inactive')).toHaveLength(1);
  });

  it('leaves dialogs without a notify box alone, and says nothing there', async () => {
    render(<OrderPage open={false} other />);
    start({ surface: 'order' });
    await new Promise((r) => setTimeout(r, 120));
    expect(box().checked).toBe(true);
    expect(notes('guard-inactive')).toHaveLength(0);
    expect(notes('notify-label')).toHaveLength(0);
  });

  it('expects no box on an order without email (after strip)', async () => {
    document.body.querySelector('#app')!.innerHTML = '<h1>Fulfill items</h1>';
    start({ expectBoxes: false });
    await new Promise((r) => setTimeout(r, 120));
    expect(notes('guard-inactive')).toHaveLength(0);
  });

  it('speaks the admin language', async () => {
    document.documentElement.lang = 'fr';
    render(<FulfilPage label="Envoyer dès maintenant les détails de l’expédition à votre client" />);
    start({ tr: translator('fr'), words: 'fr' });
    expect(box().checked).toBe(false);
    expect(noteText(notes('notify-label')[0]!)).toContain('Désactivé : commande marketplace (Amazon)');
  });

  it('says "guard inactive" inside a tracking dialog whose box it cannot find', async () => {
    render(<OrderPage open={false} />);
    start({ surface: 'order' });
    document.getElementById('app')!.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog" aria-label="Edit tracking"><label><input type="checkbox" checked> Keep the buyer posted</label></div>',
    );
    await vi.waitFor(() => expect(notes('guard-inactive')).toHaveLength(1));
    expect(notes('guard-inactive')[0]!.parentElement!.getAttribute('role')).toBe('dialog');
    expect(events).toContainEqual({ type: 'inactive', place: 'tracking', reason: 'box-not-found' });
  });

  it('guards an order edit "send invoice" box, without expecting one', async () => {
    document.getElementById('app')!.innerHTML = '<h1>Edit order</h1><label><input type="checkbox" checked> Send invoice to customer</label>';
    start({ surface: 'order-edit' });
    expect(box().checked).toBe(false);
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'turned-off', place: 'order-edit' }));
  });

  it('cleans up on abort (navigation)', () => {
    render(<FulfilPage />);
    start();
    expect(notes('notify-label')).toHaveLength(1);
    controller.abort();
    expect(notes('notify-label')).toHaveLength(0);
  });
});
