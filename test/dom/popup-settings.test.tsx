import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsView } from '../../entrypoints/popup/views/SettingsView';
import { getStoreSettings, hasStoreSettings } from '../../lib/platform/settings-storage';
import { defaultSettings, type StoreSettings } from '../../lib/settings';
import { description, isInvalid, renderIn, text } from './popup-helpers';

const store = { handle: 'demo-store' };

function renderSettings(settings: StoreSettings = defaultSettings(), locale: 'en' | 'de' = 'en') {
  return renderIn(locale, <SettingsView store={store} loaded={{ state: 'ready', settings }} />);
}

const amazonPreview = () => screen.getByTestId('preview-amazon');
const ebayPreview = () => screen.getByTestId('preview-ebay');

afterEach(cleanup);

describe('popup settings: preview', () => {
  it('shows the recommended default: the Amazon relay address loses its email', () => {
    renderSettings();
    expect((screen.getByRole('radio', { name: /Remove the email \(Recommended\)/ }) as HTMLInputElement).checked).toBe(true);
    expect(text(amazonPreview())).toContain('no email');
  });

  it('follows every strategy live', async () => {
    const user = userEvent.setup();
    renderSettings();
    await user.click(screen.getByRole('radio', { name: /Add blocking prefix/ }));
    expect(text(amazonPreview())).toContain('blacklisted-c4dc1kt7abtb7qr@marketplace.amazon.com');

    await user.click(screen.getByRole('radio', { name: /Switch to my domain/ }));
    await user.type(screen.getByLabelText('Your domain'), 'mystore.com');
    expect(text(amazonPreview())).toContain('c4dc1kt7abtb7qr@mystore.com');

    await user.click(screen.getByRole('radio', { name: /Order number at my domain/ }));
    expect(text(amazonPreview())).toContain('114-3941689-8772232@mystore.com');

    await user.click(screen.getByRole('radio', { name: /Keep the address/ }));
    expect(text(amazonPreview())).toContain('c4dc1kt7abtb7qr@marketplace.amazon.com (unchanged)');

    await user.click(screen.getByRole('radio', { name: /Use one fixed address/ }));
    await user.type(screen.getByLabelText('Address to use'), 'orders@mystore.com');
    expect(text(amazonPreview())).toContain('orders@mystore.com');
  });

  it('applies a per-marketplace rule to that marketplace only', async () => {
    const user = userEvent.setup();
    renderSettings();
    await user.selectOptions(screen.getByLabelText('Marketplace'), 'ebay');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    // A new rule starts as "keep": eBay keeps its address, Amazon still follows the default.
    expect(text(ebayPreview())).toContain('(unchanged)');
    expect(text(amazonPreview())).toContain('no email');
    await user.selectOptions(screen.getByRole('combobox', { name: 'eBay' }), 'prefix');
    expect(text(ebayPreview())).toContain('blacklisted-415b21349b3e42193d47@members.ebay.com');
    await user.click(screen.getByRole('button', { name: 'Remove the rule for eBay' }));
    expect(text(ebayPreview())).toContain('no email');
  });
});

describe('popup settings: validation', () => {
  it('says what is wrong with a domain, next to the field, and links the message to it', async () => {
    const user = userEvent.setup();
    renderSettings();
    await user.click(screen.getByRole('radio', { name: /Switch to my domain/ }));
    const domain = screen.getByLabelText('Your domain');
    // Nothing typed yet: no nagging until the field is left or a save is tried.
    expect(isInvalid(domain)).toBe(false);

    await user.type(domain, 'my store.com');
    expect(isInvalid(domain)).toBe(true);
    const message = 'Enter a domain like mystore.com: no spaces, no @, at least one dot.';
    expect(description(domain)).toBe(message);
    expect(text(amazonPreview())).toContain(message);

    await user.clear(domain);
    await user.type(domain, 'marketplace.amazon.com');
    expect(description(domain)).toBe('This domain belongs to a marketplace relay. Use a domain you own.');

    await user.clear(domain);
    await user.type(domain, 'mystore.com');
    expect(isInvalid(domain)).toBe(false);
  });

  it('refuses to save invalid settings, changes nothing, and focuses the field to fix', async () => {
    const user = userEvent.setup();
    renderSettings();
    await user.click(screen.getByRole('radio', { name: /Use one fixed address/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const fixed = screen.getByLabelText('Address to use');
    expect(description(fixed)).toBe('Enter the address to use, like orders@mystore.com.');
    await waitFor(() => expect(document.activeElement).toBe(fixed));
    expect(text(screen.getByRole('alert'))).toContain('1 field to fix');
    expect(await hasStoreSettings('demo-store')).toBe(false);

    await user.type(fixed, 'orders@');
    expect(description(fixed)).toBe('Enter a full email address, like orders@mystore.com.');
    await user.type(fixed, 'mystore.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. New choices apply to the next order you open.');
    const saved = await getStoreSettings('demo-store');
    expect(saved.defaultStrategy).toBe('fixed');
    expect(saved.fixedEmail).toBe('orders@mystore.com');
  });

  it('checks extra relay domains one by one', async () => {
    const user = userEvent.setup();
    renderSettings();
    const extra = screen.getByLabelText('Other relay domains');
    await user.type(extra, 'relay.example.com{enter}not a domain');
    expect(isInvalid(extra)).toBe(true);
    expect(description(extra)).toMatch(/not a domain: This is not a domain/);
  });

  it('saves the guard switch and the customer-record choice', async () => {
    const user = userEvent.setup();
    renderSettings();
    await user.click(screen.getByRole('checkbox', { name: /Turn off "Notify customer"/ }));
    await user.click(screen.getByRole('checkbox', { name: "Also change the customer's email" }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved\./);
    const saved = await getStoreSettings('demo-store');
    expect(saved.guardEnabled).toBe(false);
    expect(saved.updateCustomer).toBe(true);
  });

  it('speaks German, messages included', async () => {
    const user = userEvent.setup();
    renderSettings(defaultSettings(), 'de');
    await user.click(screen.getByRole('radio', { name: /Auf meine Domain umstellen|Domain/ }));
    const domain = screen.getByLabelText('Ihre Domain');
    await user.type(domain, 'x');
    expect(isInvalid(domain)).toBe(true);
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeTruthy();
  });
});
