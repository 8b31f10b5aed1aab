/**
 * "Protect even when your browser is closed — Shopify Flow", shared by the popup and the dashboard:
 * the setup guide (a copy button per field, in the order Flow asks for them, help links in the
 * merchant's language) and, once the merchant said the workflow is on, whether it works. The page
 * injects how to load the status and record the setup, so this file holds no browser calls.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildFlowWorkflow } from '@/lib/flow';
import { flowGuide, type FlowGuideField } from '@/lib/flow/guide';
import type { FlowStatusView } from '@/lib/flow/health';
import type { FlowChange, FlowSetup } from '@/lib/flow/setup';
import type { Translate } from '@/lib/i18n';
import { marketplaceLabel } from '@/lib/marketplaces';
import type { AppError, Result } from '@/lib/result';
import type { StoreSettings } from '@/lib/settings';
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text } from '../index';

export interface FlowPanelProps {
  settings: StoreSettings;
  locale: string;
  t: Translate;
  loadStatus: () => Promise<Result<FlowStatusView>>;
  confirm: (on: boolean) => Promise<Result<FlowSetup | null>>;
  /** Writes text to the clipboard (navigator.clipboard in the pages; injected for tests). */
  copy?: (text: string) => Promise<void>;
}

type Load = { state: 'loading' } | { state: 'ready'; view: FlowStatusView } | { state: 'error'; error: AppError };

function errorText(t: Translate, error: AppError): string {
  const key = `err_${error.code}`;
  const text = t(key, error.params);
  return text === key ? error.message : text;
}

export function FlowPanel(props: FlowPanelProps) {
  const { t, locale, loadStatus, confirm } = props;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [showSteps, setShowSteps] = useState(false);
  const [busy, setBusy] = useState(false);
  const workflow = useMemo(() => buildFlowWorkflow(props.settings), [props.settings]);
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const refresh = useCallback(async () => {
    const result = await loadStatus();
    setLoad(result.ok ? { state: 'ready', view: result.value } : { state: 'error', error: result.error });
  }, [loadStatus]);
  useEffect(() => {
    void refresh();
  }, [refresh, props.settings]);

  const record = async (on: boolean) => {
    setBusy(true);
    const result = await confirm(on);
    setBusy(false);
    if (!result.ok) {
      setLoad({ state: 'error', error: result.error });
      return;
    }
    setShowSteps(false);
    await refresh();
  };

  const view = load.state === 'ready' ? load.view : null;
  const setup = view?.setup ?? null;
  const guide = (
    <FlowGuide t={t} locale={locale} workflow={workflow} copy={props.copy} onConfirm={() => void record(true)} busy={busy} confirmLabel={setup ? t('flow_confirm_updated') : t('flow_confirm_on')} />
  );

  return (
    <Card title={t('flow_title')} id="flow">
      <BlockStack gap={300}>
        {load.state === 'error' ? <Banner tone="critical">{errorText(t, load.error)}</Banner> : null}
        {view && !view.settingsValid ? <Banner tone="warning">{t('flow_invalid_settings')}</Banner> : null}
        {!setup ? (
          <>
            <Text tone="secondary">{t('flow_intro')}</Text>
            {showSteps ? guide : (
              <div>
                <Button onClick={() => setShowSteps(true)} disabled={view !== null && !view.settingsValid}>
                  {t('flow_setup')}
                </Button>
              </div>
            )}
          </>
        ) : (
          <>
            <InlineStack gap={200}>
              <Badge tone="success" progress="complete">
                Shopify Flow
              </Badge>
              <Text>{t('flow_status_on', { when: when(setup.confirmedAt) })}</Text>
            </InlineStack>
            <FlowHealthLines view={view!} t={t} when={when} />
            {view!.drift?.outdated ? (
              <Banner tone="warning" title={view!.drift.changes.length ? t('flow_outdated') : t('flow_outdated_rules')}>
                {view!.drift.changes.length ? <ChangeList changes={view!.drift.changes} t={t} /> : null}
              </Banner>
            ) : null}
            {view!.drift?.outdated && !showSteps ? (
              <BlockStack gap={200}>
                <FieldBlock t={t} field={{ id: 'code', label: 'flow_field_code', value: workflow.code }} copy={props.copy} />
                <div>
                  <Button variant="primary" onClick={() => void record(true)} loading={busy}>
                    {t('flow_confirm_updated')}
                  </Button>
                </div>
              </BlockStack>
            ) : null}
            {showSteps ? guide : null}
            <InlineStack gap={200}>
              <Button variant="plain" onClick={() => setShowSteps(!showSteps)}>
                {showSteps ? t('flow_hide') : t('flow_show_steps')}
              </Button>
              <Button variant="plain" onClick={() => void record(false)} disabled={busy}>
                {t('flow_confirm_off')}
              </Button>
            </InlineStack>
          </>
        )}
      </BlockStack>
    </Card>
  );
}

