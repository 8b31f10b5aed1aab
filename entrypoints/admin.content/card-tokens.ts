/**
 * The Polaris design tokens the order card uses, copied from @shopify/polaris-tokens (light theme).
 * Copied rather than imported because the package's entry inlines every theme (~100 KB) and the content
 * script runs on every admin page; test/unit/card-tokens.test.ts fails when a value drifts from the package.
 */
export const TOKEN_GROUPS = {
  color: {
    "color-bg-surface": "rgba(255, 255, 255, 1)",
    "color-bg-surface-secondary": "rgba(247, 247, 247, 1)",
    "color-bg-surface-warning": "rgba(255, 241, 227, 1)",
    "color-bg-surface-critical": "rgba(254, 232, 235, 1)",
    "color-bg-surface-success": "rgba(205, 254, 212, 1)",
    "color-bg-fill-warning": "rgba(255, 184, 0, 1)",
    "color-bg-fill-critical": "rgba(199, 10, 36, 1)",
    "color-bg-fill-success": "rgba(4, 123, 93, 1)",
    "color-bg-fill-brand": "rgba(48, 48, 48, 1)",
    "color-bg-fill-brand-hover": "rgba(26, 26, 26, 1)",
    "color-bg-fill": "rgba(255, 255, 255, 1)",
    "color-bg-fill-hover": "rgba(250, 250, 250, 1)",
    "color-text": "rgba(48, 48, 48, 1)",
    "color-text-secondary": "rgba(97, 97, 97, 1)",
    "color-text-warning": "rgba(94, 66, 0, 1)",
    "color-text-critical": "rgba(142, 11, 33, 1)",
    "color-text-success": "rgba(1, 75, 64, 1)",
    "color-text-link": "rgba(0, 91, 211, 1)",
    "color-text-brand-on-bg-fill": "rgba(255, 255, 255, 1)",
    "color-border": "rgba(227, 227, 227, 1)",
    "color-border-warning": "rgba(255, 200, 121, 1)",
    "color-border-critical": "rgba(254, 193, 199, 1)",
    "color-border-success": "rgba(146, 252, 172, 1)",
    "color-icon-warning": "rgba(178, 132, 0, 1)",
    "color-icon-critical": "rgba(226, 44, 56, 1)",
    "color-icon-success": "rgba(4, 123, 93, 1)",
  },
  border: {
    "border-radius-200": "0.5rem",
    "border-radius-300": "0.75rem",
    "border-radius-400": "1rem",
    "border-width-025": "0.0625rem",
  },
  space: {
    "space-100": "0.25rem",
    "space-150": "0.375rem",
    "space-200": "0.5rem",
    "space-300": "0.75rem",
    "space-400": "1rem",
  },
  font: {
    "font-family-sans": "'Inter', -apple-system, BlinkMacSystemFont, 'San Francisco', 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif",
    "font-size-300": "0.75rem",
    "font-size-325": "0.8125rem",
    "font-size-350": "0.875rem",
    "font-weight-regular": "450",
    "font-weight-medium": "550",
    "font-weight-semibold": "650",
    "font-weight-bold": "700",
    "font-line-height-400": "1rem",
    "font-line-height-500": "1.25rem",
  },
  shadow: {
    "shadow-100": "0rem 0.0625rem 0rem 0rem rgba(26, 26, 26, 0.07)",
    "shadow-bevel-100": "0.0625rem 0rem 0rem 0rem rgba(0, 0, 0, 0.13) inset, -0.0625rem 0rem 0rem 0rem rgba(0, 0, 0, 0.13) inset, 0rem -0.0625rem 0rem 0rem rgba(0, 0, 0, 0.17) inset, 0rem 0.0625rem 0rem 0rem rgba(204, 204, 204, 0.5) inset",
    "shadow-button": "0rem -0.0625rem 0rem 0rem #b5b5b5 inset, 0rem 0rem 0rem 0.0625rem rgba(0, 0, 0, 0.1) inset, 0rem 0.03125rem 0rem 0.09375rem #FFF inset",
    "shadow-button-primary": "0rem -0.0625rem 0rem 0.0625rem rgba(0, 0, 0, 0.8) inset, 0rem 0rem 0rem 0.0625rem rgba(48, 48, 48, 1) inset, 0rem 0.03125rem 0rem 0.09375rem rgba(255, 255, 255, 0.25) inset",
  },
} as const;

export type TokenName = { [G in keyof typeof TOKEN_GROUPS]: keyof (typeof TOKEN_GROUPS)[G] }[keyof typeof TOKEN_GROUPS];

/** `:host { --p-color-bg-surface: …; … }` — the same custom property names Polaris uses. */
export function tokenCss(): string {
  const lines: string[] = [];
  for (const group of Object.values(TOKEN_GROUPS)) for (const [name, value] of Object.entries(group)) lines.push(`--p-${name}:${value};`);
  return `:host{${lines.join("")}}`;
}
