import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  emailFromMailto,
  findCardSlot,
  findContactEmail,
  findCustomerCard,
  findOrderTitle,
  observe,
  orderPageLang,
  queryAllDeep,
  textDeep,
  waitFor,
} from '../../lib/admin-dom';
import { expected, loadFixture } from './notify-fixture-loader';

const one = (value: string) => {
  const found = expected(document, value);
  expect(found, `fixture marks exactly one data-expect="${value}"`).toHaveLength(1);
  return found[0]!;
};

const PAGES: Array<[file: string, lang: string | null, email: string, via: 'customer-card' | 'main-area']> = [
  ['order-page.en.html', 'en', 'c4dc1kt7abtb7qr@marketplace.amazon.com', 'customer-card'],
  ['order-page.fr.html', 'fr', '415b21349b3e42193d47@members.ebay.com', 'customer-card'],
  ['order-page.de.html', 'de', 'k.mueller@kaufland-marktplatz.de', 'customer-card'],
  ['order-page.es.html', 'es', '8b1f0a2c@marketplace.amazon.es', 'customer-card'],
  ['order-page.it.html', 'it', 'a7c0f2d91e@marketplace.amazon.it', 'customer-card'],
  ['order-page.nl.html', 'nl', '00f3ab12cd@marketplace.amazon.nl', 'customer-card'],
  ['order-page-structure.ko.html', null, 'abc123@marketplace.amazon.co.jp', 'main-area'],
  // The 2026 admin: the email as a button's text in an inline stack (no mailto:), titles as
  // h1.Polaris-Header-Title > span, other addresses (staff) shown in the timeline.
  ['order-page-2026.en.html', 'en', 'c4dc1kt7abtb7qr@marketplace.amazon.com', 'customer-card'],
  ['order-page-2026.pl.html', 'pl', 'z1y2x3w4@marketplace.amazon.pl', 'customer-card'],
  ['order-page-2026.ja.html', 'ja', 'abc123@marketplace.amazon.co.jp', 'customer-card'],
  ['order-page-2026.pt-BR.html', 'pt', 'comprador-9f3a@mercadolivre.example', 'customer-card'],
  ['order-page-2026.tr.html', 'tr', '0a1b2c3d@marketplace.amazon.com.tr', 'customer-card'],
];

beforeEach(() => {
  document.body.replaceChildren();
});

describe.each(PAGES)('%s', (file, lang, email, via) => {
  beforeEach(() => loadFixture(file));

  it('reads the admin language from <html lang>', () => {
    expect(orderPageLang(document)).toBe(lang);
  });

  it('finds the contact email (through shadow roots) and ignores other mailto links', () => {
    const found = findContactEmail(document, orderPageLang(document));
    expect(found?.email).toBe(email);
    expect(found?.via).toBe(via);
    expect(found?.link).toBe(one('email'));
  });

  it('finds the order title and places the card right after the header block', () => {
    expect(findOrderTitle(document)).toBe(one('title'));
    const slot = findCardSlot(document, orderPageLang(document));
    const header = one('header-block');
    expect(slot?.parent).toBe(header.parentElement);
    expect(slot?.before).toBe(header.nextElementSibling);
  });

  if (via === 'customer-card') {
    it('finds the customer card, not the whole column', () => {
      expect(findCustomerCard(document, orderPageLang(document))).toBe(one('customer-card'));
    });
  }
});

describe('pages without a usable email', () => {
  it('a stripped order has a customer card but no email', () => {
    loadFixture('order-page-no-email.en.html');
    expect(findCustomerCard(document, 'en')).toBe(one('customer-card'));
    expect(findContactEmail(document, 'en')).toBeNull();
    expect(findCardSlot(document, 'en')?.before).toBe(one('header-block').nextElementSibling);
  });

  it('an unknown layout has no anchors at all (the feature then says "guard inactive")', () => {
    loadFixture('order-page-unknown-layout.en.html');
    expect(findOrderTitle(document)).toBeNull();
    expect(findCardSlot(document, 'en')).toBeNull();
    expect(findContactEmail(document, 'en')).toBeNull();
  });

  it('several different mailto links and no card: unknown, never a guess', () => {
    document.body.innerHTML = '<main><h1>#1</h1><a href="mailto:a@x.com">a</a><a href="mailto:b@y.com">b</a></main>';
    expect(findContactEmail(document)).toBeNull();
  });

  it('the wrong <html lang> does not blind the card locator', () => {
    loadFixture('order-page.fr.html');
    document.documentElement.setAttribute('lang', 'en');
    expect(findContactEmail(document, 'en')?.via).toBe('customer-card');
  });
});

