/**
 * A "background" for sweep tests against the fake Admin API: the pieces the extension's service worker
 * builds for the automatic protection (AdminClient, audit log in IndexedDB, the sweep's Shopify port,
 * the shared classifier, the sweep state it keeps in storage.local), plus `kill()`: the worker stops
 * dead, its requests in flight are cut and it writes nothing more. A new worker over the same database
 * and state is what a restarted service worker or browser gets; a worker with its own state and owner
 * is another browser of the same merchant.
 */
import { AuditLog, openGuardDb, type AuditEntry } from '../../lib/audit';
import { classifierFromSettings, settledByScalars } from '../../lib/bulk/classify';
import { shopifySweepApi } from '../../lib/auto-protect/shopify-port';
import { emptySweepState, type SweepState } from '../../lib/auto-protect/state';
import { runSweep, type SweepReport } from '../../lib/auto-protect/sweep';
import type { StoreSettings } from '../../lib/settings';
import { AdminClient } from '../../lib/shopify/client';
import type { Clock } from '../../lib/shopify/clock';
import type { FakeAdminApi } from '../fake-admin-api/index.ts';

/** storage.local of one browser: survives a worker restart, not shared with another browser. */
export class StateBox {
  state: SweepState = emptySweepState();
}

export interface AutoWorker {
  client: AdminClient;
  audit: AuditLog;
  tick(): Promise<SweepReport>;
  kill(): void;
}

export async function startAutoWorker(
  api: Pick<FakeAdminApi, 'shop' | 'origin' | 'token'>,
  opts: { dbName: string; box: StateBox; owner: string; settings: StoreSettings; clock: Clock; token?: string },
): Promise<AutoWorker> {
  let alive = true;
  const controllers = new Set<AbortController>();
  const guardedFetch: typeof fetch = async (input, init) => {
    if (!alive) throw new TypeError('Failed to fetch (worker stopped)');
    const controller = new AbortController();
    controllers.add(controller);
    try {
      return await fetch(input, { ...init, signal: controller.signal });
    } finally {
      controllers.delete(controller);
    }
  };
  const db = await openGuardDb(indexedDB, opts.dbName);
  const log = new AuditLog(db);
  const hang = <T>() => new Promise<T>(() => undefined);
  const audit = {
    add: (e: AuditEntry) => (alive ? log.add(e) : hang<void>()),
    update: (id: string, patch: Partial<AuditEntry>) => (alive ? log.update(id, patch) : hang<AuditEntry | null>()),
    forOrder: (store: string, orderId: string) => log.forOrder(store, orderId),
  };
  const client = new AdminClient({
    store: { handle: api.shop, origin: api.origin },
    credentials: { kind: 'admin-token', token: opts.token ?? api.token },
    sandbox: true,
    fetch: guardedFetch,
    clock: opts.clock,
  });
  const settings = opts.settings;
  const port = shopifySweepApi({ client, audit, settings });
  const classify = classifierFromSettings(settings);
  return {
    client,
    audit: log,
    async tick() {
      const { report } = await runSweep(opts.box.state, {
        api: port,
        classify,
        settled: (order) => settledByScalars(order, settings),
        since: settings.autoProtectSince!,
        settingsPrint: JSON.stringify(settings),
        owner: opts.owner,
        now: () => new Date(opts.clock.now()),
        save: async (state) => {
          // A dead worker writes nothing (its last save is what the next one finds).
          if (alive) opts.box.state = structuredClone(state);
        },
      });
      return report;
    },
    kill() {
      alive = false;
      for (const c of controllers) c.abort();
      db.close();
    },
  };
}
