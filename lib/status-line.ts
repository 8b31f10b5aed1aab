/**
 * What the content script tells the popup it did, as message keys and parameters rather than
 * sentences: the admin tab speaks the admin's language, the popup the browser's, and each renders
 * the same line in its own (issue 16). A parameter may itself be a line ("{surface}" = "Fulfil items").
 *
 *   statusLine('guard_status_turned_off', { surface: statusLine('guard_surface_fulfil') })
 *   renderStatusLine(tr, line)   // in the popup, with the popup's translator
 *
 * `keyTranslator` lets a pure model written against a translator (cardModel, listModel) produce
 * lines: its "texts" are encoded lines, and `toStatusLine` decodes them. A text that is not an
 * encoded line (an error message from the server, say) becomes a plain-text line.
 */
import type { MessageParams } from './i18n';

export type StatusParam = string | number | StatusLine;

export interface StatusLine {
  /** Message key in public/_locales; '' for a plain-text line (then `text` says it as it is). */
  key: string;
  params?: Record<string, StatusParam>;
  /** Plain text: when `key` is '' or unknown to the translator (e.g. an error's own message). */
  text?: string;
}

type Translate = (key: string, params?: MessageParams) => string;

export function statusLine(key: string, params?: Record<string, StatusParam>): StatusLine {
  return params ? { key, params } : { key };
}

export function plainLine(text: string): StatusLine {
  return { key: '', text };
}

export function renderStatusLine(tr: Translate, line: StatusLine): string {
  if (!line.key) return line.text ?? '';
  const params = line.params
    ? Object.fromEntries(Object.entries(line.params).map(([name, value]) => [name, typeof value === 'object' ? renderStatusLine(tr, value) : value]))
    : undefined;
  const text = tr(line.key, params);
  return text === line.key && line.text ? line.text : text;
}

const MARK = '\u2063pmg-line:';

/** A translator whose "texts" are encoded lines (parameters that are encoded lines nest). */
export const keyTranslator: Translate = (key, params) => MARK + JSON.stringify(statusLine(key, params ? Object.fromEntries(Object.entries(params).map(([n, v]) => [n, typeof v === 'string' && v.startsWith(MARK) ? toStatusLine(v) : v])) : undefined));

/** Decodes what `keyTranslator` wrote; any other text is a plain-text line. */
export function toStatusLine(text: string): StatusLine {
  if (!text.startsWith(MARK)) return plainLine(text);
  try {
    const line = JSON.parse(text.slice(MARK.length)) as StatusLine;
    return typeof line.key === 'string' ? line : plainLine(text);
  } catch {
    return plainLine(text);
  }
}