describe('emailFromMailto', () => {
  it.each([
    ['mailto:a@b.com', 'a@b.com'],
    ['MAILTO:a@b.com?subject=Hi', 'a@b.com'],
    ['mailto:a%40b.com', 'a@b.com'],
    ['mailto:', null],
    ['mailto:a@b.com,c@d.com', null],
    ['mailto:%E0%A4%A', null],
    ['https://a@b.com', null],
    [null, null],
  ])('%s → %s', (href, email) => {
    expect(emailFromMailto(href)).toBe(email);
  });
});

describe('queryAllDeep / textDeep', () => {
  it('pierce open shadow roots', () => {
    loadFixture('order-page.en.html');
    expect(queryAllDeep(document, 'a[href^="mailto:"]').map((a) => a.getAttribute('href'))).toEqual([
      'mailto:support@shopify.com',
      'mailto:staff@demo-store.example',
      'mailto:c4dc1kt7abtb7qr@marketplace.amazon.com',
    ]);
    expect(textDeep(one('customer-card'))).toContain('Contact information');
    expect(one('customer-card').textContent).not.toContain('Contact information');
  });
});

describe('observe', () => {
  it('handles each element once across re-renders and stops on abort', async () => {
    document.body.innerHTML = '<main><p class="x">1</p></main>';
    const controller = new AbortController();
    const seen: string[] = [];
    observe(document.body, 'p.x', (el) => seen.push(el.textContent ?? ''), { signal: controller.signal, debounce: 5 });
    expect(seen).toEqual(['1']);
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', '<p class="x">2</p>');
    main.setAttribute('data-n', '1'); // unrelated mutation: nothing new to handle
    // Polled rather than a fixed sleep: on a loaded machine the debounced check may run late.
    await vi.waitFor(() => expect(seen).toEqual(['1', '2']), { timeout: 2000 });
    controller.abort();
    main.insertAdjacentHTML('beforeend', '<p class="x">3</p>');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['1', '2']);
  });

  it('accepts a finder function', async () => {
    document.body.innerHTML = '<main></main>';
    const controller = new AbortController();
    const seen: Element[] = [];
    observe(document.body, (root) => (findOrderTitle(root) ? [findOrderTitle(root)!] : []), (el) => seen.push(el), {
      signal: controller.signal,
      debounce: 5,
    });
    document.querySelector('main')!.innerHTML = '<h1>#9</h1>';
    await vi.waitFor(() => expect(seen.map((e) => e.textContent)).toEqual(['#9']), { timeout: 2000 });
    controller.abort();
  });
});

describe('waitFor', () => {
  it('resolves when the page renders the anchor late', async () => {
    document.body.innerHTML = '<main></main>';
    const pending = waitFor(document.body, () => findOrderTitle(document), { signal: new AbortController().signal, timeout: 1000 });
    setTimeout(() => (document.querySelector('main')!.innerHTML = '<div><h1>#5</h1></div>'), 10);
    expect((await pending)?.textContent).toBe('#5');
  });

  it('notices text edited in place (the 2026 email button re-rendered with a new address)', async () => {
    document.body.innerHTML = '<main><h1>#5</h1><div><h2>Customer</h2><div class="Polaris-InlineStack"><button><span>old@example.com</span></button></div></div></main>';
    const text = document.querySelector('button span')!.firstChild as Text;
    const started = Date.now();
    const pending = waitFor(document.body, () => (findContactEmail(document, 'en')?.email === 'new@example.com' ? true : null), {
      signal: new AbortController().signal,
      timeout: 5000,
    });
    setTimeout(() => (text.data = 'new@example.com'), 10);
    expect(await pending).toBe(true);
    // Seen by the observer, not by the final look at the deadline.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('gives null after the timeout or on abort', async () => {
    document.body.innerHTML = '<main></main>';
    expect(await waitFor(document.body, () => findOrderTitle(document), { signal: new AbortController().signal, timeout: 30 })).toBeNull();
    const controller = new AbortController();
    const pending = waitFor(document.body, () => findOrderTitle(document), { signal: controller.signal, timeout: 5000 });
    controller.abort();
    expect(await pending).toBeNull();
  });
});
