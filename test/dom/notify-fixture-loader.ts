/**
 * Loads a saved admin-like page from test/fixtures/admin/ into a fresh document, turning declarative
 * shadow roots (`<template shadowrootmode="open">`) into real open shadow roots, as the browser does
 * when it parses the admin's Polaris web components.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURE_DIR = resolve(__dirname, '../fixtures/admin');

export function listFixtures(prefix: string): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.html'))
    .sort();
}

export function loadFixture(name: string, doc: Document = document): Document {
  const html = readFileSync(join(FIXTURE_DIR, name), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  doc.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  doc.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => doc.importNode(n, true)));
  attachDeclarativeShadowRoots(doc.body);
  return doc;
}

export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.shadowRoot ?? host.attachShadow({ mode });
    const content = (template as HTMLTemplateElement).content;
    // Nested declarative roots inside this one first.
    attachDeclarativeShadowRoots(content);
    shadow.append(...Array.from(content.childNodes).map((n) => n.cloneNode(true)));
    attachDeclarativeShadowRoots(shadow);
    template.remove();
  }
}

/** Elements marked data-expect="<value>" in light DOM and open shadow roots. */
export function expected(root: ParentNode, value: string): Element[] {
  const out: Element[] = [];
  const visit = (parent: ParentNode) => {
    for (const el of Array.from(parent.querySelectorAll('*'))) {
      if (el.getAttribute('data-expect') === value) out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}
