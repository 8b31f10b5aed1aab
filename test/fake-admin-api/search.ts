import type { OrderRecord, OrderSummary } from './model.ts';

/**
 * Shopify's search syntax, the subset the orders query needs: implicit AND, OR, NOT / leading `-`,
 * parentheses, `field:value`, `field:>=value` comparisons, quoted values, trailing `*` prefix match.
 * A leading wildcard (`email:*@marketplace.amazon.com`) is undocumented: the `leadingWildcard`
 * switch decides whether it works or is silently ignored (matches everything).
 */
export type LeadingWildcard = 'works' | 'ignored';

export interface SearchContext {
  leadingWildcard: LeadingWildcard;
  now: number;
}

export interface SearchWarning {
  field: string;
  message: string;
}

type Node =
  | { type: 'and' | 'or'; children: Node[] }
  | { type: 'not'; child: Node }
  | { type: 'term'; field: string | null; op: Op; value: string };

type Op = ':' | '>' | '>=' | '<' | '<=';

export interface CompiledSearch {
  matches(order: OrderSummary): boolean;
  warnings: SearchWarning[];
}

const KNOWN_FIELDS = new Set([
  'email', 'source_name', 'channel', 'sales_channel', 'tag', 'tag_not', 'created_at', 'updated_at', 'processed_at',
  'fulfillment_status', 'status', 'financial_status', 'id', 'name', 'customer_id',
]);

function tokenize(q: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] as string;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')') { tokens.push(c); i++; continue; }
    let tok = '';
    while (i < q.length && !/\s/.test(q[i] as string) && q[i] !== '(' && q[i] !== ')') {
      const ch = q[i] as string;
      if (ch === '"' || ch === "'") {
        const end = q.indexOf(ch, i + 1);
        const stop = end === -1 ? q.length : end;
        tok += q.slice(i, stop + 1);
        i = stop + 1;
      } else {
        tok += ch;
        i++;
      }
    }
    tokens.push(tok);
  }
  return tokens;
}

