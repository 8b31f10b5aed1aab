/**
 * The fake Admin API for `npm run bench:api`, in its own process (forked by test/bench/api.ts) so the
 * bench measures the client's memory and CPU, not the server's. Extra routes for the bench only:
 *   GET  /__bench/info?n=N   token, shop, throttle status, the first N live relay-address order ids
 *   POST /__bench/advance?ms=M  moves the manual clock (simulated-time runs)
 */
import { FakeClock, startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api/index';

const options = JSON.parse(process.argv[2] ?? '{}') as { orders: number; manual: boolean };
const clock = new FakeClock(options.manual ? 'manual' : 'real');
let api: FakeAdminApi | null = null;

function relayIds(n: number): string[] {
  const ids: string[] = [];
  for (let i = 0; api && i < api.store.size && ids.length < n; i++) {
    const order = api.store.order(api.store.ordinalAt(i));
    if (order && order.kind === 'marketplace' && order.email) ids.push(String(order.id));
  }
  return ids;
}

api = await startFakeAdminApi({
  orders: options.orders,
  plan: 'standard',
  seed: 42,
  clock,
  extraRoutes: async (req, res, url) => {
    if (url.pathname === '/__bench/info') {
      const body = JSON.stringify({
        token: api!.token,
        shop: api!.shop,
        now: clock.now(),
        status: api!.throttleStatus(),
        ids: relayIds(Number(url.searchParams.get('n') ?? 0)),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
      return true;
    }
    if (url.pathname === '/__bench/advance' && req.method === 'POST') {
      clock.advance(Number(url.searchParams.get('ms') ?? 0));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ now: clock.now() }));
      return true;
    }
    return false;
  },
});
process.send?.({ origin: api.origin });
process.on('disconnect', () => void api?.close().finally(() => process.exit(0)));
