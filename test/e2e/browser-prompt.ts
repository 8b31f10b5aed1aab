/**
 * Answers Chromium's own permission prompt in a headless test, the way a merchant answers it: by
 * pressing its "Allow" or "Deny" button.
 *
 * `chrome.permissions.request` for optional host permissions opens Chromium's extension permission
 * dialog (`ExtensionInstallDialogView`, a native views dialog, not a web page). Headless Chromium
 * draws it off screen and waits for an answer: the request never resolves, and neither Playwright
 * nor the DevTools protocol of pages can reach it (no switch auto-accepts it; `developerPrivate`'s
 * host grants only cover hosts the manifest requires). Chromium's UI DevTools can: started with
 * `--enable-ui-devtools=0` it serves the browser's own views tree over a WebSocket (port written to
 * `<profile>/UIDevToolsActivePort`), and with the `ui-debug-tools-enable-synthetic-events` feature it
 * delivers a real mouse press/release to a view — the dialog's own button handler runs, exactly as
 * for a click.
 *
 *   const browser = await launchBrowser({ args: PROMPT_SWITCHES, lang: 'en-US' });
 *   const ui = await BrowserUi.connect(browser);
 *   const prompt = await ui.waitForPermissionPrompt();   // its texts: title, hosts
 *   await ui.press('Allow');
 */
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { LaunchedBrowser } from './harness';

/**
 * UI DevTools on a free port, with synthetic events. The last --enable-features wins in Chromium, so
 * Playwright's own (CDPScreenshotNewSurface: screenshots of headless pages) is repeated here.
 */
export const PROMPT_SWITCHES = ['--enable-ui-devtools=0', '--enable-features=CDPScreenshotNewSurface,ui-debug-tools-enable-synthetic-events'];

/** Longer than the double-click interval (500 ms by default), which Chromium's dialogs wait out. */
const PRESS_GAP_MS = 1200;

interface UiNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: UiNode[];
}

export interface PermissionPrompt {
  node: UiNode;
  /** Every label's text in the dialog, in tree order (title, the permission lines, the buttons). */
  texts: string[];
  buttons: Array<{ node: UiNode; text: string }>;
}

/** A minimal RFC 6455 client (Node 20 has no WebSocket without a flag): text frames, masked sends. */
class MiniSocket {
  private buffer: Buffer;
  private parts: Buffer[] = [];
  onText: (text: string) => void = () => {};

  private constructor(private readonly socket: Socket, head: Buffer) {
    this.buffer = head;
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.drain();
  }

  static open(url: string): Promise<MiniSocket> {
    const u = new URL(url);
    return new Promise((resolve, reject) => {
      const req = request({
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') },
      });
      req.on('upgrade', (_res, socket, head) => resolve(new MiniSocket(socket, head)));
      req.on('response', (res) => reject(new Error(`UI DevTools refused the WebSocket (${res.statusCode})`)));
      req.on('error', reject);
      req.end();
    });
  }

  send(text: string, opcode = 0x1): void {
    const payload = Buffer.from(text, 'utf8');
    const mask = randomBytes(4);
    const size = payload.length < 126 ? 1 : payload.length < 65_536 ? 3 : 9;
    const header = Buffer.alloc(1 + size + 4);
    header[0] = 0x80 | opcode;
    if (size === 1) header[1] = 0x80 | payload.length;
    else if (size === 3) {
      header[1] = 0x80 | 126;
      header.writeUInt16BE(payload.length, 2);
    } else {
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(payload.length), 2);
    }
    mask.copy(header, 1 + size);
    for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
    this.socket.write(Buffer.concat([header, payload]));
  }

  close(): void {
    this.socket.destroy();
  }

  private drain(): void {
    for (;;) {
      if (this.buffer.length < 2) return;
      const first = this.buffer[0]!;
      const second = this.buffer[1]!;
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + length) return;
      const payload = this.buffer.subarray(offset, offset + length);
      this.buffer = this.buffer.subarray(offset + length);
      const opcode = first & 0x0f;
      if (opcode === 0x8) return this.close();
      if (opcode === 0x9) this.send(payload.toString('utf8'), 0xa);
      else if (opcode === 0x0 || opcode === 0x1) {
        this.parts.push(Buffer.from(payload));
        if (first & 0x80) {
          const text = Buffer.concat(this.parts).toString('utf8');
          this.parts = [];
          this.onText(text);
        }
      }
    }
  }
}

/** The browser's own UI (its views tree), as Chromium's UI DevTools serves it. */
export class BrowserUi {
  private next = 0;
  private readonly pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();

