/**
 * Shared React UI for the extension's own pages (popup, dashboard), drawn with Polaris tokens so it
 * looks like the Shopify admin. Import `components/styles.css` once from the page's entry module.
 */
export { cx } from './ui/cx';
export { Page, Card, CardSection, BlockStack, InlineStack, Text, Facts } from './ui/layout';
export { Button } from './ui/Button';
export { TextField, Select, Checkbox, RadioGroup } from './ui/fields';
export { Banner, Badge, Spinner } from './ui/feedback';
export { Tabs } from './ui/Tabs';
