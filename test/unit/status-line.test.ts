import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import { keyTranslator, plainLine, renderStatusLine, statusLine, toStatusLine } from '../../lib/status-line';

const tr = (lang: 'en' | 'fr' | 'de') => (key: string, params?: Record<string, string | number>) => t(lang, key, params);

describe('status lines (content script → popup, each in its own language)', () => {
  const line = statusLine('guard_status_turned_off', { surface: statusLine('guard_surface_fulfil') });

  it('renders a line with a nested line in each language', () => {
    expect(renderStatusLine(tr('en'), line)).toBe('Notify box turned off (Fulfil items)');
    expect(renderStatusLine(tr('de'), line)).toBe('Benachrichtigung ausgeschaltet (Artikel ausführen)');
    expect(renderStatusLine(tr('fr'), line)).toBe(t('fr', 'guard_status_turned_off', { surface: t('fr', 'guard_surface_fulfil') }));
  });

  it('the key translator turns a model written against a translator into lines, nested params included', () => {
    const text = keyTranslator('guard_status_turned_off', { surface: keyTranslator('guard_surface_fulfil') });
    expect(toStatusLine(text)).toEqual(line);
    expect(toStatusLine(keyTranslator('card_title', { marketplace: 'Amazon', count: 3 }))).toEqual(statusLine('card_title', { marketplace: 'Amazon', count: 3 }));
  });

  it('keeps text that is not a line as plain text, and an unknown key falls back to its text', () => {
    expect(toStatusLine('Shopify says no')).toEqual(plainLine('Shopify says no'));
    expect(renderStatusLine(tr('de'), plainLine('Shopify says no'))).toBe('Shopify says no');
    expect(renderStatusLine(tr('de'), { key: 'err_no_such_code', text: 'Server message' })).toBe('Server message');
    expect(renderStatusLine(tr('de'), { key: 'err_store_unreachable', text: 'Server message' })).toBe(t('de', 'err_store_unreachable'));
  });
});
