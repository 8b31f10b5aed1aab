// CONTRACT (types fixed by issue 2; implementation to be written).
export type Strategy =
  | { kind: 'keep' }
  | { kind: 'strip' }
  | { kind: 'fixed'; email: string }
  | { kind: 'domain'; domain: string; localPart?: 'keep' | 'order-id' }
  | { kind: 'prefix'; prefix?: string };

export type RewriteResult =
  | { ok: true; email: string | null; changed: boolean }
  | { ok: false; code: string; message: string };