function FlowHealthLines(props: { view: FlowStatusView; t: Translate; when: (iso: string) => string }) {
  const { view, t, when } = props;
  if (view.healthError) {
    return <Text tone="secondary">{view.healthError.code === 'not_connected' ? t('flow_not_connected') : errorText(t, view.healthError)}</Text>;
  }
  const health = view.health;
  if (!health) return <Text tone="secondary">{t('flow_checking')}</Text>;
  return (
    <BlockStack gap={200}>
      <div data-testid="flow-last-fixed">
        <Text>{health.lastFixed ? t('flow_last_fixed', { order: health.lastFixed.order, when: when(health.lastFixed.at) }) : t('flow_none_fixed')}</Text>
      </div>
      {health.warn ? <Banner tone="critical">{t('flow_warn_unfixed', { count: health.unfixed.count, order: health.unfixed.latest ?? '' })}</Banner> : null}
      {health.oldVersionSeen && !view.drift?.outdated ? <Banner tone="warning">{t('flow_old_version_seen')}</Banner> : null}
    </BlockStack>
  );
}

function changeValue(t: Translate, change: FlowChange, value: string | null): string {
  if (value === null) return change.field.startsWith('overrides.') ? t('flow_value_default') : t('flow_value_none');
  if (change.field === 'defaultStrategy' || change.field.startsWith('overrides.')) return t(`strategy_${value}`);
  if (change.field === 'domainLocalPart') return value === 'order-id' ? t('flow_local_order_id') : t('flow_local_keep');
  return value;
}

function ChangeList(props: { changes: FlowChange[]; t: Translate }) {
  const { t } = props;
  return (
    <BlockStack gap={100}>
      <Text strong>{t('flow_what_changed')}</Text>
      <BlockStack as="ul" gap={100} className="pmg-flow-changes">
        {props.changes.map((change) => {
          const field = change.field.startsWith('overrides.')
            ? t('flow_setting_override', { marketplace: marketplaceLabel(change.field.slice('overrides.'.length)) })
            : t(`flow_setting_${change.field}`);
          return <li key={change.field}>{t('flow_change_line', { field, before: changeValue(t, change, change.before), after: changeValue(t, change, change.after) })}</li>;
        })}
      </BlockStack>
    </BlockStack>
  );
}

export function FlowGuide(props: {
  t: Translate;
  locale: string;
  workflow: ReturnType<typeof buildFlowWorkflow>;
  copy?: (text: string) => Promise<void>;
  onConfirm: () => void;
  confirmLabel: string;
  busy: boolean;
}) {
  const { t } = props;
  const steps = flowGuide(props.workflow, props.locale);
  const names = { action: '', trigger: t('flow_trigger_order_created') };
  return (
    <BlockStack gap={300} as="ol" className="pmg-flow-steps">
      {steps.map((step) => (
        <li key={step.id} data-step={step.id}>
          <BlockStack gap={200}>
            <Text>{t(step.text, { ...names, action: step.id === 'send' ? t('flow_action_send_request') : t('flow_action_run_code') })}</Text>
            {step.fields.map((field) => (
              <FieldBlock key={field.id} t={t} field={field} copy={props.copy} />
            ))}
            {step.help ? (
              <a href={step.help.url} target="_blank" rel="noopener noreferrer" className="pmg-link">
                {t('flow_help', { page: t(step.help.page) })}
              </a>
            ) : null}
            {step.id === 'turn-on' ? (
              <BlockStack gap={200}>
                <div>
                  <Button variant="primary" onClick={props.onConfirm} loading={props.busy}>
                    {props.confirmLabel}
                  </Button>
                </div>
                <Text tone="secondary">{t('flow_no_import')}</Text>
              </BlockStack>
            ) : null}
          </BlockStack>
        </li>
      ))}
    </BlockStack>
  );
}

/** The Clipboard API, else the older selection copy (pages opened without focus may refuse the first). */
async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  if (!done) throw new Error('copy refused');
}

function FieldBlock(props: { t: Translate; field: FlowGuideField; copy?: (text: string) => Promise<void> }) {
  const { t, field } = props;
  const [copied, setCopied] = useState<null | 'done' | 'failed'>(null);
  const label = t(field.label);
  const onCopy = async () => {
    try {
      await (props.copy ?? writeClipboard)(field.value);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="pmg-flow-field" data-field={field.id}>
      <InlineStack gap={200} align="between">
        <Text strong>{label}</Text>
        <Button slim onClick={() => void onCopy()} ariaLabel={copied === 'done' ? t('flow_copied') : t('flow_copy_field', { field: label })}>
          {copied === 'done' ? t('flow_copied') : t('flow_copy')}
        </Button>
      </InlineStack>
      <pre className="pmg-flow-value" tabIndex={0}>
        {field.value}
      </pre>
      {copied === 'failed' ? <Text tone="critical">{t('flow_copy_failed')}</Text> : null}
    </div>
  );
}
