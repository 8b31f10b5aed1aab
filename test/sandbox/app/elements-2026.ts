/**
 * The admin's own web components as public automation of the live admin met them (2024–2026,
 * test/facts/ADMIN-UI.md): their insides sit in OPEN shadow roots, and their state is their own.
 *   <s-internal-button>            shadow: <button><slot></slot></button>; the label is a light-DOM <span>
 *                                  (accessibilitylabel="…" names an icon-only button)
 *   <s-internal-text-field>        shadow: a caption <span> beside an <input name="…"> (no <label for>)
 *   <s-internal-single-picker-field label="…">  shadow: a caption beside a <select>
 *   <s-internal-checkbox>          shadow: a bare native <input type="checkbox">; the caption is the
 *                                  light-DOM text next to the element, not a <label>.
 * The checkbox keeps its own `checked` state and changes it ONLY when its inner box is really
 * clicked (then fires `change` on the host). Setting the inner input's `checked` from outside changes
 * what the box shows but not the component's state, which is what the form submits — as with the
 * admin's React-backed components. The page sets `host.checked` to mirror its own state.
 */

const BUTTON_CSS =
  ':host{display:inline-flex}button{font:inherit;font-weight:550;min-height:28px;padding:0 12px;border-radius:8px;border:none;cursor:pointer;' +
  'background:#fff;color:#303030;box-shadow:0 -1px 0 #b5b5b5 inset,0 0 0 1px rgba(0,0,0,.1) inset}' +
  ':host([variant=primary]) button{background:#303030;color:#fff;box-shadow:0 -1px 0 1px #000 inset}' +
  ':host([variant=tertiary]) button{background:none;box-shadow:none;color:#005bd3;padding:0 2px;text-align:left;word-break:break-all}' +
  ':host([variant=tertiary]) button:hover{text-decoration:underline}button:disabled{opacity:.5;cursor:default}';

class InternalButton extends HTMLElement {
  static observedAttributes = ['disabled', 'accessibilitylabel'];
  private button: HTMLButtonElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = BUTTON_CSS;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.append(document.createElement('slot'));
    root.append(style, this.button);
    // A click on a disabled inner button must not reach the page's handlers on the host.
    this.addEventListener('click', (e) => {
      if (this.hasAttribute('disabled')) e.stopImmediatePropagation();
    }, { capture: true });
  }
  attributeChangedCallback() {
    this.button.disabled = this.hasAttribute('disabled');
    const label = this.getAttribute('accessibilitylabel');
    if (label) this.button.setAttribute('aria-label', label);
    else this.button.removeAttribute('aria-label');
  }
}

const FIELD_CSS =
  ':host{display:flex;flex-direction:column;gap:4px}input,select{font:inherit;height:32px;border-radius:8px;border:1px solid #8a8a8a;padding:0 12px;box-sizing:border-box}';

class InternalTextField extends HTMLElement {
  static observedAttributes = ['label', 'name', 'value'];
  private caption: HTMLSpanElement;
  private input: HTMLInputElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = FIELD_CSS;
    this.caption = document.createElement('span');
    this.input = document.createElement('input');
    this.input.type = 'text';
    this.input.addEventListener('input', () => this.dispatchEvent(new CustomEvent('change', { detail: this.input.value })));
    root.append(style, this.caption, this.input);
  }
  get value(): string {
    return this.input.value;
  }
  set value(v: string) {
    if (this.input.value !== v) this.input.value = v;
  }
  attributeChangedCallback(name: string) {
    if (name === 'label') this.caption.textContent = this.getAttribute('label') ?? '';
    if (name === 'name') this.input.name = this.getAttribute('name') ?? '';
    if (name === 'value') this.value = this.getAttribute('value') ?? '';
  }
}

class InternalSinglePickerField extends HTMLElement {
  static observedAttributes = ['label', 'name', 'options', 'value'];
  private caption: HTMLSpanElement;
  private select: HTMLSelectElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = FIELD_CSS;
    this.caption = document.createElement('span');
    this.select = document.createElement('select');
    this.select.addEventListener('change', () => this.dispatchEvent(new CustomEvent('change', { detail: this.select.value })));
    root.append(style, this.caption, this.select);
  }
  attributeChangedCallback(name: string) {
    if (name === 'label') this.caption.textContent = this.getAttribute('label') ?? '';
    if (name === 'name') this.select.name = this.getAttribute('name') ?? '';
    if (name === 'options') {
      this.select.replaceChildren(
        ...(this.getAttribute('options') ?? '').split('|').filter(Boolean).map((o) => {
          const option = document.createElement('option');
          option.value = option.textContent = o;
          return option;
        }),
      );
    }
    const value = this.getAttribute('value');
    if (value !== null && this.select.value !== value) this.select.value = value;
  }
}

class InternalCheckbox extends HTMLElement {
  private input: HTMLInputElement;
  private state = false;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host{display:inline-flex;align-items:center}input{width:16px;height:16px;margin:0;accent-color:#303030}';
    this.input = document.createElement('input');
    this.input.type = 'checkbox';
    // Only a click on the box changes the component's state (keyboard space also clicks).
    this.input.addEventListener('click', () => {
      this.state = this.input.checked;
      this.dispatchEvent(new CustomEvent('change', { detail: this.state }));
    });
    root.append(style, this.input);
  }
  get checked(): boolean {
    return this.state;
  }
  set checked(value: boolean) {
    this.state = Boolean(value);
    this.input.checked = this.state;
  }
}

export function defineElements2026(): void {
  const define = (name: string, ctor: CustomElementConstructor) => {
    if (!customElements.get(name)) customElements.define(name, ctor);
  };
  define('s-internal-button', InternalButton);
  define('s-internal-text-field', InternalTextField);
  define('s-internal-single-picker-field', InternalSinglePickerField);
  define('s-internal-checkbox', InternalCheckbox);
}

type HostProps = { ref?: unknown; class?: string; style?: Record<string, string | number>; children?: unknown };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      's-internal-button': HostProps & { variant?: string; disabled?: boolean; accessibilitylabel?: string; onClick?: () => void };
      's-internal-text-field': HostProps & { label: string; name: string };
      's-internal-single-picker-field': HostProps & { label: string; name: string; options: string; value: string };
      's-internal-checkbox': HostProps;
    }
  }
}
