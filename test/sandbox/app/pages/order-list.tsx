/** The admin's order list: a table whose rows link to orders (client-side navigation). */
import { useEffect, useState } from 'react';
import { gql, money, numericId, ORDERS_QUERY, type SandboxOrderRow } from '../api';
import { sandboxText, type SandboxLang, type SandboxTextKey } from '../i18n';
import { Link } from '../router';
import { cx } from '../styles';

export function OrderListPage({ handle, lang }: { handle: string; lang: SandboxLang }) {
  const t = (k: SandboxTextKey) => sandboxText(lang, k);
  const [rows, setRows] = useState<SandboxOrderRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ orders: { nodes: SandboxOrderRow[] } }>(ORDERS_QUERY, { first: 100 })
      .then((d) => setRows(d.orders.nodes))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <div className={cx('Page')}>
      <div className={cx('PageHeader')}>
        <h1 className={cx('Title')}>{t('orders')}</h1>
      </div>
      <div className={cx('Card')} style={{ padding: 0, overflow: 'hidden' }}>
        {error && <div role="alert" style={{ padding: 16 }}>{error}</div>}
        {!rows && !error && <p className={cx('Muted')} style={{ padding: 16 }}>{t('loading')}</p>}
        {rows && (
          <table className={cx('Table')}>
            <thead>
              <tr>
                {(['order', 'date', 'customer', 'channel', 'total', 'paymentStatus', 'fulfillmentStatus'] as const).map((k) => (
                  <th key={k} className={cx('Th')}>{t(k)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={cx('Td')}>
                    <Link className={cx('Link')} style={{ fontWeight: 650 }} href={`/store/${handle}/orders/${numericId(row.id)}`}>{row.name}</Link>
                  </td>
                  <td className={cx('Td')}>{new Date(row.createdAt).toLocaleDateString(lang, { dateStyle: 'medium' })}</td>
                  <td className={cx('Td')}>{row.customer?.displayName ?? '—'}</td>
                  <td className={cx('Td')}>{row.sourceName ?? '—'}</td>
                  <td className={cx('Td')}>{money(row.totalPriceSet.shopMoney, lang)}</td>
                  <td className={cx('Td')}><span className={cx('Badge')}>{t('paid')}</span></td>
                  <td className={cx('Td')}>
                    <span className={cx('Badge', row.displayFulfillmentStatus === 'FULFILLED' ? 'BadgeSuccess' : 'BadgeAttention')}>
                      {row.displayFulfillmentStatus === 'FULFILLED' ? t('fulfilled') : t('unfulfilled')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
