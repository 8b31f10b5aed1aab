/**
 * The access token for one store. A legacy admin token (`shpat_…`) is used as is; a Dev Dashboard app's
 * client id + secret are exchanged with the client credentials grant, and the token obtained is reused
 * until ~5 minutes before it expires (Shopify gives no refresh token), or renewed once after a 401.
 */
import type { Credentials } from '../messages';
import type { Clock } from './clock';
import { ApiFailure } from './errors';

export interface ExchangedToken {
  token: string;
  scope: string;
  expiresAt: number;
}

export const RENEW_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

export interface TokenSourceOptions {
  credentials: Credentials;
  /** `https://{handle}.myshopify.com` — the fetch given here maps it to the sandbox origin if needed. */
  storeUrl: string;
  fetch: typeof fetch;
  clock: Clock;
  /** A token exchanged earlier (kept in storage.local by the platform layer), and where to keep a new one. */
  cached?: ExchangedToken;
  persist?: (token: ExchangedToken | undefined) => Promise<void>;
}

export class TokenSource {
  private cachedToken: ExchangedToken | undefined;
  private pending: Promise<ExchangedToken> | null = null;

  constructor(private readonly options: TokenSourceOptions) {
    this.cachedToken = options.cached;
  }

  get kind(): Credentials['kind'] {
    return this.options.credentials.kind;
  }

  /** The exchanged token currently held (client credentials only), for the platform layer to keep. */
  get cached(): ExchangedToken | undefined {
    return this.cachedToken;
  }

  /** Scopes reported by the token exchange (client credentials only). */
  get exchangedScopes(): string[] | null {
    return this.cachedToken ? this.cachedToken.scope.split(',').map((s) => s.trim()).filter(Boolean) : null;
  }

  async token(): Promise<string> {
    const credentials = this.options.credentials;
    if (credentials.kind === 'admin-token') return credentials.token;
    const now = this.options.clock.now();
    if (this.cachedToken && this.cachedToken.expiresAt - RENEW_BEFORE_EXPIRY_MS > now) return this.cachedToken.token;
    return (await this.exchange()).token;
  }

  /** After a 401: forget the exchanged token. Returns false when there is nothing to renew (admin token). */
  invalidate(rejectedToken: string): boolean {
    if (this.options.credentials.kind === 'admin-token') return false;
    if (this.cachedToken?.token === rejectedToken) {
      this.cachedToken = undefined;
      void this.options.persist?.(undefined);
    }
    return true;
  }

  private exchange(): Promise<ExchangedToken> {
    // Concurrent requests share one exchange.
    this.pending ??= this.doExchange().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async doExchange(): Promise<ExchangedToken> {
    const credentials = this.options.credentials;
    if (credentials.kind !== 'client-credentials') throw new Error('unreachable');
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    });
    let response: Response;
    try {
      response = await this.options.fetch(`${this.options.storeUrl}/admin/oauth/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: body.toString(),
      });
    } catch {
      throw new ApiFailure('store_unreachable', 'The store could not be reached to obtain an access token.');
    }
    if (response.status >= 500) {
      throw new ApiFailure('store_unreachable', `The store answered ${response.status} to the token request.`);
    }
    if (!response.ok) {
      throw new ApiFailure('client_credentials_rejected', `The store refused the app's client ID or secret (HTTP ${response.status}).`);
    }
    const json = (await response.json().catch(() => null)) as { access_token?: unknown; scope?: unknown; expires_in?: unknown } | null;
    if (!json || typeof json.access_token !== 'string' || !json.access_token) {
      throw new ApiFailure('client_credentials_rejected', 'The token answer from the store had no access token.');
    }
    const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 86_399;
    const token: ExchangedToken = {
      token: json.access_token,
      scope: typeof json.scope === 'string' ? json.scope : '',
      expiresAt: this.options.clock.now() + expiresIn * 1000,
    };
    this.cachedToken = token;
    await this.options.persist?.(token);
    return token;
  }
}
