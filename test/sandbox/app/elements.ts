/**
 * Polaris web components as the admin uses them: custom elements whose text lives in an OPEN shadow
 * root, invisible to `textContent` and `querySelector` on the light DOM.
 *   <s-internal-text text="Customer" variant="headingSm">   → shadow: <span>Customer</span>
 *   <s-internal-link href="mailto:x@y" text="x@y">          → shadow: <a href="mailto:x@y">x@y</a>
 */
class InternalText extends HTMLElement {
  static observedAttributes = ['text', 'variant'];
  private span: HTMLElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.span = document.createElement('span');
    root.append(this.span);
  }
  attributeChangedCallback() {
    const variant = this.getAttribute('variant') ?? '';
    this.span.textContent = this.getAttribute('text') ?? '';
    this.span.style.fontWeight = variant.startsWith('heading') ? '650' : '';
    this.span.setAttribute('role', variant === 'headingSm' ? 'heading' : '');
    if (variant !== 'headingSm') this.span.removeAttribute('role');
    else this.span.setAttribute('aria-level', '2');
  }
}

class InternalLink extends HTMLElement {
  static observedAttributes = ['href', 'text'];
  private a: HTMLAnchorElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = 'a{color:#005bd3;text-decoration:none;word-break:break-all}a:hover{text-decoration:underline}';
    this.a = document.createElement('a');
    root.append(style, this.a);
  }
  attributeChangedCallback() {
    this.a.href = this.getAttribute('href') ?? '';
    this.a.textContent = this.getAttribute('text') ?? '';
  }
}

export function defineElements(): void {
  if (!customElements.get('s-internal-text')) customElements.define('s-internal-text', InternalText);
  if (!customElements.get('s-internal-link')) customElements.define('s-internal-link', InternalLink);
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      's-internal-text': { text: string; variant?: string; children?: never };
      's-internal-link': { href: string; text: string; children?: never };
    }
  }
}
