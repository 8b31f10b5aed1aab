import type { GeneratedCore } from './generator.ts';
import { derivedId, type AppRecord, type ChannelRecord, type FinancialStatus, type OrderSummary } from './model.ts';

interface Provenance {
  sourceName: string | null;
  app: AppRecord | null;
  channel: ChannelRecord | null;
  tags: string[];
}

const FINANCIAL: FinancialStatus[] = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'PENDING'];
const HAS_CUSTOMER = 1;
const FULFILLED = 2;

/**
 * Search summaries of generated orders, kept column-wise: a few typed arrays, the address strings,
 * and an index into a handful of shared provenance records. 100k orders cost ~15 MB and no
 * long-lived objects per order (which is what made a 100k store slow: GC, not generation).
 */
export class SummaryColumns {
  private readonly filled: Uint8Array;
  private readonly createdAt: Float64Array;
  private readonly updatedAt: Float64Array;
  private readonly cancelledAt: Float64Array;
  private readonly closedAt: Float64Array;
  private readonly flags: Uint8Array;
  private readonly financial: Uint8Array;
  private readonly provenanceIndex: Uint16Array;
  private readonly email: (string | null)[];
  private readonly customerEmail: (string | null)[];
  private readonly sourceIdentifier: (string | null)[];
  private readonly provenances: Provenance[] = [];
  private readonly provenanceKeys = new Map<string, number>();

  constructor(readonly size: number) {
    this.filled = new Uint8Array(size);
    this.createdAt = new Float64Array(size);
    this.updatedAt = new Float64Array(size);
    this.cancelledAt = new Float64Array(size);
    this.closedAt = new Float64Array(size);
    this.flags = new Uint8Array(size);
    this.financial = new Uint8Array(size);
    this.provenanceIndex = new Uint16Array(size);
    this.email = new Array<string | null>(size).fill(null);
    this.customerEmail = new Array<string | null>(size).fill(null);
    this.sourceIdentifier = new Array<string | null>(size).fill(null);
  }

  has(i: number): boolean {
    return this.filled[i] === 1;
  }

  set(i: number, core: GeneratedCore): void {
    const key = `${core.sourceName}|${core.app?.id ?? ''}|${core.channel ? `${core.channel.handle}|${core.channel.subChannelName}|${core.channel.channelName}` : ''}|${core.tags.join('\u0001')}`;
    let p = this.provenanceKeys.get(key);
    if (p === undefined) {
      p = this.provenances.length;
      this.provenances.push({ sourceName: core.sourceName, app: core.app, channel: core.channel, tags: Object.freeze([...core.tags]) as string[] });
      this.provenanceKeys.set(key, p);
    }
    this.provenanceIndex[i] = p;
    this.createdAt[i] = core.createdAt;
    this.updatedAt[i] = core.updatedAt;
    this.cancelledAt[i] = core.cancelledAt ?? NaN;
    this.closedAt[i] = core.closedAt ?? NaN;
    this.flags[i] = (core.customerId !== null ? HAS_CUSTOMER : 0) | (core.fulfillmentStatus === 'FULFILLED' ? FULFILLED : 0);
    this.financial[i] = FINANCIAL.indexOf(core.financialStatus);
    this.email[i] = core.email;
    this.customerEmail[i] = core.customerEmail === core.email ? core.email : core.customerEmail;
    this.sourceIdentifier[i] = core.sourceIdentifier;
    this.filled[i] = 1;
  }

  summary(i: number): OrderSummary {
    const prov = this.provenances[this.provenanceIndex[i] as number] as Provenance;
    const nan = (v: number) => (Number.isNaN(v) ? null : v);
    const flags = this.flags[i] as number;
    return {
      id: derivedId('order', i),
      ordinal: i,
      name: `#${1001 + i}`,
      email: this.email[i] as string | null,
      customerId: flags & HAS_CUSTOMER ? derivedId('customer', i) : null,
      createdAt: this.createdAt[i] as number,
      updatedAt: this.updatedAt[i] as number,
      processedAt: this.createdAt[i] as number,
      sourceName: prov.sourceName,
      sourceIdentifier: this.sourceIdentifier[i] as string | null,
      app: prov.app,
      channel: prov.channel,
      tags: prov.tags,
      cancelledAt: nan(this.cancelledAt[i] as number),
      closedAt: nan(this.closedAt[i] as number),
      financialStatus: FINANCIAL[this.financial[i] as number] as FinancialStatus,
      fulfillmentStatus: flags & FULFILLED ? 'FULFILLED' : 'UNFULFILLED',
    };
  }

  customer(i: number): { id: number; email: string | null } | null {
    return (this.flags[i] as number) & HAS_CUSTOMER ? { id: derivedId('customer', i), email: this.customerEmail[i] as string | null } : null;
  }
}
