import { describe, expect, it } from 'vitest';
import { themes } from '@shopify/polaris-tokens';
import { TOKEN_GROUPS, tokenCss } from '../../entrypoints/admin.content/card-tokens';

describe('order card tokens', () => {
  const light = themes.light as unknown as Record<string, Record<string, string>>;
  for (const [group, tokens] of Object.entries(TOKEN_GROUPS)) {
    it.each(Object.entries(tokens))(`${group} %s equals @shopify/polaris-tokens`, (name, value) => {
      expect(light[group]?.[name]).toBe(value);
    });
  }
  it('exposes them as Polaris custom properties', () => {
    expect(tokenCss()).toContain('--p-color-bg-surface-warning:rgba(255, 241, 227, 1);');
  });
});
