/**
 * The fake Admin API for `npm run bench:bulk`, in its own process (forked by test/bench/bulk.ts) so the
 * bench's heap is the bulk engine's, not the fake store's. Real clock, Standard plan unless told.
 */
import { startFakeAdminApi } from '../fake-admin-api/index';

const options = JSON.parse(process.argv[2] ?? '{}') as { orders: number; plan?: 'standard' | 'advanced' | 'plus' | 'enterprise' };
const api = await startFakeAdminApi({ orders: options.orders, plan: options.plan ?? 'standard', seed: 42 });
process.send?.({ origin: api.origin, token: api.token, shop: api.shop });
process.on('disconnect', () => void api.close().finally(() => process.exit(0)));
