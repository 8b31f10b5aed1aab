/**
 * The content script runs inside the admin page: it must never read or write extension storage
 * (credentials live in storage.local, settings in storage.sync). It asks the background instead
 * (getSettings, read-only). Checked over every module the content script can reach.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const ENTRY_DIR = join(ROOT, 'entrypoints/admin.content');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null; // a package: judged by name
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every project file and package the content script's modules import, transitively (type-only imports skipped). */
function reachable(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  // The content script, and the scripts it loads into the same world (the orders list).
  const queue = [...filesUnder(ENTRY_DIR), join(ROOT, 'entrypoints/orders-list.ts')].filter((f) => existsSync(f));
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
      const spec = (m[1] ?? m[2])!;
      const target = resolveImport(file, spec);
      if (target) queue.push(target);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.add(spec);
    }
  }
  return { files, packages };
}

/** Code only: a comment that names storage.local is not a call. */
function touchesStorage(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return /storage\.(local|sync|session|managed)\b|\.(setItem|setItems|getItem|getItems|removeItem)\(/.test(code);
}

describe('the content script never touches extension storage', () => {
  const { files, packages } = reachable();
  const names = [...files].map((f) => relative(ROOT, f));

  it('reaches none of the storage modules', () => {
    expect(names).toContain('entrypoints/admin.content/index.ts');
    expect(names).toContain('lib/messaging.ts'); // the walk does follow imports
    for (const forbidden of ['lib/platform/settings-storage.ts', 'lib/platform/credentials.ts', 'lib/platform/api.ts']) {
      expect(names, forbidden).not.toContain(forbidden);
    }
    expect([...packages].filter((p) => /storage/.test(p))).toEqual([]);
  });

  it('no reachable module reads or writes a storage area', () => {
    const offenders = [...files].filter((file) => touchesStorage(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
    // The check itself can fail: a call in code is caught, the same words in a comment are not.
    expect(touchesStorage('await browser.storage.local.get(null);')).toBe(true);
    expect(touchesStorage('// kept in storage.local by the background\n/** storage.sync */ const x = 1;')).toBe(false);
  });
});
