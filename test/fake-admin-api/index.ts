// Past 400 lines on purpose: the fake Admin API server's HTTP routes (GraphQL, OAuth, storage, control) in one place, each a short handler.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  execute,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type OperationDefinitionNode,
} from 'graphql';
import { LeakyBucket, PLAN_LIMITS, type Plan } from './bucket.ts';
import { BulkOperations } from './bulk.ts';
import { BulkMutations, StagedUploads } from './bulk-mutation.ts';
import { Connector, type ArrivalKind } from './arrivals.ts';
import { FakeClock } from './clock.ts';
import { actualCost, MAX_QUERY_COST, requestedCost, type CostInput } from './cost.ts';
import { INVALID_TOKEN_BODY, maxCostError, shopifyValidationError, throttledError } from './errors.ts';
import { Faults } from './faults.ts';
import { FakeFlow } from './flow.ts';
import { mutationRoot, queryRoot, strictRoot } from './resolvers.ts';
import { recordFulfillmentEvent, shippingEventMutations, type CarrierStatus } from './shipping-events.ts';
import { adminSchema } from './schema.ts';
import { ALL_SCOPES, emptyCounters, type ApiState, type Counters, type OutboxEntry, type RequestContext, type Switches } from './state.ts';
import { Store } from './store.ts';
import type { AppRecord, OrderRecord } from './model.ts';

export { DEMO_ORDERS, DEMO_KEYS, demoOrderName, type DemoKey, type DemoOrderRef } from './fixtures.ts';
export { ALL_SCOPES, type Counters, type OutboxEntry, type Switches } from './state.ts';
export { PLAN_LIMITS, type Plan } from './bucket.ts';
export { FakeClock } from './clock.ts';
export { DEFAULT_MIX, type Arrival, type ArrivalKind, type ArrivalMix, type PlannedArrival } from './arrivals.ts';
export { adminSchema } from './schema.ts';
export { gql } from './http.ts';
export type { Store } from './store.ts';
export type { CarrierStatus } from './shipping-events.ts';
export type { FakeFlow, FlowRun, FlowWorkflowParts } from './flow.ts';

/** The store's data "today": generated orders span the two years before it (fixed, so seeds replay). */
export const DEFAULT_DATA_ANCHOR = Date.UTC(2026, 10, 1);
export const TOKEN_LIFETIME_SECONDS = 86_399;

export interface FakeAdminApiOptions {
  /** 0 or absent: a free port. */
  port?: number;
  seed?: number;
  /** Generated orders (demo orders come on top). Default 200. */
  orders?: number;
  /** Shop handle: {shop}.myshopify.com. Default 'demo-store'. */
  shop?: string;
  plan?: Plan;
  /** Extra legacy tokens; the default full-scope token (`api.token`) always exists. `app`: the app
   * the token belongs to (a connector): orders it creates carry it. */
  tokens?: { token: string; scopes: string[]; app?: AppRecord }[];
  /** Apps allowed the client credentials grant; `api.clientApp` always exists. */
  clientApps?: { clientId: string; clientSecret: string; scopes: string[] }[];
  switches?: Partial<Switches>;
  /** Tried first for every request; return true when it answered. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
  /** 'manual': time moves only with api.clock.advance() (bucket refill, token expiry). */
  clock?: 'real' | 'manual' | FakeClock;
  /** The data anchor (ms). Default 2026-11-01T00:00Z. */
  dataAnchor?: number;
  /**
   * Where staged uploads and bulk result files live (Google Cloud Storage at Shopify): a second listener
   * on this loopback address, so a browser extension must be granted it as a separate host. Default 127.0.0.2.
   */
  storageHost?: string;
}

