/**
 * One Admin GraphQL client per store, over @shopify/admin-api-client, behind the store's request queue.
 *
 * The library builds the URL (`https://{handle}.myshopify.com/admin/api/{version}/graphql.json`), the
 * headers and the body, and reports HTTP/GraphQL failures in `response.errors` (it does not throw). It
 * retries nothing here (`retries: 0`): its own retry covers only 429/500/503 and sleeps `Retry-After`
 * as milliseconds, while THROTTLED arrives as HTTP 200 — so pacing and retries are ours (queue.ts, below).
 *
 * The Admin client refuses to run where `window` exists ("should not be used in the browser"): fine in
 * Chrome's MV3 service worker, but Firefox runs the background as a page. There the same request goes
 * through @shopify/graphql-client (the layer the Admin client is built on) with the same URL and headers.
 */
import { createAdminApiClient } from '@shopify/admin-api-client';
import { createGraphQLClient } from '@shopify/graphql-client';
import type { Credentials } from '../messages';
import { isLoopbackOrigin, type StoreRef } from '../store-ref';
import { redactSecrets } from '../redact';
import { ADMIN_API_VERSION } from './version';
import { readQueryCost, type QueryCost } from './bucket';
import { systemClock, type Clock } from './clock';
import { ApiFailure } from './errors';
import { RequestQueue, type Priority } from './queue';
import { TokenSource, type ExchangedToken } from './auth';

export interface AdminClientConfig {
  store: StoreRef;
  credentials: Credentials;
  /** True only in sandbox builds (decided by the platform layer from `import.meta.env.MODE`). */
  sandbox?: boolean;
  fetch?: typeof fetch;
  clock?: Clock;
  cachedToken?: ExchangedToken;
  persistToken?: (token: ExchangedToken | undefined) => Promise<void>;
  /** Requests in flight at once while the bucket allows (pipelining). */
  maxInFlight?: number;
  /** Give up with `throttled_too_long` after being throttled this long in one request. */
  maxThrottleWaitMs?: number;
  /** Network errors / 5xx retried this many times before `store_unreachable` / `server_error`. */
  maxNetworkRetries?: number;
  /** An answer slower than this is treated as lost (a hung connection must not stall a job forever). */
  requestTimeoutMs?: number;
  /**
   * A mutation's answer later than `requestTimeoutMs` is awaited this much longer before the request is
   * abandoned: Shopify may still be applying it, and a re-read sent meanwhile would find the change not
   * there yet and send it a second time (seen: 158 orderUpdates for 155 orders under load).
   */
  lateAnswerMs?: number;
}

export interface RequestOptions {
  /** Mutations are never re-sent after a lost answer unless `verifyApplied` says the change is not there. */
  mutation?: boolean;
  /** Re-reads the target and says whether the mutation's effect is already in place. */
  verifyApplied?: () => Promise<boolean>;
  /** Default: the client's own (see `withPriority`). */
  priority?: Priority;
}

export interface ClientStats {
  requests: number;
  throttled: number;
  retries: number;
  /** Sum of actualQueryCost over successful answers. */
  costUsed: number;
  /** Mutation answers that came (or were given up) after `requestTimeoutMs`. */
  lateAnswers: number;
  lastCost?: QueryCost;
}

/** The one call we make of either library client. */
interface GraphqlRequester {
  request(
    operation: string,
    options: { variables: Record<string, unknown>; signal?: AbortSignal },
  ): Promise<{
    data?: unknown;
    extensions?: unknown;
    errors?: { networkStatusCode?: number; message?: string; graphQLErrors?: unknown[]; response?: Response };
  }>;
}

/** What one HTTP attempt came to. */
type Attempt =
  | { kind: 'data'; data: unknown }
  | { kind: 'throttled' }
  | { kind: 'unauthorized'; detail: string }
  | { kind: 'access_denied'; scope: string | null; detail: string }
  | { kind: 'not_found'; detail: string }
  | { kind: 'server'; status: number }
  | { kind: 'network'; detail: string }
  | { kind: 'graphql'; detail: string };

/**
 * The ways our fetch may be addressed: only the store's own Admin host, mapped to the sandbox origin if
 * any. Every request through here carries the token (or the app's client secret), so it never follows
 * a redirect — a 3xx would otherwise re-send the token header or the secret to wherever it points — and
 * never carries the browser's cookies.
 */
export function storeFetch(handle: string, target: string | undefined, baseFetch: typeof fetch): typeof fetch {
  const shopifyBase = `https://${handle}.myshopify.com`;
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== shopifyBase && !url.startsWith(`${shopifyBase}/`)) {
      return Promise.reject(new ApiFailure('internal_error', 'Refused to send a store request to another host.'));
    }
    return baseFetch(target ? target + url.slice(shopifyBase.length) : url, { ...init, redirect: 'error', credentials: 'omit' });
  };
}

export function storeUrl(handle: string): string {
  return `https://${handle}.myshopify.com`;
}

