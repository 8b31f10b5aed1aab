import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES, exportFileText, readImportFile } from '../../entrypoints/popup/settings-file';
import { BackupView } from '../../entrypoints/popup/views/BackupView';
import { saveCredentials } from '../../lib/platform/credentials';
import { getStoreSettings, hasStoreSettings, saveStoreSettings } from '../../lib/platform/settings-storage';
import { defaultSettings } from '../../lib/settings';
import { description, renderIn, text } from './popup-helpers';

const store = { handle: 'demo-store' };
const custom = { ...defaultSettings(), defaultStrategy: 'domain' as const, domain: 'mystore.com', overrides: { etsy: 'keep' as const } };

afterEach(cleanup);

describe('settings file', () => {
  it('round-trips settings and never carries credentials', async () => {
    await saveCredentials(store, { kind: 'admin-token', token: 'shpat_0123456789abcdef' });
    const textOut = exportFileText(custom, 'demo-store');
    expect(textOut).not.toMatch(/shpat_|token|secret/i);
    const back = readImportFile(textOut);
    expect(back.ok && back.value.settings).toEqual(custom);
    expect(back.ok && back.value.fromStore).toBe('demo-store');
  });

  it.each([
    ['not json', '{oops', 'import_not_json'],
    ['another JSON', '{"hello": 1}', 'import_not_settings'],
    ['a token inside', JSON.stringify({ kind: 'proxy-mail-guard/settings', settings: { defaultStrategy: 'strip', accessToken: 'shpat_x' } }), 'import_has_credentials'],
    ['a bad domain', JSON.stringify({ defaultStrategy: 'domain', domain: 'my store' }), 'domain_invalid'],
    ['a relay as fixed address', JSON.stringify({ defaultStrategy: 'fixed', fixedEmail: 'a@marketplace.amazon.com' }), 'fixed_is_relay'],
    ['a huge file', `{"domain":"${'x'.repeat(200_000)}"}`, 'import_too_large'],
  ])('refuses %s', (_name, input, code) => {
    const result = readImportFile(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});

describe('import/export view', () => {
  it('explains a bad file under the field and changes nothing', async () => {
    const user = userEvent.setup();
    renderIn('en', <BackupView store={store} />);
    const box = screen.getByLabelText("Or paste the file's text");
    fireEvent.change(box, { target: { value: JSON.stringify({ defaultStrategy: 'fixed', fixedEmail: 'nope' }) } });
    expect(description(box)).toContain('Enter a full email address, like orders@mystore.com.');
    fireEvent.change(box, { target: { value: JSON.stringify({ defaultStrategy: 'strip', clientSecret: 'shpss_1' }) } });
    expect(description(box)).toContain('This file contains a token or secret.');
    expect(screen.queryByRole('button', { name: 'Replace settings' })).toBeNull();
    expect(await hasStoreSettings('demo-store')).toBe(false);
    await user.clear(box);
    expect(description(box)).toBe('');
  });

  it('imports a valid file only after confirmation', async () => {
    const user = userEvent.setup();
    renderIn('en', <BackupView store={store} />);
    const box = screen.getByLabelText("Or paste the file's text");
    fireEvent.change(box, { target: { value: exportFileText(custom, 'other-store') } });
    expect(text(document.body)).toContain('It was exported from other-store. Importing it replaces the settings of demo-store.');
    expect(text(document.body)).toContain('Email choice: Switch to my domain. Marketplace rules: 1.');
    expect(await hasStoreSettings('demo-store')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Replace settings' }));
    await screen.findByText('Settings imported.');
    expect(await getStoreSettings('demo-store')).toEqual(custom);
  });

  it('lists the extra relay domains a file brings before anything is replaced', async () => {
    renderIn('en', <BackupView store={store} />);
    const box = screen.getByLabelText("Or paste the file's text");
    fireEvent.change(box, { target: { value: exportFileText({ ...custom, extraDomains: ['relay.example.com', 'orders.market.example'] }, 'demo-store') } });
    expect(text(document.body)).toContain('Extra relay domains it adds: relay.example.com, orders.market.example.');
    fireEvent.change(box, { target: { value: exportFileText(custom, 'demo-store') } });
    expect(text(document.body)).toContain('Extra relay domains: none.');
    // A file that would flag everybody is refused with its reason.
    fireEvent.change(box, { target: { value: exportFileText({ ...custom, extraDomains: ['gmail.com'] }, 'demo-store') } });
    expect(description(box)).toContain('gmail.com is a public mail provider');
    expect(screen.queryByRole('button', { name: 'Replace settings' })).toBeNull();
  });

  it('checks a chosen file’s size before reading it', async () => {
    renderIn('en', <BackupView store={store} />);
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: MAX_IMPORT_BYTES + 1 });
    const read = vi.spyOn(file, 'text');
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await screen.findByText('This file is too large to be a settings file.');
    expect(read).not.toHaveBeenCalled();
    expect(await hasStoreSettings('demo-store')).toBe(false);
  });

  it('reads a chosen file', async () => {
    await saveStoreSettings('demo-store', defaultSettings());
    renderIn('en', <BackupView store={store} />);
    const file = new File([exportFileText(custom, 'demo-store')], 'settings.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await screen.findByText('The file is valid');
  });
});
