import { useEffect, useState } from 'react';
import { Banner, BlockStack, Button, Card, Page, Spinner, Text } from '@/components';
import { getCredentials } from '@/lib/platform/credentials';
import { listConfiguredStores } from '@/lib/platform/settings-storage';
import type { StoreRef } from '@/lib/store-ref';
import { useT } from '../i18n';
import { adminHomeUrl } from '../target';
import { Brand } from './Brand';

interface Row {
  store: StoreRef;
  connected: boolean;
}

/** Off the admin: say so, and list the stores set up so far (each can be opened or configured). */
export function StoresView(props: { onPick: (store: StoreRef) => void; sandbox: boolean }) {
  const t = useT();
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    void (async () => {
      const handles = await listConfiguredStores();
      const found: Row[] = [];
      for (const handle of handles) {
        const saved = await getCredentials(handle);
        const store: StoreRef = props.sandbox && saved?.origin ? { handle, origin: saved.origin } : { handle };
        found.push({ store, connected: saved !== null });
      }
      setRows(found);
    })();
  }, [props.sandbox]);

  return (
    <Page title={<Brand />}>
      <Banner tone="info" title={t('popup_off_admin_title')}>
        {t('popup_off_admin_body')}
      </Banner>
      <Card title={t('popup_stores_title')} id="stores">
        {rows === null ? (
          <Spinner label={t('popup_loading')} />
        ) : rows.length === 0 ? (
          <Text tone="secondary">{t('popup_stores_none')}</Text>
        ) : (
          <ul className="pmg-stores">
            {rows.map(({ store, connected }) => (
              <li key={store.handle}>
                <BlockStack gap={100}>
                  <Text strong>{`${store.handle}.myshopify.com`}</Text>
                  <Text tone={connected ? 'success' : 'secondary'} small>
                    {connected ? t('popup_stores_connected') : t('popup_stores_not_connected')}
                  </Text>
                </BlockStack>
                <span className="pmg-inline pmg-gap-200">
                  <Button slim url={adminHomeUrl(store)} target="_blank" ariaLabel={t('popup_stores_open_admin_of', { store: store.handle })}>
                    {t('popup_stores_open_admin')}
                  </Button>
                  <Button slim variant="plain" onClick={() => props.onPick(store)} ariaLabel={t('popup_stores_settings_of', { store: store.handle })}>
                    {t('popup_stores_settings')}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Page>
  );
}
