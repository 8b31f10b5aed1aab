import { OperationRegistry } from './operations';
import { randomBytes } from 'node:crypto';
import { execute, Kind, parse, validate, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { adminSchema } from './schema.ts';
import type { BulkStatus } from './bulk.ts';
import type { RequestContext } from './state.ts';

/**
 * Staged uploads and bulk mutations, as Shopify documents them (API-FACTS "Bulk mutations"):
 * `stagedUploadsCreate` hands out a form target on the storage host, the client POSTs the JSONL there,
 * `bulkOperationRunMutation` runs the one mutation once per line through the same resolvers as single
 * calls (userErrors, metafields, outbox alike), and the result is a JSONL file on the storage host:
 * one `{"data": …, "__lineNumber": n}` line per input line.
 *
 * The storage host is a second listener (127.0.0.2 by default) so that, in the sandbox build, it is
 * really a host the extension has to be granted — as Google Cloud Storage is in production.
 */
export interface StagedTarget {
  url: string;
  resourceUrl: string | null;
  parameters: { name: string; value: string }[];
}

/** Seconds a staged upload target stays valid (Shopify's signed policy is short-lived too). */
const TARGET_LIFETIME_MS = 15 * 60_000;

export class StagedUploads {
  private readonly targets = new Map<string, { expiresAt: number }>();
  private readonly files = new Map<string, string>();
  /** Faults: the next n uploads answer 403 (refused) or 400 (policy expired). */
  refuseNext = 0;
  expireNext = 0;
  uploads = 0;

  constructor(private readonly context: () => { storageOrigin: string; now: () => number }) {}

  create(filename: string, appId: number): StagedTarget {
    const { storageOrigin, now } = this.context();
    const key = `tmp/${appId}/bulk/${randomBytes(12).toString('hex')}/${filename}`;
    this.targets.set(key, { expiresAt: now() + TARGET_LIFETIME_MS });
    return {
      url: `${storageOrigin}/__storage/staged-uploads`,
      resourceUrl: null,
      parameters: [
        { name: 'Content-Type', value: 'text/jsonl' },
        { name: 'success_action_status', value: '201' },
        { name: 'acl', value: 'private' },
        { name: 'key', value: key },
        { name: 'x-goog-date', value: new Date(now()).toISOString().replace(/[-:]|\.\d+/g, '') },
        { name: 'x-goog-credential', value: 'merchant-assets@shopify-tiers.iam.gserviceaccount.com/fake/auto/storage/goog4_request' },
        { name: 'x-goog-algorithm', value: 'GOOG4-RSA-SHA256' },
        { name: 'x-goog-signature', value: randomBytes(32).toString('hex') },
        { name: 'policy', value: Buffer.from(JSON.stringify({ key, expiration: new Date(now() + TARGET_LIFETIME_MS).toISOString() })).toString('base64') },
      ],
    };
  }

  /** The upload endpoint: the form's `key` and its `file` part. Answers the HTTP status and body GCS would. */
  upload(fields: Map<string, string>, file: string | null): { status: number; body: string } {
    this.uploads++;
    const key = fields.get('key') ?? '';
    if (this.refuseNext > 0) {
      this.refuseNext--;
      return { status: 403, body: xmlError('AccessDenied', 'Access denied.') };
    }
    const target = this.targets.get(key);
    if (this.expireNext > 0 || (target && target.expiresAt <= this.context().now())) {
      if (this.expireNext > 0) this.expireNext--;
      return { status: 400, body: xmlError('ExpiredToken', 'The provided token has expired. Request signature expired.') };
    }
    if (!target) return { status: 403, body: xmlError('AccessDenied', 'Invalid policy: no such upload target.') };
    if (file === null) return { status: 400, body: xmlError('InvalidArgument', 'The form has no file.') };
    this.files.set(key, file);
    this.targets.delete(key);
    return { status: 201, body: `<?xml version='1.0' encoding='UTF-8'?><PostResponse><Bucket>shopify-staged-uploads</Bucket><Key>${key}</Key></PostResponse>` };
  }

  read(key: string): string | null {
    return this.files.get(key) ?? null;
  }

  reset(): void {
    this.targets.clear();
    this.files.clear();
    this.refuseNext = 0;
    this.expireNext = 0;
    this.uploads = 0;
  }
}

function xmlError(code: string, message: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

export interface MutationOperation {
  id: string;
  n: number;
  status: BulkStatus;
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null;
  query: string;
  stagedUploadPath: string;
  createdAt: number;
  completedAt: number | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  url: string | null;
  partialDataUrl: string | null;
  /** Result lines so far (served as the result or the partial file). */
  lines: string[];
}

export interface BulkMutationFaults {
  /** The next operation stops after this many lines with FAILED (or CANCELED), leaving a partial file. */
  stopAfter: { lines: number; status: 'FAILED' | 'CANCELED' } | null;
  /** The next operation's result file misses this many lines (spread out); half of those lines were applied. */
  missingLines: number;
  /** The next n starts answer OPERATION_IN_PROGRESS (as if another of our operations were running). */
  inProgressNext: number;
}

export type UserError = { field: string[] | null; message: string; code: string };

export class BulkMutations extends OperationRegistry<MutationOperation> {
  /** Lines per second the store's engine works through (Infinity: as fast as the fake runs). */
  linesPerSecond = Infinity;
  /** Charge each line's cost to the app's bucket (not documented either way; off by default). */
  charge = false;
  faults: BulkMutationFaults = { stopAfter: null, missingLines: 0, inProgressNext: 0 };
  /** Test hook: called after each line is applied (e.g. to kill a client mid-run). */
  onLine: ((op: MutationOperation, line: number) => void) | null = null;

  constructor(
    private readonly context: () => { storageOrigin: string; now: () => number; mutationRoot: Record<string, unknown> },
    private readonly uploads: StagedUploads,
  ) {
    super();
  }

  reset(): void {
    this.clear();
    this.linesPerSecond = Infinity;
    this.charge = false;
    this.faults = { stopAfter: null, missingLines: 0, inProgressNext: 0 };
    this.onLine = null;
  }

  start(mutation: string, stagedUploadPath: string, ctx: RequestContext): { op: MutationOperation } | { error: UserError } {
    const running = this.busy();
    if (running || this.faults.inProgressNext > 0) {
      if (!running) this.faults.inProgressNext--;
      return { error: { field: null, message: `A bulk mutation operation for this app and shop is already in progress: ${this.current()?.id ?? 'gid://shopify/BulkOperation/0'}.`, code: 'OPERATION_IN_PROGRESS' } };
    }
    let document: DocumentNode;
    try {
      document = parse(mutation);
    } catch (e) {
      return { error: { field: ['mutation'], message: `Invalid mutation: ${(e as Error).message}`, code: 'INVALID_MUTATION' } };
    }
    const errors = validate(adminSchema(), document);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const roots = operation?.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD) ?? [];
    if (errors.length || !operation || operation.operation !== 'mutation' || roots.length !== 1 || roots[0]!.name.value.startsWith('bulkOperation')) {
      return { error: { field: ['mutation'], message: `Invalid mutation: ${errors[0]?.message ?? 'exactly one mutation field is required'}`, code: 'INVALID_MUTATION' } };
    }
    const file = this.uploads.read(stagedUploadPath);
    if (file === null) return { error: { field: ['stagedUploadPath'], message: 'The JSONL file could not be found.', code: 'NO_SUCH_FILE' } };
    const n = this.nextNumber();
    const op: MutationOperation = {
      id: `gid://shopify/BulkOperation/${2_000_000 + n}`,
      n,
      status: 'CREATED',
      errorCode: null,
      query: mutation,
      stagedUploadPath,
      createdAt: this.context().now(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      url: null,
      partialDataUrl: null,
      lines: [],
    };
    this.add(op);
    const faults = this.faults;
    this.faults = { stopAfter: null, missingLines: 0, inProgressNext: faults.inProgressNext };
    setImmediate(() => void this.run(op, document, file, { ...ctx, searchWarnings: [] }, faults));
    return { op };
  }

  cancel(op: MutationOperation): void {
    op.status = 'CANCELING';
  }

  private async run(op: MutationOperation, document: DocumentNode, file: string, ctx: RequestContext, faults: BulkMutationFaults): Promise<void> {
    if (op.status !== 'CREATED') return;
    op.status = 'RUNNING';
    const schema = adminSchema();
    const inputs = file.split('\n').filter((l) => l.trim() !== '');
    const spread = faults.missingLines > 0 ? Math.max(1, Math.floor(inputs.length / faults.missingLines)) : 0;
    let missing = 0;
    const started = Date.now();
    for (let i = 0; i < inputs.length; i++) {
      if ((op.status as BulkStatus) === 'CANCELING') return this.finish(op, 'CANCELED', null);
      if ((op.status as BulkStatus) !== 'RUNNING') return; // the server was reset
      if (faults.stopAfter && i >= faults.stopAfter.lines) {
        return this.finish(op, faults.stopAfter.status, faults.stopAfter.status === 'FAILED' ? 'INTERNAL_SERVER_ERROR' : null);
      }
      let variables: Record<string, unknown>;
      try {
        variables = JSON.parse(inputs[i]!) as Record<string, unknown>;
      } catch {
        op.lines.push(JSON.stringify({ errors: [{ message: `Line ${i} is not valid JSON.` }], __lineNumber: i }));
        continue;
      }
      const lost = spread > 0 && missing < faults.missingLines && i % spread === spread - 1;
      // A lost line: half of them never ran, the other half ran but their result was not written.
      if (lost && missing++ % 2 === 0) continue;
      if (this.charge) {
        while (!ctx.state.bucket.take(10, ctx.state.clock.now())) await new Promise((r) => setTimeout(r, 50));
        ctx.state.counters.costUsed += 10;
      }
      const result = (await execute({ schema, document, rootValue: this.context().mutationRoot, contextValue: ctx, variableValues: variables })) as {
        data?: Record<string, unknown> | null;
        errors?: readonly { toJSON(): unknown }[];
      };
      op.rootObjectCount++;
      op.objectCount++;
      if (!lost) {
        const line: Record<string, unknown> = {};
        if (result.errors?.length) line.errors = result.errors.map((e) => e.toJSON());
        line.data = result.data ?? null;
        line.__lineNumber = i;
        op.lines.push(JSON.stringify(line));
      }
      this.onLine?.(op, i);
      if (Number.isFinite(this.linesPerSecond)) {
        const due = started + ((i + 1) * 1000) / this.linesPerSecond;
        const wait = due - Date.now();
        if (wait > 2) await new Promise((r) => setTimeout(r, wait));
      } else if (i % 250 === 249) await new Promise((r) => setImmediate(r));
    }
    this.finish(op, 'COMPLETED', null);
  }

  private finish(op: MutationOperation, status: BulkStatus, errorCode: MutationOperation['errorCode']): void {
    op.status = status;
    op.errorCode = errorCode;
    op.completedAt = this.context().now();
    op.fileSize = op.lines.reduce((s, l) => s + Buffer.byteLength(l) + 1, 0);
    const file = `${this.context().storageOrigin}/__storage/bulk-results/${op.n}.jsonl`;
    if (status === 'COMPLETED') op.url = op.lines.length ? file : null;
    else op.partialDataUrl = op.lines.length ? file : null;
  }

  /** The result (or partial) file of a finished operation, or null. */
  resultFile(n: number): string | null {
    const op = this.byNumber(n);
    if (!op || ['CREATED', 'RUNNING', 'CANCELING'].includes(op.status)) return null;
    return op.lines.length ? `${op.lines.join('\n')}\n` : '';
  }
}