export interface FakeFaults {
  dropNext(n?: number, opts?: { phase?: 'before' | 'after'; only?: 'any' | 'query' | 'mutation' }): void;
  fail502Next(n?: number, opts?: { only?: 'any' | 'query' | 'mutation' }): void;
  slowNext(n?: number, ms?: number, opts?: { only?: 'any' | 'query' | 'mutation' }): void;
  throttleStorm(ms: number): void;
  dropMetafieldNext(n?: number, opts?: { userError?: boolean }): void;
  clear(): void;
}

export interface FakeAdminApi {
  origin: string;
  /** Shop handle (demo-store). */
  shop: string;
  /** The GraphQL endpoint for `version`. */
  graphqlUrl(version?: string): string;
  /** A valid legacy token with all scopes. */
  token: string;
  /** A Dev Dashboard app allowed the client credentials grant (all scopes). */
  clientApp: { clientId: string; clientSecret: string; scopes: string[] };
  store: Store;
  outbox: OutboxEntry[];
  counters: Counters;
  faults: FakeFaults;
  clock: FakeClock;
  switches: Readonly<Switches>;
  setSwitches(switches: Partial<Switches>): void;
  /** Adds a legacy token with the given scopes. */
  addToken(token: string, scopes: string[]): void;
  /** The merchant uninstalls the app / rotates the token: requests with it answer 401 from now on. */
  revokeToken(token: string): void;
  /** The bucket now (after refill). */
  throttleStatus(): { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
  /** Sets how full the bucket is (tests of throttling without spending real requests). */
  setBucketLevel(points: number): void;
  /** The storage host's origin (staged uploads, bulk result files). */
  storageOrigin: string;
  /** Bulk mutations: rate, bucket charging, faults (reset by reset()). */
  bulkMutations: BulkMutations;
  /** Staged uploads: upload faults (refuseNext, expireNext). */
  stagedUploads: StagedUploads;
  /** Milliseconds between bulk chunks of 2000 orders (default 0). */
  setBulkChunkDelay(ms: number): void;
  /** A tracking event from a carrier Shopify follows itself (no app call); emails like fulfillmentEventCreate. */
  carrierEvent(fulfillmentGid: string, status: CarrierStatus): { ok: true } | { ok: false; error: string };
  /** Shopify Flow with one workflow ("Order created" trigger): `flow.install(parts)`, `flow.settled()`, `flow.runs`. */
  flow: FakeFlow;
  /** Called after each order created through `orderCreate`; returns the unsubscribe function. */
  onOrderCreated(listener: (order: OrderRecord) => void): () => void;
  /** A connector creating orders over (fake) time, and re-syncing them (test/fake-admin-api/arrivals.ts). */
  connector: Connector;
  /**
   * Resolves once no GraphQL request has been handled for ~30 ms (one held by a fault counts as handled):
   * what a client already sent has landed, so a test that follows counts only its own requests.
   */
  quiet(): Promise<void>;
  /** Back to the seeded state: data, outbox, counters, faults, bulk operations, bucket, switches. */
  reset(): void;
  close(): Promise<void>;
}

const GRAPHQL_PATH = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const BAD_GATEWAY_HTML = `<!DOCTYPE html><html><head><title>Shopify &middot; 502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>There was a problem loading this website. Please try again.</p></body></html>`;

interface TokenInfo {
  scopes: Set<string>;
  expiresAt: number | null;
  app?: AppRecord;
}

// Clients send the same few documents thousands of times (bulk tests, benches): parsing and validating
// each once keeps the fake's CPU on executing them. (Added by BULK; documents are immutable, so sharing is safe.)
const parseCache = new Map<string, DocumentNode>();
const validationCache = new WeakMap<DocumentNode, readonly GraphQLError[]>();
function parsedDocument(query: string): DocumentNode {
  let doc = parseCache.get(query);
  if (!doc) {
    doc = parse(query);
    if (parseCache.size > 500) parseCache.clear();
    parseCache.set(query, doc);
  }
  return doc;
}

export async function startFakeAdminApi(options: FakeAdminApiOptions = {}): Promise<FakeAdminApi> {
  const schema = adminSchema(); // built once per process
  const validationOf = (document: DocumentNode): readonly GraphQLError[] => {
    let errors = validationCache.get(document);
    if (!errors) validationCache.set(document, (errors = validate(schema, document)));
    return errors;
  };
  const seed = options.seed ?? 1;
  const shop = options.shop ?? 'demo-store';
  const plan = options.plan ?? 'standard';
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock(options.clock === 'manual' ? 'manual' : 'real');
  const merchantDomain = `${shop}.com`;
  const initialSwitches: Switches = { emptyEmail: 'clears', leadingWildcard: 'works', throttledStatus: 200, ...options.switches };
  const makeStore = () => new Store({ seed, count: options.orders ?? 200, anchor: options.dataAnchor ?? DEFAULT_DATA_ANCHOR, merchantDomain, clock });
  const limits = PLAN_LIMITS[plan];
  let origin = '';
  let storageOrigin = '';

  const faults = new Faults(() => clock.now());
  const state: ApiState = {
    store: makeStore(),
    shop,
    plan,
    merchantDomain,
    switches: { ...initialSwitches },
    outbox: [],
    counters: emptyCounters(),
    clock,
    bucket: new LeakyBucket(limits.maximumAvailable, limits.restoreRate, clock.now()),
    bulk: new BulkOperations(() => ({ origin: storageOrigin, now: () => state.store.now() })),
    stagedUploads: undefined as unknown as StagedUploads,
    bulkMutations: undefined as unknown as BulkMutations,
    origin: () => origin,
    appId: 8_100_000 + (seed % 100_000),
    orderCreated: [],
    faults,
  };

  const defaultToken = `shpat_${createHash('sha256').update(`${shop}:${seed}`).digest('hex').slice(0, 32)}`;
  const tokens = new Map<string, TokenInfo>();
  tokens.set(defaultToken, { scopes: new Set(ALL_SCOPES), expiresAt: null });
  for (const t of options.tokens ?? []) tokens.set(t.token, { scopes: new Set(t.scopes), expiresAt: null, ...(t.app ? { app: t.app } : {}) });
  const clientApp = { clientId: `${shop}-client-id`, clientSecret: `shpss_${createHash('sha256').update(`secret:${shop}:${seed}`).digest('hex').slice(0, 32)}`, scopes: [...ALL_SCOPES] };
  const clientApps = [clientApp, ...(options.clientApps ?? [])];

  const connector = new Connector(() => state);
  state.stagedUploads = new StagedUploads(() => ({ storageOrigin, now: () => clock.now() }));
  state.bulkMutations = new BulkMutations(() => ({ storageOrigin, now: () => state.store.now(), mutationRoot: mutationRootValue }), state.stagedUploads);
  const queryRootValue = strictRoot(queryRoot(), 'QueryRoot');
  const mutationRootValue = strictRoot({ ...mutationRoot(), ...shippingEventMutations() }, 'Mutation');
  const flow = new FakeFlow(() => state, schema, { query: queryRootValue, mutation: mutationRootValue });
  state.orderCreated.push((order) => flow.orderCreated(order));

  function costExtension(requested: number, actual: number | null) {
    return { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: state.bucket.status(clock.now()) };
  }

  function authorise(req: IncomingMessage): TokenInfo | null {
    const header = req.headers['x-shopify-access-token'];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) return null;
    const info = tokens.get(token);
    if (!info) return null;
    if (info.expiresAt !== null && clock.now() >= info.expiresAt) return null;
    return info;
  }

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, version: string): Promise<void> {
    const sandbox = req.headers['x-sandbox-admin'] === '1';
    const headers = { 'X-Shopify-API-Version': version, 'X-Request-Id': randomBytes(8).toString('hex') };
    if (!sandbox) {
      state.counters.requests++;
      state.counters.graphqlRequests++;
    }
    const auth = sandbox ? { scopes: new Set(ALL_SCOPES), expiresAt: null } : authorise(req);
    if (!auth) {
      await readBody(req).catch(() => '');
      state.counters.unauthorized++;
      json(res, 401, INVALID_TOKEN_BODY, headers);
      return;
    }
    const raw = await readBody(req);
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      json(res, 400, { errors: { query: 'Required parameter missing or invalid' } }, headers);
      return;
    }
    if (typeof body.query !== 'string' || !body.query.trim()) {
      json(res, 400, { errors: { query: 'Required parameter missing or invalid' } }, headers);
      return;
    }
    let document: DocumentNode | null = null;
    let syntaxError: GraphQLError | null = null;
    try {
      document = parsedDocument(body.query);
    } catch (e) {
      syntaxError = e as GraphQLError;
    }
    const operations = document?.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) ?? [];
    const operation = typeof body.operationName === 'string' ? operations.find((o) => o.name?.value === body.operationName) : operations.length === 1 ? operations[0] : undefined;
    const opType = operation?.operation === 'mutation' ? 'mutation' : 'query';

    let dropAfter = false;
    if (!sandbox) {
      const plan = faults.plan(opType);
      if (plan.delayMs) { state.counters.faultsInjected++; await new Promise((r) => setTimeout(r, plan.delayMs)); }
      if (plan.fail502) {
        state.counters.faultsInjected++;
        res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(BAD_GATEWAY_HTML);
        return;
      }
      if (plan.drop === 'before') { state.counters.faultsInjected++; req.socket.destroy(); return; }
      dropAfter = plan.drop === 'after';
      if (dropAfter) state.counters.faultsInjected++;
    }

    if (syntaxError || !document) {
      json(res, 200, { errors: [shopifyValidationError(syntaxError!)], extensions: { cost: costExtension(0, 0) } }, headers);
      return;
    }
    const validationErrors = validationOf(document);
    if (validationErrors.length) {
      json(res, 200, { errors: validationErrors.map(shopifyValidationError), extensions: { cost: costExtension(0, 0) } }, headers);
      return;
    }
    if (!operation) {
      json(res, 200, { errors: [{ message: operations.length ? 'An operation name is required' : 'No operations in query document', extensions: { code: 'OPERATION_NAME_REQUIRED' } }] }, headers);
      return;
    }
    const variables = (body.variables && typeof body.variables === 'object' ? body.variables : {}) as Record<string, unknown>;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const costInput: CostInput = { schema, operation, fragments, variables };
    const { cost: requested, problems } = requestedCost(costInput);
    if (problems.length) {
      json(res, 200, { errors: problems.map((p) => ({ message: p.message, path: p.path, extensions: { code: p.code } })), extensions: { cost: costExtension(requested, 0) } }, headers);
      return;
    }
    if (requested > MAX_QUERY_COST && !sandbox) {
      state.counters.maxCostExceeded++;
      json(res, 200, { errors: [maxCostError(requested, MAX_QUERY_COST)], extensions: { cost: costExtension(requested, null) } }, headers);
      return;
    }
    const now = clock.now();
    if (!sandbox && (faults.stormActive || !state.bucket.take(requested, now))) {
      state.counters.throttledResponses++;
      const cost = costExtension(requested, null);
      const waitSeconds = Math.max(1, Math.ceil((requested - cost.throttleStatus.currentlyAvailable) / cost.throttleStatus.restoreRate));
      const extra: Record<string, string> = state.switches.throttledStatus === 429 ? { 'Retry-After': String(waitSeconds) } : {};
      json(res, state.switches.throttledStatus, { errors: [throttledError()], extensions: { cost } }, { ...headers, ...extra });
      return;
    }
    const ctx: RequestContext = { state, scopes: auth.scopes, sandbox, app: auth.app ?? null, searchWarnings: [] };
    const result = await execute({
      schema,
      document,
      operationName: operation.name?.value,
      variableValues: variables,
      rootValue: operation.operation === 'mutation' ? mutationRootValue : queryRootValue,
      contextValue: ctx,
    });
    const actual = actualCost(costInput, result.data);
    if (!sandbox) {
      // Shopify refunds the difference between the requested and the actual cost.
      state.bucket.refund(Math.max(0, requested - actual), clock.now());
      state.counters.costUsed += actual;
      state.counters.costRequested += requested;
    }
    if (dropAfter) {
      req.socket.destroy(); // applied, but the answer never arrives
      return;
    }
    const extensions: Record<string, unknown> = { cost: costExtension(requested, actual) };
    if (ctx.searchWarnings.length) extensions.search = ctx.searchWarnings;
    const out: Record<string, unknown> = {};
    if (result.errors?.length) out.errors = result.errors.map((e) => e.toJSON());
    out.data = result.data ?? null;
    out.extensions = extensions;
    json(res, 200, out, headers);
  }

  async function handleAccessToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    state.counters.requests++;
    const raw = await readBody(req);
    const type = String(req.headers['content-type'] ?? '');
    let params: Record<string, string>;
    if (type.includes('application/json')) {
      try {
        params = JSON.parse(raw) as Record<string, string>;
      } catch {
        params = {};
      }
    } else {
      params = Object.fromEntries(new URLSearchParams(raw));
    }
    if (params.grant_type !== 'client_credentials') {
      json(res, 400, { error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported by the authorization server.' });
      return;
    }
    if (!params.client_id || !params.client_secret) {
      json(res, 400, { error: 'invalid_request', error_description: 'The request is missing a required parameter: client_id and client_secret.' });
      return;
    }
    const app = clientApps.find((a) => a.clientId === params.client_id && a.clientSecret === params.client_secret);
    if (!app) {
      json(res, 400, { error: 'invalid_client', error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.' });
      return;
    }
    const accessToken = `shpat_${randomBytes(16).toString('hex')}`;
    tokens.set(accessToken, { scopes: new Set(app.scopes), expiresAt: clock.now() + TOKEN_LIFETIME_SECONDS * 1000 });
    json(res, 200, { access_token: accessToken, scope: app.scopes.join(','), expires_in: TOKEN_LIFETIME_SECONDS });
  }

  async function handleFake(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (req.method === 'GET' && path === '/__fake/outbox') { json(res, 200, state.outbox); return true; }
    if (req.method === 'GET' && path === '/__fake/counters') { json(res, 200, state.counters); return true; }
    if (req.method === 'POST' && path === '/__fake/reset') { await readBody(req); api.reset(); json(res, 200, { ok: true }); return true; }
    if (req.method === 'POST' && path === '/__fake/faults') {
      const raw = await readBody(req);
      try {
        const parsed: unknown = raw ? JSON.parse(raw) : {};
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('Expected a JSON object');
        const unknown = Object.keys(parsed).filter((k) => !['dropNext', 'fail502Next', 'slowNext', 'throttleStorm', 'dropMetafieldNext', 'clear'].includes(k));
        if (unknown.length) throw new Error(`Unknown fault: ${unknown.join(', ')}`);
        faults.configure(parsed as Record<string, unknown>);
      } catch (e) {
        json(res, 400, { error: (e as Error).message });
        return true;
      }
      json(res, 200, { ok: true });
      return true;
    }
    if (req.method === 'POST' && path === '/__fake/switches') {
      const raw = await readBody(req);
      api.setSwitches(JSON.parse(raw || '{}') as Partial<Switches>);
      json(res, 200, state.switches);
      return true;
    }
    if (req.method === 'POST' && path === '/__fake/arrive') {
      // {"kind":"relay"|"etsy"|"ordinary"|"protected"} → a connector creates one order now.
      const parsed = JSON.parse((await readBody(req)) || '{}') as { kind?: string };
      const kind = (['relay', 'etsy', 'ordinary', 'protected'] as const).find((k) => k === parsed.kind);
      if (!kind) { json(res, 400, { error: 'kind must be relay, etsy, ordinary or protected' }); return true; }
      const arrival = connector.arriveNow(kind as ArrivalKind);
      json(res, 200, { id: String(arrival.order.id), name: arrival.order.name, email: arrival.order.email });
      return true;
    }
    if (req.method === 'POST' && path === '/__fake/bulk-mutation') {
      const raw = await readBody(req);
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const m = state.bulkMutations;
      if (typeof body.linesPerSecond === 'number') m.linesPerSecond = body.linesPerSecond;
      if (typeof body.charge === 'boolean') m.charge = body.charge;
      if (body.stopAfter !== undefined) m.faults.stopAfter = body.stopAfter as typeof m.faults.stopAfter;
      if (typeof body.missingLines === 'number') m.faults.missingLines = body.missingLines;
      if (typeof body.inProgressNext === 'number') m.faults.inProgressNext = body.inProgressNext;
      if (typeof body.refuseUploads === 'number') state.stagedUploads.refuseNext = body.refuseUploads;
      if (typeof body.expireUploads === 'number') state.stagedUploads.expireNext = body.expireUploads;
      json(res, 200, { ok: true });
      return true;
    }
    const bulk = /^\/__fake\/bulk\/(\d+)\.jsonl$/.exec(path);
    if (req.method === 'GET' && bulk) {
      const op = state.bulk.byNumber(Number(bulk[1]));
      if (!op || op.status !== 'COMPLETED') { json(res, 404, { errors: 'Not Found' }); return true; }
      const text = op.lines.length ? `${op.lines.join('\n')}\n` : '';
      res.writeHead(200, { 'Content-Type': 'application/jsonl', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
      return true;
    }
    return false;
  }

  /** The storage host: staged-upload form posts and bulk result files (query and mutation). */
  async function handleStorage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (req.method === 'POST' && path === '/__storage/staged-uploads') {
      const raw = await readRawBody(req);
      let fields: Map<string, string>;
      let file: string | null;
      try {
        const form = await new Request('http://storage.invalid/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type'] ?? '') }, body: raw as unknown as BodyInit }).formData();
        fields = new Map([...form.entries()].filter(([, v]) => typeof v === 'string') as [string, string][]);
        const part = form.get('file');
        file = part === null ? null : typeof part === 'string' ? part : await part.text();
      } catch {
        res.writeHead(400, { 'Content-Type': 'application/xml' });
        res.end(`<?xml version='1.0' encoding='UTF-8'?><Error><Code>InvalidArgument</Code><Message>Malformed multipart form.</Message></Error>`);
        return;
      }
      const answer = state.stagedUploads.upload(fields, file);
      res.writeHead(answer.status, { 'Content-Type': 'application/xml' });
      res.end(answer.body);
      return;
    }
    const result = /^\/__storage\/bulk-results\/(\d+)\.jsonl$/.exec(path);
    if (req.method === 'GET' && result) {
      const text = state.bulkMutations.resultFile(Number(result[1]));
      if (text === null) { json(res, 404, { errors: 'Not Found' }); return; }
      res.writeHead(200, { 'Content-Type': 'application/jsonl', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    const exported = /^\/__fake\/bulk\/(\d+)\.jsonl$/.exec(path);
    if (req.method === 'GET' && exported) {
      await handleFake(req, res, url);
      return;
    }
    json(res, 404, { errors: 'Not Found' });
  }

  const sockets = new Set<Socket>();
  let handling = 0;
  const quietWaiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1');
      try {
        if (options.extraRoutes && (await options.extraRoutes(req, res, url))) return;
        const graphql = GRAPHQL_PATH.exec(url.pathname);
        if (graphql && req.method === 'POST') {
          handling++;
          try {
            return await handleGraphql(req, res, graphql[1] as string);
          } finally {
            if (--handling === 0) for (const wake of quietWaiters.splice(0)) wake();
          }
        }
        if (url.pathname === '/admin/oauth/access_token' && req.method === 'POST') return await handleAccessToken(req, res);
        if (url.pathname.startsWith('/__fake/') && (await handleFake(req, res, url))) return;
        json(res, 404, { errors: 'Not Found' });
      } catch (e) {
        if (!res.headersSent) json(res, 500, { errors: [{ message: 'Internal error. Looks like something went wrong on our end.', extensions: { code: 'INTERNAL_SERVER_ERROR', detail: (e as Error).message } }] });
        else res.destroy();
      }
    })();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const storageServer: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', storageOrigin || 'http://127.0.0.2');
    handleStorage(req, res, url).catch((e: Error) => {
      if (!res.headersSent) json(res, 500, { errors: e.message });
      else res.destroy();
    });
  });
  storageServer.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const storageHost = options.storageHost ?? '127.0.0.2';
  await new Promise<void>((resolve, reject) => {
    storageServer.once('error', reject);
    storageServer.listen(0, storageHost, () => resolve());
  });
  storageOrigin = `http://${storageHost}:${(storageServer.address() as AddressInfo).port}`;

  const api: FakeAdminApi = {
    origin,
    shop,
    graphqlUrl: (version = '2025-01') => `${origin}/admin/api/${version}/graphql.json`,
    token: defaultToken,
    clientApp,
    get store() {
      return state.store;
    },
    get outbox() {
      return state.outbox;
    },
    get counters() {
      return state.counters;
    },
    faults,
    clock,
    flow,
    get switches() {
      return state.switches;
    },
    setSwitches(s) {
      Object.assign(state.switches, s);
    },
    revokeToken(token) {
      tokens.delete(token);
    },
    addToken(token, scopes) {
      tokens.set(token, { scopes: new Set(scopes), expiresAt: null });
    },
    throttleStatus: () => state.bucket.status(clock.now()),
    setBucketLevel(points) {
      state.bucket.drain(clock.now());
      state.bucket.refund(points, clock.now());
    },
    storageOrigin,
    get bulkMutations() {
      return state.bulkMutations;
    },
    get stagedUploads() {
      return state.stagedUploads;
    },
    setBulkChunkDelay(ms) {
      state.bulk.chunkDelayMs = ms;
    },
    carrierEvent(fulfillmentGid, status) {
      const result = recordFulfillmentEvent(state, fulfillmentGid, status);
      return 'error' in result ? { ok: false, error: result.error } : { ok: true };
    },
    onOrderCreated(listener) {
      state.orderCreated.push(listener);
      return () => {
        const at = state.orderCreated.indexOf(listener);
        if (at >= 0) state.orderCreated.splice(at, 1);
      };
    },
    connector,
    async quiet() {
      // A request still on the wire (sent, not yet read) starts being handled within a few ms: wait for
      // a short stretch with nothing handled, not just for one idle moment.
      for (let idle = 0; idle < 3; ) {
        if (handling > 0) {
          idle = 0;
          await new Promise<void>((resolve) => quietWaiters.push(resolve));
        }
        await new Promise((r) => setTimeout(r, 10));
        if (handling === 0) idle++;
      }
    },
    reset() {
      connector.reset();
      state.bulk.reset();
      state.bulkMutations.reset();
      state.stagedUploads.reset();
      state.store = makeStore();
      state.outbox.length = 0;
      state.counters = emptyCounters();
      state.switches = { ...initialSwitches };
      state.bucket.reset(clock.now());
      faults.clear();
      flow.uninstall();
      flow.runs.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        state.bulk.reset();
        state.bulkMutations.reset();
        for (const s of sockets) s.destroy();
        storageServer.close();
        server.close(() => resolve());
      }),
  };
  return api;
}
