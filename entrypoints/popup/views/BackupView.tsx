import { useRef, useState } from 'react';
import { Banner, BlockStack, Button, Card, InlineStack, Spinner, Text, TextField } from '@/components';
import { getStoreSettings, saveStoreSettings } from '@/lib/platform/settings-storage';
import type { AppError } from '@/lib/result';
import type { StoreRef } from '@/lib/store-ref';
import { errorText } from '../errors';
import { useT } from '../i18n';
import { checkImportFileSize, exportFileName, exportFileText, readImportFile, type ImportedFile } from '../settings-file';

type ImportState =
  | { state: 'idle' }
  | { state: 'error'; error: AppError }
  | { state: 'ready'; file: ImportedFile }
  | { state: 'saving' }
  | { state: 'done' };

/** Export this store's settings to a file, or import a file (checked first; nothing changes on error). */
export function BackupView({ store }: { store: StoreRef }) {
  const t = useT();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ImportState>({ state: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  async function download() {
    const settings = await getStoreSettings(store.handle);
    const blob = new Blob([exportFileText(settings, store.handle)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(store.handle);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function check(value: string) {
    const result = readImportFile(value);
    setStatus(result.ok ? { state: 'ready', file: result.value } : { state: 'error', error: result.error });
  }

  async function pickFile(file: File | undefined) {
    if (!file) return;
    const size = checkImportFileSize(file);
    if (!size.ok) {
      setStatus({ state: 'error', error: size.error });
      return;
    }
    const value = await file.text();
    setText(value);
    check(value);
  }

  async function apply(file: ImportedFile) {
    setStatus({ state: 'saving' });
    // The shop's domains come from Shopify at connect, not from a file: keep this store's.
    const current = await getStoreSettings(store.handle);
    const result = await saveStoreSettings(store.handle, { ...file.settings, shopDomains: current.shopDomains });
    setStatus(result.ok ? { state: 'done' } : { state: 'error', error: result.error });
    if (result.ok) setText('');
  }

  return (
    <BlockStack gap={400}>
      <Card title={t('popup_export_title')} id="export">
        <Text tone="secondary">{t('popup_export_body')}</Text>
        <div>
          <Button onClick={() => void download()}>{t('popup_export_button')}</Button>
        </div>
      </Card>
      <Card title={t('popup_import_title')} id="import">
        <Text tone="secondary">{t('popup_import_body', { store: store.handle })}</Text>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="pmg-visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => void pickFile(e.currentTarget.files?.[0])}
          data-testid="import-file"
        />
        <div>
          <Button onClick={() => fileInput.current?.click()}>{t('popup_import_choose')}</Button>
        </div>
        <TextField
          label={t('popup_import_paste')}
          multiline
          monospace
          value={text}
          onChange={(value) => {
            setText(value);
            if (value.trim()) check(value);
            else setStatus({ state: 'idle' });
          }}
          error={status.state === 'error' ? errorText(t, status.error) : undefined}
        />
        {status.state === 'ready' ? (
          <Banner tone="info" title={t('popup_import_ready')}>
            <BlockStack gap={200}>
              {status.file.fromStore && status.file.fromStore !== store.handle ? (
                <Text>{t('popup_import_other_store', { from: status.file.fromStore, store: store.handle })}</Text>
              ) : null}
              <Text>{t('popup_import_summary', { strategy: t(`strategy_${status.file.settings.defaultStrategy}`), count: Object.keys(status.file.settings.overrides).length })}</Text>
              {/* Extra relay domains flag orders: the merchant sees each one a file would add before replacing anything. */}
              <Text>
                {status.file.settings.extraDomains.length
                  ? t('popup_import_extra_domains', { domains: status.file.settings.extraDomains.join(', ') })
                  : t('popup_import_no_extra_domains')}
              </Text>
              <InlineStack>
                <Button variant="primary" onClick={() => void apply(status.file)}>
                  {t('popup_import_apply')}
                </Button>
                <Button
                  onClick={() => {
                    setText('');
                    setStatus({ state: 'idle' });
                  }}
                >
                  {t('popup_cancel')}
                </Button>
              </InlineStack>
            </BlockStack>
          </Banner>
        ) : null}
        {status.state === 'saving' ? <Spinner label={t('popup_loading')} /> : null}
        {status.state === 'done' ? <Banner tone="success">{t('popup_import_done')}</Banner> : null}
      </Card>
    </BlockStack>
  );
}