  private constructor(private readonly socket: MiniSocket) {
    socket.onText = (text) => {
      const message = JSON.parse(text) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
      if (message.id !== undefined) this.pending.delete(message.id);
    };
  }

  /** Connects to the UI DevTools of a browser launched with PROMPT_SWITCHES. */
  static async connect(browser: LaunchedBrowser, timeoutMs = 20_000): Promise<BrowserUi> {
    const file = join(browser.profileDir, 'UIDevToolsActivePort');
    const until = Date.now() + timeoutMs;
    for (;;) {
      const port = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (port > 0) {
        const ui = new BrowserUi(await MiniSocket.open(`ws://127.0.0.1:${port}/0`));
        await ui.send('DOM.enable');
        return ui;
      }
      if (Date.now() > until) throw new Error(`No ${file}: was the browser launched with PROMPT_SWITCHES?`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.next;
    const answer = await new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
    if (answer.error) throw new Error(`UI DevTools ${method}: ${answer.error.message}`);
    return answer.result as T;
  }

  /** The open permission dialogs right now (usually none or one). */
  async permissionPrompts(): Promise<UiNode[]> {
    const { root } = await this.send<{ root: UiNode }>('DOM.getDocument');
    return find(root, (n) => n.nodeName === 'Widget' && has(n, 'ExtensionInstallDialogView'));
  }

  /** Waits for Chromium's extension permission dialog and reads it. */
  async waitForPermissionPrompt(timeoutMs = 20_000): Promise<PermissionPrompt> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [dialog] = await this.permissionPrompts();
      if (dialog) return this.read(dialog);
      if (Date.now() > until) throw new Error('Chromium showed no extension permission prompt.');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /**
   * Presses the open prompt's button with this text, with a real mouse press and release, until no
   * prompt is left. Chromium ignores clicks that come too soon after a dialog appears or too soon
   * after the previous one (its protection against unintended double clicks, about the double-click
   * interval): so the first press waits a moment and a press that was ignored is repeated slowly.
   */
  async press(text: string, timeoutMs = 15_000): Promise<void> {
    await new Promise((r) => setTimeout(r, PRESS_GAP_MS));
    for (const until = Date.now() + timeoutMs; ; ) {
      const [dialog] = await this.permissionPrompts();
      if (!dialog) return;
      const prompt = await this.read(dialog);
      const button = prompt.buttons.find((b) => b.text === text);
      if (!button) throw new Error(`The prompt has no "${text}" button (it has: ${prompt.buttons.map((b) => b.text).join(', ')}).`);
      for (const type of ['mousePressed', 'mouseReleased']) {
        await this.send('DOM.dispatchMouseEvent', { nodeId: button.node.nodeId, event: { type, x: 4, y: 4, button: 'left', wheelDirection: 'none' } });
      }
      if (Date.now() > until) throw new Error(`Pressing "${text}" did not close the prompt.`);
      await new Promise((r) => setTimeout(r, PRESS_GAP_MS));
    }
  }

  close(): void {
    this.socket.close();
  }

  private async read(dialog: UiNode): Promise<PermissionPrompt> {
    const texts: string[] = [];
    for (const label of find(dialog, (n) => has(n, 'Label') || has(n, 'LabelButtonLabel') || has(n, 'StyledLabel'))) {
      const text = await this.property(label, 'Text');
      if (text) texts.push(text);
    }
    const buttons: PermissionPrompt['buttons'] = [];
    for (const node of find(dialog, (n) => has(n, 'MdTextButton'))) buttons.push({ node, text: (await this.property(node, 'Text')) ?? '' });
    return { node: dialog, texts, buttons };
  }

  /** A view's metadata property (UI DevTools shows them as the node's "CSS" properties). */
  private async property(node: UiNode, name: string): Promise<string | null> {
    const styles = await this.send<{ matchedCSSRules?: Array<{ rule?: { style?: { cssProperties?: Array<{ name: string; value: string }> } } }> }>('CSS.getMatchedStylesForNode', { nodeId: node.nodeId });
    for (const match of styles.matchedCSSRules ?? []) {
      const found = match.rule?.style?.cssProperties?.find((p) => p.name === name);
      if (found) return found.value;
    }
    return null;
  }
}

function has(node: UiNode, className: string): boolean {
  const a = node.attributes ?? [];
  const i = a.indexOf('class');
  return (i >= 0 && a[i + 1] === className) || (a[0] === 'name' && a[1] === className && node.nodeName === 'Widget');
}

function find(node: UiNode, match: (n: UiNode) => boolean, out: UiNode[] = []): UiNode[] {
  if (match(node)) out.push(node);
  for (const child of node.children ?? []) find(child, match, out);
  return out;
}