function unquote(v: string): string {
  return v.replace(/^(["'])(.*)\1$/s, '$2').replace(/["']/g, '');
}

function parseTerm(tok: string): Node {
  const m = /^([a-z_]+):(>=|<=|>|<)?(.*)$/s.exec(tok);
  if (!m) return { type: 'term', field: null, op: ':', value: unquote(tok) };
  return { type: 'term', field: m[1] as string, op: (m[2] as Op | undefined) ?? ':', value: unquote(m[3] as string) };
}

function parse(tokens: string[]): Node {
  let pos = 0;
  const peek = () => tokens[pos];
  function orExpr(): Node {
    const children = [andExpr()];
    while (peek() === 'OR') { pos++; children.push(andExpr()); }
    return children.length === 1 ? (children[0] as Node) : { type: 'or', children };
  }
  function andExpr(): Node {
    const children: Node[] = [];
    while (pos < tokens.length && peek() !== ')' && peek() !== 'OR') {
      if (peek() === 'AND') { pos++; continue; }
      children.push(unary());
    }
    return children.length === 1 ? (children[0] as Node) : { type: 'and', children };
  }
  function unary(): Node {
    const tok = tokens[pos++] as string;
    if (tok === 'NOT') return { type: 'not', child: unary() };
    if (tok === '(') {
      const inner = orExpr();
      if (peek() === ')') pos++;
      return inner;
    }
    if (tok.startsWith('-') && tok.length > 1) return { type: 'not', child: parseTerm(tok.slice(1)) };
    return parseTerm(tok);
  }
  const root = orExpr();
  return root;
}

function globMatcher(pattern: string, leading: LeadingWildcard): ((s: string) => boolean) | null {
  const p = pattern.toLowerCase();
  if (p.startsWith('*')) {
    if (leading === 'ignored') return null; // silently ignored: the term matches everything
    const re = new RegExp(`^${p.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return (s) => re.test(s);
  }
  if (p.endsWith('*')) {
    const prefix = p.slice(0, -1);
    return (s) => s.startsWith(prefix);
  }
  return (s) => s === p;
}

/** Parses a date value as Shopify does: a full timestamp, or a day (then `:` means that whole day). */
function dateRange(value: string): [number, number] | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(start) ? null : [start, start + 86_400_000];
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : [t, t + 1000];
}

function compareDate(actual: number | null, op: Op, value: string, now: number): boolean {
  if (actual === null) return false;
  const range = value === 'now' ? [now, now + 1] : dateRange(value);
  if (!range) return true; // unparseable dates are ignored, as Shopify ignores invalid values
  const [start, end] = range as [number, number];
  switch (op) {
    case ':': return actual >= start && actual < end;
    case '>': return actual >= end;
    case '>=': return actual >= start;
    case '<': return actual < start;
    case '<=': return actual < end;
  }
}

function compareNumber(actual: number, op: Op, value: string): boolean {
  const n = Number(value.replace(/^gid:\/\/shopify\/\w+\//, ''));
  if (!Number.isFinite(n)) return true;
  switch (op) {
    case ':': return actual === n;
    case '>': return actual > n;
    case '>=': return actual >= n;
    case '<': return actual < n;
    case '<=': return actual <= n;
  }
}

const FULFILLMENT_VALUES: Record<string, string[]> = {
  shipped: ['FULFILLED'], fulfilled: ['FULFILLED'], partial: ['PARTIALLY_FULFILLED'], unshipped: ['UNFULFILLED'], unfulfilled: ['UNFULFILLED', 'PARTIALLY_FULFILLED'],
};

/** The summary search and sorting read, for an order held in full (changed or added orders). */
export function summarize(o: OrderRecord): OrderSummary {
  return {
    id: o.id, ordinal: o.ordinal, name: o.name, email: o.email, customerId: o.customerId, createdAt: o.createdAt, updatedAt: o.updatedAt,
    processedAt: o.processedAt, sourceName: o.sourceName, sourceIdentifier: o.sourceIdentifier, app: o.app, channel: o.channel, tags: o.tags,
    cancelledAt: o.cancelledAt, closedAt: o.closedAt, financialStatus: o.financialStatus, fulfillmentStatus: displayFulfillmentStatus(o),
  };
}

export function displayFulfillmentStatus(order: OrderRecord): 'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'FULFILLED' {
  let total = 0;
  let remaining = 0;
  for (const fo of order.fulfillmentOrders) {
    if (fo.status === 'CANCELLED') continue;
    for (const li of fo.lineItems) { total += li.totalQuantity; remaining += li.remainingQuantity; }
  }
  if (total === 0) return order.fulfillments.length ? 'FULFILLED' : 'UNFULFILLED';
  if (remaining === 0) return 'FULFILLED';
  return remaining < total ? 'PARTIALLY_FULFILLED' : 'UNFULFILLED';
}

function termPredicate(node: Extract<Node, { type: 'term' }>, ctx: SearchContext, warnings: SearchWarning[]): ((o: OrderSummary) => boolean) | null {
  const { field, op, value } = node;
  const v = value.toLowerCase();
  if (field === null) {
    if (!v) return null;
    const text = v.replace(/\*$/, '');
    return (o) => (o.email ?? '').toLowerCase().includes(text) || o.name.toLowerCase().includes(text) || (o.sourceIdentifier ?? '').toLowerCase() === text;
  }
  if (!KNOWN_FIELDS.has(field)) {
    warnings.push({ field, message: 'Invalid search field for this query.' });
    return null;
  }
  switch (field) {
    case 'email': {
      const m = globMatcher(v, ctx.leadingWildcard);
      return m && ((o) => o.email !== null && m(o.email.toLowerCase()));
    }
    case 'source_name': {
      const m = globMatcher(v, ctx.leadingWildcard);
      return m && ((o) => o.sourceName !== null && m(o.sourceName.toLowerCase()));
    }
    case 'channel':
    case 'sales_channel': {
      const m = globMatcher(v, ctx.leadingWildcard);
      return m && ((o) => {
        const c = o.channel;
        const names = c ? [c.handle, c.channelName, c.subChannelName, c.app.name] : [];
        if (field === 'sales_channel' && o.app) names.push(o.app.name);
        if (o.sourceName) names.push(o.sourceName);
        return names.some((n) => m(n.toLowerCase()));
      });
    }
    case 'tag':
    case 'tag_not': {
      const m = globMatcher(v, ctx.leadingWildcard);
      if (!m) return null;
      return field === 'tag' ? (o) => o.tags.some((t) => m(t.toLowerCase())) : (o) => !o.tags.some((t) => m(t.toLowerCase()));
    }
    case 'created_at':
    case 'processed_at':
      return (o) => compareDate(field === 'created_at' ? o.createdAt : o.processedAt, op, value, ctx.now);
    case 'updated_at':
      return (o) => compareDate(o.updatedAt, op, value, ctx.now);
    case 'fulfillment_status': {
      if (v === 'any') return null;
      const wanted = FULFILLMENT_VALUES[v];
      if (!wanted) { warnings.push({ field, message: `Invalid value "${value}" for this field.` }); return null; }
      return (o) => wanted.includes(o.fulfillmentStatus);
    }
    case 'status':
      switch (v) {
        case 'open': return (o) => o.closedAt === null && o.cancelledAt === null;
        case 'closed': return (o) => o.closedAt !== null;
        case 'cancelled': return (o) => o.cancelledAt !== null;
        case 'not_closed': return (o) => o.closedAt === null;
        case 'any': return null;
        default: warnings.push({ field, message: `Invalid value "${value}" for this field.` }); return null;
      }
    case 'financial_status':
      return (o) => o.financialStatus.toLowerCase() === v;
    case 'id':
      return (o) => compareNumber(o.id, op, value);
    case 'customer_id':
      return (o) => o.customerId !== null && compareNumber(o.customerId, op, value);
    case 'name': {
      const wanted = v.startsWith('#') ? v : `#${v}`;
      return (o) => o.name.toLowerCase() === wanted;
    }
  }
  return null;
}

export function compileSearch(query: string | null | undefined, ctx: SearchContext): CompiledSearch {
  const warnings: SearchWarning[] = [];
  if (!query || !query.trim()) return { matches: () => true, warnings };
  const root = parse(tokenize(query));
  const build = (node: Node): ((o: OrderSummary) => boolean) | null => {
    switch (node.type) {
      case 'term': return termPredicate(node, ctx, warnings);
      case 'not': {
        const inner = build(node.child);
        return inner && ((o) => !inner(o));
      }
      case 'and': {
        const parts = node.children.map(build).filter((p): p is (o: OrderSummary) => boolean => p !== null);
        if (parts.length === 0) return null;
        return (o) => parts.every((p) => p(o));
      }
      case 'or': {
        const parts = node.children.map(build);
        if (parts.some((p) => p === null)) return null; // an ignored branch matches everything
        return (o) => parts.every((p) => p === null) || parts.some((p) => p!(o));
      }
    }
  };
  const predicate = build(root);
  return { matches: predicate ?? (() => true), warnings };
}
