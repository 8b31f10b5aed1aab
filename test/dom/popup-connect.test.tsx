import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConnectForm, EMPTY_CONNECT_FORM } from '../../entrypoints/popup/connect-form';
import { ConnectView } from '../../entrypoints/popup/views/ConnectView';
import { LocaleProvider } from '../../entrypoints/popup/i18n';
import { t } from '../../lib/i18n';
import type { ConnectionReport, Credentials } from '../../lib/messages';
import { onMessage } from '../../lib/messaging';
import { fail, ok } from '../../lib/result';
import { description, isInvalid, renderIn, text } from './popup-helpers';

const store = { handle: 'demo-store' };
const report: ConnectionReport = {
  shopName: 'Demo Store',
  myshopifyDomain: 'demo-store.myshopify.com',
  shopDomains: ['demo-store.com', 'demo-store.myshopify.com'],
  plan: 'Basic',
  grantedScopes: ['read_orders', 'write_orders'],
  missingScopes: ['read_customers', 'write_customers'],
  credentialKind: 'admin-token',
};

afterEach(cleanup);

function renderConnect(connected: boolean, onChange: (c: boolean) => void = () => {}) {
  return renderIn('en', <ConnectView store={store} connected={connected} onConnectedChange={onChange} />);
}

describe('connect form checks', () => {
  it.each([
    ['', 'popup_connect_err_token_required'],
    ['shpat_abc def123456', 'popup_connect_err_spaces'],
    ['shpss_0123456789abcdef', 'popup_connect_err_token_is_secret'],
    ['hello', 'popup_connect_err_token_format'],
  ])('token %j → %s', (token, key) => {
    expect(validateConnectForm({ ...EMPTY_CONNECT_FORM, token }).errors.token).toBe(key);
  });

  it('accepts a token with surrounding spaces, trimmed', () => {
    expect(validateConnectForm({ ...EMPTY_CONNECT_FORM, token: '  shpat_0123456789abcdef \n' }).credentials).toEqual({
      kind: 'admin-token',
      token: 'shpat_0123456789abcdef',
    });
  });

  it('checks client id and secret separately, and catches swapped fields', () => {
    const form = { ...EMPTY_CONNECT_FORM, method: 'client-credentials' as const };
    expect(validateConnectForm(form).errors).toEqual({
      clientId: 'popup_connect_err_client_id_required',
      clientSecret: 'popup_connect_err_secret_required',
    });
    expect(validateConnectForm({ ...form, clientId: 'shpss_abc', clientSecret: 'shpat_abc' }).errors).toEqual({
      clientId: 'popup_connect_err_client_id_is_token',
      clientSecret: 'popup_connect_err_secret_is_token',
    });
    expect(validateConnectForm({ ...form, clientId: 'abc123', clientSecret: 'shpss_xyz' }).credentials).toEqual({
      kind: 'client-credentials',
      clientId: 'abc123',
      clientSecret: 'shpss_xyz',
    });
  });
});

describe('connect step', () => {
  it('shows each mistake under its field and sends nothing', async () => {
    const user = userEvent.setup();
    const sent: Credentials[] = [];
    onMessage('connect', 'extension', async ({ credentials }) => {
      sent.push(credentials);
      return ok(report);
    });
    renderConnect(false);
    await user.click(screen.getByRole('button', { name: 'Connect and test' }));
    const token = screen.getByLabelText('Access token');
    expect(isInvalid(token)).toBe(true);
    expect(description(token)).toContain('Paste the access token.');

    await user.type(token, 'shpss_0123456789abcdef');
    expect(description(token)).toContain("This is an app's client secret, not an access token.");

    await user.click(screen.getByRole('radio', { name: /Dev Dashboard app/ }));
    await user.click(screen.getByRole('button', { name: 'Connect and test' }));
    expect(description(screen.getByLabelText('Client ID'))).toContain('Paste the client ID.');
    expect(description(screen.getByLabelText('Client secret'))).toContain('Paste the client secret.');
    expect(sent).toEqual([]);
  });

  it("shows the background's refusal in the merchant's words", async () => {
    const user = userEvent.setup();
    onMessage('connect', 'extension', async () => fail('token_invalid', 'Shopify did not accept this token.'));
    renderConnect(false);
    await user.type(screen.getByLabelText('Access token'), 'shpat_0123456789abcdef');
    await user.click(screen.getByRole('button', { name: 'Connect and test' }));
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toContain('Not connected');
    // The sentence comes from the catalogue (err_token_invalid), not from the English fallback.
    expect(t('en', 'err_token_invalid')).not.toBe('err_token_invalid');
    expect(text(alert)).toContain(t('en', 'err_token_invalid'));
  });

  it('connects, then names the shop, the plan and each missing scope', async () => {
    const user = userEvent.setup();
    let connectedTo: string | null = null;
    onMessage('connect', 'extension', async ({ store: s, credentials }) => {
      connectedTo = `${s.handle}:${credentials.kind}`;
      return ok(report);
    });
    onMessage('testConnection', 'extension', async () => ok(report));
    const changes: boolean[] = [];
    const view = renderConnect(false, (c) => changes.push(c));
    await user.type(screen.getByLabelText('Access token'), 'shpat_0123456789abcdef');
    await user.click(screen.getByRole('button', { name: 'Connect and test' }));
    expect(connectedTo).toBe('demo-store:admin-token');
    expect(changes).toEqual([true]);
    view.rerender(
      <ConnectViewIn connected />,
    );
    expect(text(await screen.findByTestId('shop-name'))).toBe('Demo Store');
    expect(text(document.body)).toContain('Basic');
    expect(text(document.body)).toContain('2 permissions missing');
    expect(screen.getByText('read_customers')).toBeTruthy();
    expect(screen.getByText('write_customers')).toBeTruthy();
  });

  it('disconnects only after confirmation', async () => {
    const user = userEvent.setup();
    const disconnected: string[] = [];
    onMessage('testConnection', 'extension', async () => ok({ ...report, missingScopes: [] }));
    onMessage('disconnect', 'extension', async ({ store: s }) => {
      disconnected.push(s.handle);
      return ok(undefined);
    });
    const changes: boolean[] = [];
    renderConnect(true, (c) => changes.push(c));
    await screen.findByText('All needed permissions are granted.');
    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(disconnected).toEqual([]);
    expect(text(document.body)).toContain('The saved token or secret is deleted from this browser.');
    await user.click(screen.getAllByRole('button', { name: 'Disconnect' })[0]!);
    expect(disconnected).toEqual(['demo-store']);
    expect(changes).toEqual([false]);
  });
});

function ConnectViewIn(props: { connected: boolean }) {
  return (
    <LocaleProvider locale="en">
      <ConnectView store={store} connected={props.connected} onConnectedChange={() => {}} />
    </LocaleProvider>
  );
}
