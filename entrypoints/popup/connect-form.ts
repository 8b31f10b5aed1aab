/**
 * Checks what the merchant pasted before anything is sent: the usual mistakes (empty field, a space
 * copied along, the app's secret pasted where the token goes) get a precise sentence at once, instead
 * of a round trip that ends in "invalid token".
 */
import type { Credentials } from '@/lib/messages';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '@/lib/shopify/connection';

export type ConnectMethod = 'admin-token' | 'client-credentials';

export interface ConnectForm {
  method: ConnectMethod;
  token: string;
  clientId: string;
  clientSecret: string;
}

/** Field → catalogue key of the message to show under it. */
export type ConnectErrors = Partial<Record<'token' | 'clientId' | 'clientSecret', string>>;

export const EMPTY_CONNECT_FORM: ConnectForm = { method: 'admin-token', token: '', clientId: '', clientSecret: '' };

export function validateConnectForm(form: ConnectForm): { errors: ConnectErrors; credentials: Credentials | null } {
  const errors: ConnectErrors = {};
  if (form.method === 'admin-token') {
    const token = form.token.trim();
    if (!token) errors.token = 'popup_connect_err_token_required';
    else if (/\s/.test(token)) errors.token = 'popup_connect_err_spaces';
    else if (token.startsWith('shpss_')) errors.token = 'popup_connect_err_token_is_secret';
    else if (!/^shp(at|ca|pa)_[A-Za-z0-9]{8,}$/.test(token)) errors.token = 'popup_connect_err_token_format';
    return Object.keys(errors).length ? { errors, credentials: null } : { errors, credentials: { kind: 'admin-token', token } };
  }
  const clientId = form.clientId.trim();
  const clientSecret = form.clientSecret.trim();
  if (!clientId) errors.clientId = 'popup_connect_err_client_id_required';
  else if (/\s/.test(clientId)) errors.clientId = 'popup_connect_err_spaces';
  else if (/^shp(at|ca|pa|ss)_/.test(clientId)) errors.clientId = 'popup_connect_err_client_id_is_token';
  if (!clientSecret) errors.clientSecret = 'popup_connect_err_secret_required';
  else if (/\s/.test(clientSecret)) errors.clientSecret = 'popup_connect_err_spaces';
  else if (/^shp(at|ca|pa)_/.test(clientSecret)) errors.clientSecret = 'popup_connect_err_secret_is_token';
  return Object.keys(errors).length
    ? { errors, credentials: null }
    : { errors, credentials: { kind: 'client-credentials', clientId, clientSecret } };
}

/** The scopes to tick when creating the app: the API layer's own list, so the two never disagree. */
export const SCOPES_TO_TICK: Array<{ scope: string; optional?: boolean }> = [
  ...REQUIRED_SCOPES.map(({ scope }) => ({ scope })),
  ...OPTIONAL_SCOPES.map(({ scope }) => ({ scope, optional: true })),
];
