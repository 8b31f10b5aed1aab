/**
 * The fake server's sense of time (token expiry, bucket refill, throttle storms, updatedAt).
 * Real time by default; `advance(ms)` jumps ahead in both modes, and a manual clock only
 * moves when told, so tests never sleep.
 */
export class FakeClock {
  private offset = 0;
  private readonly base: number | null;

  constructor(mode: 'real' | 'manual' = 'real', start = Date.now()) {
    this.base = mode === 'manual' ? start : null;
  }

  now(): number {
    return (this.base ?? Date.now()) + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  get manual(): boolean {
    return this.base !== null;
  }
}