export class AdminClient {
  readonly store: StoreRef;
  readonly queue: RequestQueue;
  readonly stats: ClientStats = { requests: 0, throttled: 0, retries: 0, costUsed: 0, lateAnswers: 0 };
  readonly tokens: TokenSource;
  private readonly clock: Clock;
  private readonly fetch: typeof fetch;
  private readonly maxThrottleWaitMs: number;
  private readonly maxNetworkRetries: number;
  private readonly requestTimeoutMs: number;
  private readonly lateAnswerMs: number;
  private apiClient: { token: string; client: GraphqlRequester } | null = null;
  /** Whose requests these are: someone at the screen (card, popup) or a background job (bulk, sweep). */
  readonly priority: Priority = 'interactive';

  constructor(config: AdminClientConfig) {
    this.store = config.store;
    this.clock = config.clock ?? systemClock;
    const base = config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    // The origin override exists for the local fake API only: sandbox builds, loopback origins.
    const origin = config.sandbox && config.store.origin && isLoopbackOrigin(config.store.origin) ? config.store.origin : undefined;
    this.fetch = storeFetch(config.store.handle, origin, base);
    this.queue = new RequestQueue(this.clock, config.maxInFlight ?? 6);
    this.maxThrottleWaitMs = config.maxThrottleWaitMs ?? 60_000;
    this.maxNetworkRetries = config.maxNetworkRetries ?? 4;
    this.requestTimeoutMs = config.requestTimeoutMs ?? 30_000;
    this.lateAnswerMs = config.lateAnswerMs ?? 90_000;
    this.tokens = new TokenSource({
      credentials: config.credentials,
      storeUrl: storeUrl(config.store.handle),
      fetch: this.fetch,
      clock: this.clock,
      cached: config.cachedToken,
      persist: config.persistToken,
    });
  }

  /**
   * The same client (same queue, bucket, token and stats) sending at another priority: code that takes
   * an AdminClient (lib/shopify/email-change, lib/bulk/shopify-port) runs unchanged as a background job.
   */
  withPriority(priority: Priority): AdminClient {
    if (priority === this.priority) return this;
    const view = Object.create(this) as AdminClient;
    Object.defineProperty(view, 'priority', { value: priority });
    return view;
  }

