/**
 * One request queue per store: sends in order, as soon as the bucket has the points for the next request,
 * with several requests in flight at once (pipelining keeps the bucket near empty, which is what uses
 * the whole budget). Retries are decided by the caller (lib/shopify/client.ts) and re-enter at the front.
 *
 * Two priorities share the one budget: `interactive` (the order card, the popup: someone is waiting)
 * and `background` (the bulk job, the automatic sweep). An interactive request is always sent before
 * any waiting background one, and background requests leave a small cushion of points in the bucket,
 * so a card opened during a bulk run waits for the network, not for the bucket to refill.
 */
import { CostBucket, type QueryCost } from './bucket';
import type { Clock } from './clock';

export interface Sent<T> {
  value: T;
  cost?: QueryCost;
}

export type Priority = 'interactive' | 'background';

export interface RunOptions {
  /** Retries re-enter at the front of their priority. */
  front?: boolean;
  priority?: Priority;
}

/** Points background requests leave unused for interactive ones (capped at a tenth of the bucket). */
export const INTERACTIVE_RESERVE = 60;

interface Task {
  key: string;
  priority: Priority;
  send: () => Promise<Sent<unknown>>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface QueueStats {
  sent: number;
  inFlight: number;
  maxInFlightSeen: number;
  waitedMs: number;
}

export class RequestQueue {
  readonly bucket: CostBucket;
  private readonly pending: Record<Priority, Task[]> = { interactive: [], background: [] };
  private inFlight = 0;
  /** Actual cost of all answers so far (to know what arrived while a request was out). */
  private answeredCost = 0;
  private timerDeadline: number | null = null;
  readonly stats: QueueStats = { sent: 0, inFlight: 0, maxInFlightSeen: 0, waitedMs: 0 };

  constructor(
    private readonly clock: Clock,
    private readonly maxInFlight = 6,
    bucket?: CostBucket,
  ) {
    this.bucket = bucket ?? new CostBucket();
  }

  get queued(): number {
    return this.pending.interactive.length + this.pending.background.length;
  }

  /** Runs `send` when the bucket allows a request of this document key (interactive first). */
  run<T>(key: string, send: () => Promise<Sent<T>>, options: RunOptions | boolean = {}): Promise<T> {
    const { front = false, priority = 'interactive' } = typeof options === 'boolean' ? { front: options } : options;
    return new Promise<T>((resolve, reject) => {
      const task: Task = { key, priority, send, resolve: resolve as (v: unknown) => void, reject };
      if (front) this.pending[priority].unshift(task);
      else this.pending[priority].push(task);
      this.pump();
    });
  }

  private reserveFor(priority: Priority): number {
    if (priority === 'interactive') return 0;
    const max = this.bucket.snapshot?.maximumAvailable ?? 0;
    return Math.min(INTERACTIVE_RESERVE, Math.floor(max / 10));
  }

  private pump(): void {
    for (;;) {
      const priority: Priority | null = this.pending.interactive.length > 0 ? 'interactive' : this.pending.background.length > 0 ? 'background' : null;
      if (!priority) return;
      // One slot beyond the pipeline stays free for someone waiting at the screen.
      if (this.inFlight >= this.maxInFlight + (priority === 'interactive' ? 1 : 0)) return;
      // Until a first answer tells us the bucket, one request at a time.
      if (!this.bucket.known && this.inFlight > 0) return;
      const task = this.pending[priority][0]!;
      const cost = this.bucket.estimate(task.key);
      const wait = this.bucket.waitFor(cost + this.reserveFor(priority), this.clock.now());
      if (wait > 0) {
        // An in-flight answer may free points sooner (refunds); it pumps again when it lands. A waiting
        // interactive request also holds back every background one behind it.
        this.arm(wait);
        return;
      }
      this.pending[priority].shift();
      this.dispatch(task, cost);
    }
  }

  /** Wakes the queue when the points should be there; a sooner deadline (after refunds) arms another timer. */
  private arm(ms: number): void {
    const deadline = this.clock.now() + ms;
    if (this.timerDeadline !== null && this.timerDeadline <= deadline) return;
    this.timerDeadline = deadline;
    this.stats.waitedMs += ms;
    void this.clock.sleep(ms).then(() => {
      if (this.timerDeadline === deadline) this.timerDeadline = null;
      this.pump();
    });
  }

  private dispatch(task: Task, cost: number): void {
    const answeredCostAtSend = this.answeredCost;
    this.inFlight++;
    this.stats.sent++;
    this.stats.inFlight = this.inFlight;
    this.stats.maxInFlightSeen = Math.max(this.stats.maxInFlightSeen, this.inFlight);
    this.bucket.reserve(cost);
    const settle = (sentCost: QueryCost | undefined) => {
      this.bucket.release(cost);
      // Answers that arrived while this one was out may be missing from its reported level.
      this.bucket.observe(task.key, sentCost, this.clock.now(), this.answeredCost - answeredCostAtSend);
      this.answeredCost += sentCost?.actualQueryCost ?? 0;
      this.inFlight--;
      this.stats.inFlight = this.inFlight;
    };
    let promise: Promise<Sent<unknown>>;
    try {
      promise = task.send();
    } catch (error) {
      promise = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    promise.then(
      (sent) => {
        settle(sent.cost);
        task.resolve(sent.value);
        this.pump();
      },
      (error) => {
        settle(undefined);
        task.reject(error);
        this.pump();
      },
    );
  }
}
