import type { FakeAdminApi } from './index.ts';

/** Raw GraphQL call to the fake (tests of the fake itself, sandbox helpers, benches). */
export async function gql(
  api: FakeAdminApi,
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string | null; sandbox?: boolean; version?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = opts.token === undefined ? api.token : opts.token;
  if (token) headers['X-Shopify-Access-Token'] = token;
  if (opts.sandbox) headers['X-Sandbox-Admin'] = '1';
  const res = await fetch(api.graphqlUrl(opts.version), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* HTML error pages stay text */
  }
  return { status: res.status, body, headers: res.headers };
}