  /**
   * Sends one GraphQL document through the queue and returns `data`, retrying what is safe to retry.
   * Returns null only for a mutation whose answer was lost and `verifyApplied` found the change in place.
   */
  async request<T>(document: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T | null> {
    const key = costKey(document, variables);
    const started = this.clock.now();
    let failures = 0;
    let renewed = false;
    let throttles = 0;
    for (;;) {
      const token = await this.tokens.token();
      const attempt = await this.queue.run(key, () => this.attempt(token, document, variables, !!options.mutation), {
        front: failures + throttles > 0,
        priority: options.priority ?? this.priority,
      });
      switch (attempt.kind) {
        case 'data':
          return attempt.data as T;
        case 'throttled': {
          this.stats.throttled++;
          throttles++;
          if (this.clock.now() - started > this.maxThrottleWaitMs) {
            throw new ApiFailure('throttled_too_long', 'Shopify kept asking us to slow down; try again in a minute.');
          }
          // The queue already waits for the points the bucket reports; jitter spreads concurrent retries.
          await this.clock.sleep(backoff(throttles - 1, this.clock, 250, 4000));
          this.stats.retries++;
          continue;
        }
        case 'unauthorized':
          if (!renewed && this.tokens.invalidate(token)) {
            renewed = true;
            this.stats.retries++;
            continue;
          }
          if (/expired/i.test(attempt.detail)) throw new ApiFailure('token_expired', 'The access token has expired.');
          throw new ApiFailure('token_invalid', 'The store did not accept the access token.');
        case 'access_denied':
          throw new ApiFailure(
            'scope_missing',
            attempt.scope ? `The app lacks the "${attempt.scope}" access scope.` : `Access denied: ${attempt.detail}`,
            { scope: attempt.scope ?? 'unknown' },
          );
        case 'not_found':
          throw new ApiFailure('store_unreachable', `No Shopify store answers at ${this.store.handle}.myshopify.com.`, { store: this.store.handle });
        case 'graphql':
          throw new ApiFailure('api_error', `Shopify answered with an error: ${redactSecrets(attempt.detail, token)}`, {
            message: redactSecrets(attempt.detail, token),
          });
        case 'server':
        case 'network': {
          failures++;
          if (options.mutation) {
            // The mutation may have been applied before the answer was lost: look before sending it again.
            if (!options.verifyApplied) throw lostFailure(attempt);
            if (await options.verifyApplied()) return null;
          }
          if (failures > this.maxNetworkRetries) throw lostFailure(attempt);
          this.stats.retries++;
          await this.clock.sleep(backoff(failures - 1, this.clock, 500, 8000));
          continue;
        }
      }
    }
  }

  private client(token: string): GraphqlRequester {
    if (this.apiClient?.token === token) return this.apiClient.client;
    // The library logs request params (headers with the token) and version warnings: keep all of it out.
    const logger = () => {};
    let client: GraphqlRequester;
    try {
      if (typeof window === 'undefined') {
        client = createAdminApiClient({
          storeDomain: `${this.store.handle}.myshopify.com`,
          apiVersion: ADMIN_API_VERSION,
          accessToken: token,
          retries: 0,
          customFetchApi: this.fetch,
          logger,
        });
      } else {
        client = createGraphQLClient({
          url: `${storeUrl(this.store.handle)}/admin/api/${ADMIN_API_VERSION}/graphql.json`,
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Shopify-Access-Token': token },
          retries: 0,
          customFetchApi: this.fetch,
          logger,
        });
      }
    } catch (error) {
      throw new ApiFailure('internal_error', redactSecrets(error instanceof Error ? error.message : String(error), token));
    }
    this.apiClient = { token, client };
    return client;
  }

  private async attempt(token: string, document: string, variables: Record<string, unknown>, mutation: boolean): Promise<{ value: Attempt; cost?: QueryCost }> {
    this.stats.requests++;
    // A query that hangs is abandoned and sent again. A mutation is not abandoned at the first timeout:
    // Shopify may be applying it right now, and only its answer (or the server closing the connection)
    // ends that doubt — a re-read at this moment could see "not there yet" and send it twice. So its
    // answer is awaited a while longer; what is lost after that is verified before any re-send.
    const controller = new AbortController();
    let timer = setTimeout(() => {
      if (mutation) {
        this.stats.lateAnswers++;
        timer = setTimeout(() => controller.abort(), this.lateAnswerMs);
      } else controller.abort();
    }, this.requestTimeoutMs);
    let response: Awaited<ReturnType<GraphqlRequester['request']>>;
    try {
      response = await this.client(token).request(document, { variables, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
    const cost = readQueryCost(response.extensions);
    if (cost) this.stats.lastCost = cost;
    const errors = response.errors;
    if (!errors) {
      if (cost?.actualQueryCost) this.stats.costUsed += cost.actualQueryCost;
      return { value: { kind: 'data', data: response.data }, cost };
    }
    const status = errors.networkStatusCode;
    const graphQLErrors = (errors.graphQLErrors ?? []) as Array<{ message?: string; extensions?: { code?: string; requiredAccess?: string } }>;
    if (status === undefined && graphQLErrors.length === 0) {
      return { value: { kind: 'network', detail: redactSecrets(errors.message ?? 'network error', token) } };
    }
    if (status === 429 || graphQLErrors.some((e) => e.extensions?.code === 'THROTTLED')) {
      // 429 bodies are not parsed by the library; read the bucket from it ourselves.
      const throttledCost = cost ?? (await readBodyCost(errors.response));
      return { value: { kind: 'throttled' }, cost: throttledCost };
    }
    if (status === 401) return { value: { kind: 'unauthorized', detail: await readBodyText(errors.response) } };
    if (status === 403 || graphQLErrors.some((e) => e.extensions?.code === 'ACCESS_DENIED')) {
      const detail = graphQLErrors.map((e) => e.message ?? '').join(' ') || (await readBodyText(errors.response));
      return { value: { kind: 'access_denied', scope: scopeFrom(detail, graphQLErrors), detail }, cost };
    }
    if (status === 404) return { value: { kind: 'not_found', detail: errors.message ?? '' } };
    if (status !== undefined && status >= 500) return { value: { kind: 'server', status } };
    if (status !== undefined && status !== 200) return { value: { kind: 'graphql', detail: `HTTP ${status}` } };
    if (cost?.actualQueryCost) this.stats.costUsed += cost.actualQueryCost;
    return { value: { kind: 'graphql', detail: graphQLErrors.map((e) => e.message ?? '').join('; ') || (errors.message ?? '') }, cost };
  }
}

/** Documents differ in cost by their page size; other variables hardly matter. */
function costKey(document: string, variables: Record<string, unknown>): string {
  const first = variables.first ?? variables.pageSize;
  return first === undefined ? document : `${document}\u0000${JSON.stringify(first)}`;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so concurrent retries spread out. */
export function backoff(attempt: number, clock: Clock, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return ceiling / 2 + (clock.random() * ceiling) / 2;
}

function lostFailure(attempt: Attempt): ApiFailure {
  if (attempt.kind === 'server') return new ApiFailure('server_error', `Shopify answered HTTP ${attempt.status} repeatedly.`, { status: String(attempt.status) });
  return new ApiFailure('store_unreachable', 'The store could not be reached (network error).');
}

function scopeFrom(detail: string, errors: Array<{ extensions?: { requiredAccess?: string } }>): string | null {
  const texts = [detail, ...errors.map((e) => e.extensions?.requiredAccess ?? '')].join(' ');
  const match = /\b((?:read|write)_[a-z_]+)\b/.exec(texts);
  return match ? match[1]! : null;
}

async function readBodyText(response: Response | undefined): Promise<string> {
  if (!response) return '';
  try {
    return (await response.clone().text()).slice(0, 500);
  } catch {
    return '';
  }
}

async function readBodyCost(response: Response | undefined): Promise<QueryCost | undefined> {
  const text = await readBodyText(response);
  try {
    return readQueryCost((JSON.parse(text) as { extensions?: unknown }).extensions);
  } catch {
    return undefined;
  }
}
