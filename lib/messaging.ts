/**
 * Typed transport for `ProtocolMap` over `browser.runtime` / `browser.tabs` messaging.
 *
 * Our own ~60 lines instead of @webext-core/messaging because every call here answers a `Result`:
 * a handler that throws, a missing listener or an invalidated extension context must reach the caller
 * as a coded error (shown in the merchant's language), never as an unhandled rejection. Works the same
 * under WXT's fakeBrowser (unit tests) and in Chrome MV3 / Firefox through webextension-polyfill.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ProtocolMap } from './messages';
import { fail, type Result } from './result';
import { redactSecrets } from './redact';
import { checkCaller, type Caller, type CallerEnv } from './callers';

export type MessageName = keyof ProtocolMap;
export type MessageData<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
export type MessageResult<K extends MessageName> = ReturnType<ProtocolMap[K]>;
export type MessageSender = Browser.runtime.MessageSender;
/**
 * Who may send `K`: the literal type of the map entry's second parameter (`from: 'extension'` …).
 * An entry that declares none gives `never`, so its handler cannot be registered: refused by default.
 */
export type MessageCallers<K extends MessageName> = ProtocolMap[K] extends (data: never, from: infer F) => unknown
  ? [F] extends [Caller]
    ? unknown extends F
      ? never
      : F
    : never
  : never;
export type MessageHandler<K extends MessageName> = (
  data: MessageData<K>,
  sender: MessageSender,
) => MessageResult<K> | Promise<MessageResult<K>>;

/** Marks our envelopes so listeners ignore other extension traffic (and other listeners ignore ours). */
const TAG = 'pmg/1';
interface Envelope {
  tag: typeof TAG;
  name: string;
  data: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && (value as Envelope).tag === TAG && typeof (value as Envelope).name === 'string';
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Sends to the background (or, with `tabId`, to that tab's content script). Never rejects. */
export async function sendMessage<K extends MessageName>(name: K, data: MessageData<K>, tabId?: number): Promise<MessageResult<K>> {
  const envelope: Envelope = { tag: TAG, name, data };
  try {
    const answer: unknown =
      tabId === undefined ? await browser.runtime.sendMessage(envelope) : await browser.tabs.sendMessage(tabId, envelope);
    if (isResult(answer)) return answer as MessageResult<K>;
    return fail('extension_unreachable', `No answer to "${name}" from the extension background.`) as MessageResult<K>;
  } catch (error) {
    // "Could not establish connection" / "Extension context invalidated" (extension reloaded or updated).
    return fail('extension_unreachable', `The extension could not answer "${name}": ${redactSecrets(describe(error))}`) as MessageResult<K>;
  }
}

function callerEnv(): CallerEnv {
  return { extensionId: browser.runtime.id, extensionBase: browser.runtime.getURL('/'), sandbox: import.meta.env?.MODE === 'sandbox' };
}

/**
 * Registers the handler for one message name; returns a function that removes it. `from` repeats the
 * map entry's declared callers (the compiler holds them equal) because types do not exist at run time;
 * a sender the browser describes otherwise gets `caller_refused` and the handler never runs.
 * One listener per registration (not one shared listener) so `fakeBrowser.reset()` between tests cleans up.
 */
export function onMessage<K extends MessageName>(name: K, from: MessageCallers<K>, handler: MessageHandler<K>): () => void {
  const listener = (message: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message) || message.name !== name) return undefined; // not ours: let other listeners answer
    const verdict = checkCaller(from, sender ?? {}, message.data, callerEnv());
    if (!verdict.ok) return Promise.resolve(fail('caller_refused', `"${name}" refused: ${verdict.reason}.`));
    return runHandler(name, handler, message.data as MessageData<K>, sender ?? {});
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Runs a handler so that whatever happens the caller gets a Result. Exported for handler tests. */
export async function runHandler<K extends MessageName>(
  name: K,
  handler: MessageHandler<K>,
  data: MessageData<K>,
  sender: MessageSender,
): Promise<MessageResult<K>> {
  try {
    const result = await handler(data, sender);
    if (isResult(result)) return result;
    return fail('internal_error', `Handler for "${name}" returned no result.`) as MessageResult<K>;
  } catch (error) {
    return fail('internal_error', `Unexpected error in "${name}": ${redactSecrets(describe(error))}`) as MessageResult<K>;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
