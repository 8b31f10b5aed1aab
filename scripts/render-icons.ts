/**
 * `npm run icons`: renders design/icon.svg (the one drawn source) to public/icon/{16,32,48,128}.png
 * in headless Chromium (Debian's /usr/bin/chromium, as the tests use), transparent background.
 * WXT puts public/icon/<size>.png into the manifest's `icons`; wxt.config.ts uses them for the
 * toolbar button too. The PNGs are committed, so a build needs no browser.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128] as const;
const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'design/icon.svg'), 'utf8');
const out = join(root, 'public/icon');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: join(out, `${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
