/**
 * Shared React UI for the extension's own pages (popup, dashboard), drawn with Polaris tokens so it
 * looks like the Shopify admin. Import `components/styles.css` once from the page's entry module.
 */
export { cx } from './cx';
export { Page, Card, CardSection, BlockStack, InlineStack, Text, VisuallyHidden, Facts } from './layout';
export type { TextTone } from './layout';
export { Button } from './Button';
export type { ButtonProps, ButtonVariant } from './Button';
export { TextField, Select, Checkbox, RadioGroup } from './fields';
export type { TextFieldProps, SelectProps, SelectOption, CheckboxProps, RadioGroupProps, RadioOption } from './fields';
export { Banner, Badge, Spinner } from './feedback';
export type { Tone, BadgeTone } from './feedback';
export { Tabs } from './Tabs';
export type { TabItem } from './Tabs';
