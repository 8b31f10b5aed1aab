import { OperationRegistry } from './operations';
import {
  execute,
  getNamedType,
  Kind,
  parse,
  validate,
  type FieldNode,
  type GraphQLObjectType,
  type OperationDefinitionNode,
} from 'graphql';
import { queryRoot } from './resolvers.ts';
import { adminSchema } from './schema.ts';
import type { RequestContext } from './state.ts';

/**
 * Bulk query operations: the query runs over all orders in the background, in chunks, and the
 * result is a JSONL file served from this server (Shopify serves a signed storage URL): one line
 * per node, nested connection nodes on their own lines with `__parentId`, as Shopify documents.
 */
export type BulkStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'CANCELING' | 'CANCELED' | 'FAILED' | 'EXPIRED';

export interface BulkOperation {
  id: string;
  n: number;
  status: BulkStatus;
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null;
  query: string;
  createdAt: number;
  completedAt: number | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  url: string | null;
  partialDataUrl: string | null;
  lines: string[];
  /** Wakes a run waiting between chunks (cancel). */
  wake?: () => void;
}

const CHUNK = 2000;

export class BulkOperations extends OperationRegistry<BulkOperation> {
  /** Milliseconds to wait between chunks (tests can make a run observable mid-way). */
  chunkDelayMs = 0;

  constructor(private readonly getContext: () => { origin: string; now: () => number }) {
    super();
  }

  reset(): void {
    this.clear((op) => op.wake?.());
  }

  /** Settles when the operation is no longer CREATED/RUNNING/CANCELING. */
  async settled(op: BulkOperation): Promise<BulkOperation> {
    while (op.status === 'CREATED' || op.status === 'RUNNING' || op.status === 'CANCELING') await new Promise((r) => setTimeout(r, 5));
    return op;
  }

  start(query: string, ctx: RequestContext): { op: BulkOperation } | { error: { field: string[] | null; message: string; code: string } } {
    if (this.busy()) {
      return { error: { field: null, message: `A bulk query operation for this app and shop is already in progress: ${this.current()!.id}.`, code: 'OPERATION_IN_PROGRESS' } };
    }
    let document;
    try {
      document = parse(query);
    } catch (e) {
      return { error: { field: ['query'], message: `Invalid bulk query: ${(e as Error).message}`, code: 'INVALID' } };
    }
    const schema = adminSchema();
    const errors = validate(schema, document);
    if (errors.length) return { error: { field: ['query'], message: `Invalid bulk query: ${errors[0]!.message}`, code: 'INVALID' } };
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation || operation.operation !== 'query') return { error: { field: ['query'], message: 'Invalid bulk query: the query must be a query operation.', code: 'INVALID' } };
    const roots = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    if (roots.length !== 1 || roots[0]!.name.value !== 'orders') {
      return { error: { field: ['query'], message: 'Invalid bulk query: Bulk queries must contain exactly one top-level connection field (this fake supports `orders`).', code: 'INVALID' } };
    }
    const n = this.nextNumber();
    const { now } = this.getContext();
    const op: BulkOperation = {
      id: `gid://shopify/BulkOperation/${1_000_000 + n}`,
      n,
      status: 'CREATED',
      errorCode: null,
      query,
      createdAt: now(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      url: null,
      partialDataUrl: null,
      lines: [],
    };
    this.add(op);
    const runCtx: RequestContext = { ...ctx, searchWarnings: [] };
    setImmediate(() => void this.run(op, document, roots[0]!, runCtx));
    return { op };
  }

  cancel(op: BulkOperation): void {
    op.status = 'CANCELING';
    op.wake?.();
  }

  private async run(op: BulkOperation, document: ReturnType<typeof parse>, root: FieldNode, ctx: RequestContext): Promise<void> {
    if (op.status !== 'CREATED') return;
    op.status = 'RUNNING';
    const schema = adminSchema();
    const rootValue = queryRoot();
    const rootType = getNamedType(schema.getQueryType()!.getFields().orders!.type) as GraphQLObjectType;
    const key = root.alias?.value ?? root.name.value;
    for (let from = 0; from < ctx.state.store.size; from += CHUNK) {
      if ((op.status as BulkStatus) !== 'RUNNING') break; // cancelled, or the server was reset
      const result = execute({ schema, document, rootValue, contextValue: { ...ctx, bulkSlice: { from, to: from + CHUNK } } }) as { data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
      if (result.errors?.length) {
        op.status = 'FAILED';
        op.errorCode = result.errors[0]!.extensions?.code === 'ACCESS_DENIED' ? 'ACCESS_DENIED' : 'INTERNAL_SERVER_ERROR';
        op.completedAt = this.getContext().now();
        return;
      }
      const connection = result.data?.[key] as { edges?: { node: Record<string, unknown> }[]; nodes?: Record<string, unknown>[] } | undefined;
      const nodes = connection?.nodes ?? connection?.edges?.map((e) => e.node) ?? [];
      for (const node of nodes) {
        op.rootObjectCount++;
        this.emit(op, node, null, rootType);
      }
      await new Promise<void>((resolve) => {
        if (!this.chunkDelayMs) return void setImmediate(resolve);
        const timer = setTimeout(resolve, this.chunkDelayMs);
        op.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      op.wake = undefined;
    }
    if ((op.status as BulkStatus) === 'CANCELED') return;
    op.completedAt = this.getContext().now();
    if ((op.status as BulkStatus) === 'CANCELING') {
      op.status = 'CANCELED';
      return;
    }
    op.fileSize = op.lines.reduce((s, l) => s + Buffer.byteLength(l) + 1, 0);
    op.url = op.objectCount ? `${this.getContext().origin}/__fake/bulk/${op.n}.jsonl` : null; // no results → no file
    op.status = 'COMPLETED';
  }

  /** One JSONL line for the node; nested connections become child lines with __parentId. */
  private emit(op: BulkOperation, node: Record<string, unknown>, parentId: string | null, _type: GraphQLObjectType): void {
    const own: Record<string, unknown> = {};
    const children: Record<string, unknown>[] = [];
    for (const [k, v] of Object.entries(node)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && ('edges' in v || 'nodes' in v)) {
        const conn = v as { edges?: { node: Record<string, unknown> }[]; nodes?: Record<string, unknown>[] };
        children.push(...(conn.nodes ?? conn.edges?.map((e) => e.node) ?? []));
      } else {
        own[k] = v;
      }
    }
    if (parentId) own.__parentId = parentId;
    op.lines.push(JSON.stringify(own));
    op.objectCount++;
    const id = typeof node.id === 'string' ? node.id : null;
    for (const child of children) this.emit(op, child, id, _type);
  }
}

