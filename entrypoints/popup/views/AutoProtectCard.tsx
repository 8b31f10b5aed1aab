import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Badge, BlockStack, Button, Card, Checkbox, InlineStack, Spinner, Text } from '@/components';
import { autoStatusModel, type AutoProtectStatus } from '@/lib/auto-protect/status';
import { sendMessage } from '@/lib/messaging';
import type { AppError } from '@/lib/result';
import { dashboardPath, type StoreRef } from '@/lib/store-ref';
import { errorText } from '../errors';
import { useT } from '../i18n';

/** How often the open popup refreshes the status (the background checks once a minute). */
const REFRESH_MS = 5000;

/** "Protect new orders automatically": the switch, what it does, how it is doing (lib/auto-protect/status.ts). */
export function AutoProtectCard(props: { store: StoreRef; connected: boolean | null }) {
  const t = useT();
  const { store } = props;
  const [status, setStatus] = useState<AutoProtectStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [older, setOlder] = useState<number | null>(null);

  const refresh = useCallback(async () => {
    const result = await sendMessage('autoProtectStatus', { store });
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  }, [store]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // Older relay orders: what the last bulk scan of this store counted (the bulk fix's job).
  useEffect(() => {
    void sendMessage('bulkJobs', { store }).then((result) => {
      if (!result.ok) return;
      const scanned = result.value.filter((job) => job.kind === 'fix' && job.scan.finishedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (scanned) setOlder(Object.values(scanned.scan.byMarketplace).reduce((sum, m) => sum + m.relay, 0));
    });
  }, [store]);

  const toggle = async (on: boolean) => {
    setBusy(true);
    setError(null);
    const result = await sendMessage('setAutoProtect', { store, on });
    setBusy(false);
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  };

  const checkNow = async () => {
    setBusy(true);
    const result = await sendMessage('checkAutoProtectNow', { store });
    setBusy(false);
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  };

  const model = status ? autoStatusModel(status, t, new Date(), (e) => errorText(t, e)) : null;
  return (
    <Card
      title={t('auto_title')}
      id="auto-protect"
      actions={model ? <Badge tone={model.tone === 'success' ? 'success' : model.tone === 'critical' ? 'critical' : model.tone === 'warning' ? 'warning' : 'neutral'}>{model.badge}</Badge> : null}
    >
      {!status ? (
        <Spinner label={t('popup_loading')} />
      ) : (
        <BlockStack gap={300}>
          <Checkbox
            id="auto-protect-toggle"
            label={t('auto_toggle')}
            checked={status.enabled}
            disabled={busy || props.connected === false}
            helpText={t('auto_explain')}
            onChange={(on) => void toggle(on)}
          />
          {error ? <Text tone="critical">{errorText(t, error)}</Text> : null}
          <BlockStack gap={100}>
            {model!.lines.map((line, i) => (
              <Text key={i} tone={line.tone === 'critical' ? 'critical' : line.tone === 'subdued' ? 'secondary' : line.tone === 'warning' ? 'critical' : undefined}>
                <span data-auto-line={i}>{line.text}</span>
              </Text>
            ))}
          </BlockStack>
          {status.enabled ? (
            <>
              <Text tone="secondary">{t('auto_browser_note')}</Text>
              <Text>{older !== null ? t('auto_older', { count: older }) : t('auto_older_unknown')}</Text>
              <InlineStack gap={200}>
                <Button slim onClick={() => void openBulkFix(store)}>
                  {t('auto_older_open')}
                </Button>
                <Button slim disabled={busy} onClick={() => void checkNow()}>
                  {t('auto_check_now')}
                </Button>
              </InlineStack>
            </>
          ) : null}
        </BlockStack>
      )}
    </Card>
  );
}

async function openBulkFix(store: StoreRef): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(dashboardPath(store)) });
}
