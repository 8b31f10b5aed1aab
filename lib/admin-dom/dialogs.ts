/**
 * Dialogs that open on the order page without a URL change (cancel, add tracking, mark as fulfilled):
 * finding the open ones and telling which kind each is by its title. Title words per language live in
 * lib/notify-words.ts; the surfaces we assume are listed in ./notify-boxes.ts.
 */

import { classifyDialogTitle, type DialogKind, type NotifyLang } from '../notify-words';
import { byId, deepElements, deepQueryAll, deepText } from './shadow';

const DIALOG_SELECTOR = '[role="dialog"], [role="alertdialog"], dialog[open], [aria-modal="true"]';

/** Open dialogs under root, outermost only (a <dialog> holding a role=dialog counts once). */
export function findDialogs(root: ParentNode): Element[] {
  const all = deepQueryAll(root, DIALOG_SELECTOR);
  return all.filter((d) => !all.some((other) => other !== d && other.contains(d)));
}

export function dialogTitle(dialog: Element): string {
  const labelledBy = dialog.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => (id ? byId(dialog, id) : null))
      .filter((e): e is Element => e !== null)
      .map(deepText)
      .join(' ')
      .trim();
    if (text) return text;
  }
  const aria = dialog.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim();
  const heading = deepElements(dialog).find((el) => /^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading');
  return heading ? deepText(heading) : '';
}

export function dialogKind(dialog: Element, lang: NotifyLang | null): DialogKind {
  return classifyDialogTitle(dialogTitle(dialog), lang);
}
