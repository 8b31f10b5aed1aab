/**
 * Our question before the admin fulfils a selection that holds relay orders without asking: three
 * answers (fix the addresses first, fulfil anyway, cancel), in a shadow root above the admin.
 */
import { openOwnDialog } from '../own-dialog';

export type BulkAnswer = 'fix-first' | 'anyway' | 'cancel';

export interface BulkQuestion {
  title: string;
  body: string;
  fixFirst: string | null;
  anyway: string;
  cancel: string;
}

const CSS =
  `.status{padding-top:0;color:var(--p-color-text-secondary, rgba(97,97,97,1))}` +
  `button.primary{background:var(--p-color-bg-fill-brand, #303030);color:#fff;border-color:transparent}button.anyway{color:var(--p-color-text-critical, rgba(142,11,33,1))}button:disabled{opacity:.55}`;

export interface BulkAsk {
  answer: Promise<BulkAnswer>;
  /** Progress line while the addresses are being fixed (the dialog stays open). */
  progress(text: string): void;
  close(): void;
}

export function askBulk(doc: Document, q: BulkQuestion): BulkAsk {
  let resolve!: (a: BulkAnswer) => void;
  const answer = new Promise<BulkAnswer>((r) => (resolve = r));
  const dialog = openOwnDialog<BulkAnswer>(
    doc,
    {
      mark: 'list-bulk-ask',
      title: q.title,
      body: q.body,
      buttons: [
        { label: q.cancel, className: 'cancel', answer: 'cancel' },
        { label: q.anyway, className: 'anyway', answer: 'anyway' },
        ...(q.fixFirst ? [{ label: q.fixFirst, className: 'primary', answer: 'fix-first' as const }] : []),
      ],
      dismiss: 'cancel',
      focus: q.fixFirst ? 'fix-first' : 'cancel',
      widthPx: 480,
      css: CSS,
      withStatus: true,
    },
    doc.body,
    (value, by) => {
      // Answered: the dialog stays open (with its progress line) until the caller closes it, and no
      // second answer can be given.
      if (by === 'button') for (const b of dialog.buttons) b.disabled = true;
      resolve(value);
    },
  );
  return {
    answer,
    progress: (text) => dialog.status(text),
    close: () => dialog.host.remove(),
  };
}
