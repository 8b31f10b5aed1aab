import { useEffect, useState } from 'react';
import { Badge, Banner, BlockStack, Button, Card, Facts, Spinner, Text } from '@/components';
import { hasOwnTexts } from '@/lib/i18n';
import type { PageStatus } from '@/lib/messages';
import { renderStatusLine } from '@/lib/status-line';
import { sendMessage } from '@/lib/messaging';
import type { AppError } from '@/lib/result';
import type { StoreRef } from '@/lib/store-ref';
import { errorText } from '../errors';
import { useT } from '../i18n';
import { adminHomeUrl } from '../target';
import { AutoProtectCard } from './AutoProtectCard';

type Load = { state: 'loading' } | { state: 'done'; status: PageStatus | null } | { state: 'error'; error: AppError };

/** "Is this page protected?" — the first thing the popup answers; then what would make it better. */
export function StatusView(props: {
  store: StoreRef;
  tabId: number | null;
  guardOn: boolean;
  connected: boolean | null;
  onGoToConnect: () => void;
  onGoToSettings: () => void;
}) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const { tabId } = props;

  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    void sendMessage('getPageStatus', { tabId }).then((result) => {
      if (!live) return;
      setLoad(result.ok ? { state: 'done', status: result.value } : { state: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [tabId]);

  return (
    <BlockStack gap={400}>
      <Card title={t('popup_status_title')} id="page-status">
        {tabId === null ? (
          <BlockStack gap={200}>
            <Text tone="secondary">{t('popup_status_no_tab')}</Text>
            <div>
              <Button url={adminHomeUrl(props.store)} target="_blank">
                {t('popup_status_open_admin')}
              </Button>
            </div>
          </BlockStack>
        ) : load.state === 'loading' ? (
          <Spinner label={t('popup_loading')} />
        ) : load.state === 'error' ? (
          <Banner tone="critical" title={t('popup_status_error_title')}>
            {errorText(t, load.error)}
          </Banner>
        ) : (
          <StatusBody status={load.status} />
        )}
      </Card>
      {props.connected ? <AutoProtectCard store={props.store} connected={props.connected} /> : null}
      {!props.guardOn ? (
        <Banner
          tone="warning"
          title={t('popup_status_guard_off_title')}
          action={
            <Button slim onClick={props.onGoToSettings}>
              {t('popup_status_guard_off_action')}
            </Button>
          }
        >
          {t('popup_status_guard_off_body')}
        </Banner>
      ) : null}
      {props.connected === false ? (
        <Banner
          tone="info"
          title={t('popup_status_not_connected_title')}
          action={
            <Button variant="primary" slim onClick={props.onGoToConnect}>
              {t('popup_status_connect_action')}
            </Button>
          }
        >
          {t('popup_status_not_connected_body')}
        </Banner>
      ) : null}
    </BlockStack>
  );
}

function StatusBody({ status }: { status: PageStatus | null }) {
  const t = useT();
  if (!status) {
    return <Text tone="secondary">{t('popup_status_no_report')}</Text>;
  }
  if (status.inactive) {
    return (
      <Banner tone="warning" title={t('popup_status_inactive_title')}>
        {t('popup_status_inactive_body')}
      </Banner>
    );
  }
  // Another admin language: the guard still works from the page's structure, in English.
  const otherLanguage = status.adminLang && !hasOwnTexts(status.adminLang) ? status.adminLang : null;
  return (
    <BlockStack gap={300}>
      {otherLanguage && (
        <Text tone="secondary" id="status-lang-unsupported">
          {t('popup_status_lang_unsupported', { lang: otherLanguage })}
        </Text>
      )}
      {status.orderId === null ? (
        <Text tone="secondary">{t('popup_status_no_order')}</Text>
      ) : status.flagged ? (
        <BlockStack gap={200}>
          <div>
            <Badge tone="warning" progress="incomplete">
              {t('popup_status_flagged_badge', { marketplace: status.flagged.label })}
            </Badge>
          </div>
          <Text>{t('popup_status_flagged_body', { marketplace: status.flagged.label })}</Text>
          <Text tone="secondary">{t('popup_status_flagged_fix')}</Text>
          <Facts
            items={[
              { term: t('popup_status_marketplace'), value: status.flagged.label },
              { term: t('popup_status_found_by'), value: t(`popup_status_via_${status.flagged.via}`) },
            ]}
          />
        </BlockStack>
      ) : (
        <BlockStack gap={200}>
          <div>
            <Badge tone="success" progress="complete">
              {t('popup_status_clear_badge')}
            </Badge>
          </div>
          <Text>{t('popup_status_clear_body')}</Text>
        </BlockStack>
      )}
      <BlockStack gap={100}>
        <Text strong>{t('popup_status_actions_title')}</Text>
        {status.actions.length ? (
          <BlockStack as="ul" gap={100} className="pmg-popup-list">
            {status.actions.map((line, i) => (
              <li key={i}>{renderStatusLine(t, line)}</li>
            ))}
          </BlockStack>
        ) : (
          <Text tone="secondary">{t('popup_status_actions_none')}</Text>
        )}
      </BlockStack>
    </BlockStack>
  );
}
