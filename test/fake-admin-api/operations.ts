/**
 * Shopify's bulk operations of one kind (queries, or mutations): numbered in the order they start,
 * found by id or number; the latest one started is the shop's current one, and while it is still going
 * another is refused (OPERATION_IN_PROGRESS). Shared by ./bulk.ts and ./bulk-mutation.ts.
 */
const GOING = new Set(['CREATED', 'RUNNING', 'CANCELING']);

export class OperationRegistry<T extends { id: string; n: number; status: string }> {
  private readonly ops = new Map<string, T>();
  private latest: T | null = null;
  private counter = 0;

  current(): T | null {
    return this.latest;
  }

  byId(id: string): T | null {
    return this.ops.get(id) ?? null;
  }

  byNumber(n: number): T | null {
    for (const op of this.ops.values()) if (op.n === n) return op;
    return null;
  }

  /** The latest operation is still going. */
  protected busy(): boolean {
    return !!this.latest && GOING.has(this.latest.status);
  }

  /** The next operation's number (numbering goes on across resets, as ids do). */
  protected nextNumber(): number {
    return ++this.counter;
  }

  protected add(op: T): void {
    this.ops.set(op.id, op);
    this.latest = op;
  }

  /** Every operation still going ends CANCELED, `each` sees every one, and the shop has none any more. */
  protected clear(each?: (op: T) => void): void {
    for (const op of this.ops.values()) {
      if (GOING.has(op.status)) op.status = 'CANCELED';
      each?.(op);
    }
    this.ops.clear();
    this.latest = null;
  }
}
