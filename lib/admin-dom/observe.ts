/**
 * Following a re-rendering admin page: `observe` applies a callback once per matching element as the
 * SPA re-renders, `waitFor` resolves when something appears. Both stop through an AbortSignal.
 */

import { deepQueryAll } from './shadow';

export interface ObserveOptions {
  signal: AbortSignal;
  /** Quiet time before re-checking after a burst of mutations (ms). */
  debounce?: number;
}

/**
 * Calls `callback` once for every element matching `target` under root, now and whenever the page
 * re-renders, until `signal` aborts. Handled elements are remembered (a WeakSet, not a mark on the
 * admin's DOM), so re-renders never double-apply. `target` is a selector (open shadow roots pierced)
 * or a finder returning the elements.
 */
export function observe(
  root: Node & ParentNode,
  target: string | ((root: ParentNode) => Element[]),
  callback: (el: Element) => void,
  options: ObserveOptions,
): void {
  const { signal, debounce = 40 } = options;
  if (signal.aborted) return;
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  const find = typeof target === 'string' ? (r: ParentNode) => deepQueryAll(r, target) : target;
  const handled = new WeakSet<Element>();
  const run = () => {
    if (signal.aborted) return;
    for (const el of find(root)) {
      if (handled.has(el)) continue;
      handled.add(el);
      callback(el);
    }
  };
  run();
  if (!view) return;
  let timer: number | undefined;
  const observer = new view.MutationObserver(() => {
    if (timer !== undefined) view.clearTimeout(timer);
    timer = view.setTimeout(run, debounce);
  });
  // characterData: text the admin edits in place (the 2026 email button) is a change too.
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'text', 'lang', 'aria-busy'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) view.clearTimeout(timer);
  }, { once: true });
}

/**
 * Resolves with the first non-null result of `find` (checked now, after each mutation burst and at
 * each `recheckAfter` delay in ms — for answers that change with time, not with the DOM), or null
 * after `timeout` ms or when `signal` aborts.
 */
export function waitFor<T>(
  root: Node & ParentNode,
  find: () => T | null,
  options: { signal: AbortSignal; timeout: number; debounce?: number; recheckAfter?: readonly number[] },
): Promise<T | null> {
  const first = find();
  if (first !== null || options.signal.aborted) return Promise.resolve(options.signal.aborted ? null : first);
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  if (!view) return Promise.resolve(null);
  return new Promise((resolve) => {
    let timer: number | undefined;
    const done = (value: T | null) => {
      observer.disconnect();
      view.clearTimeout(deadline);
      for (const id of rechecks) view.clearTimeout(id);
      if (timer !== undefined) view.clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => done(null);
    const check = () => {
      const value = find();
      if (value !== null) done(value);
    };
    const observer = new view.MutationObserver(() => {
      if (timer !== undefined) view.clearTimeout(timer);
      timer = view.setTimeout(check, options.debounce ?? 20);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'text'] });
    const deadline = view.setTimeout(() => done(find()), options.timeout);
    const rechecks = (options.recheckAfter ?? []).filter((ms) => ms < options.timeout).map((ms) => view.setTimeout(check, ms));
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
}
