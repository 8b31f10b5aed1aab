/** The bulk scan's documents validate against the pinned schema — including the bulk operation's inner query. */
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BULK_DOCUMENTS, linesOf, parseOrderNode } from '../../lib/bulk/queries';
import { adminSchema } from '../fake-admin-api/schema';

const schema = adminSchema();

describe('bulk documents', () => {
  it.each(Object.entries(BULK_DOCUMENTS))('%s validates', (_name, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });

  it('parses an order node and skips what is not an order', () => {
    expect(parseOrderNode({ id: 'gid://shopify/LineItem/1' })).toBeNull();
    expect(parseOrderNode('nonsense')).toBeNull();
    expect(
      parseOrderNode({
        id: 'gid://shopify/Order/42',
        name: '#42',
        email: 'x@marketplace.amazon.com',
        tags: ['a', 3],
        customer: { id: 'gid://shopify/Customer/7', email: null, defaultEmailAddress: { emailAddress: 'x@marketplace.amazon.com' } },
        metafield: { value: 'orig@members.ebay.com' },
        channelInformation: { channelDefinition: { channelName: 'Amazon' } },
      }),
    ).toMatchObject({ id: '42', tags: ['a'], customer: { id: '7', email: 'x@marketplace.amazon.com' }, originalEmail: 'orig@members.ebay.com', channelName: 'Amazon' });
  });

  it('splits a byte stream into lines across chunk boundaries', async () => {
    const enc = new TextEncoder();
    async function* chunks() {
      yield enc.encode('{"a":1}\n{"b":');
      yield enc.encode('2}\n\n{"c":"é');
      yield enc.encode('"}');
    }
    const out: string[] = [];
    for await (const line of linesOf(chunks())) out.push(line);
    expect(out).toEqual(['{"a":1}', '{"b":2}', '{"c":"é"}']);
  });
});
