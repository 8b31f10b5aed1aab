import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Banner, BlockStack, Button, Card, CardSection, Checkbox, cx, InlineStack, RadioGroup, Select, Spinner, Text, TextField } from '@/components';
import { MARKETPLACES } from '@/lib/marketplaces';
import { saveStoreSettings } from '@/lib/platform/settings-storage';
import type { AppError } from '@/lib/result';
import { STRATEGY_KINDS, type StrategyKind } from '@/lib/rewrite';
import type { SettingsProblem, StoreSettings } from '@/lib/settings';
import type { StoreRef } from '@/lib/store-ref';
import { errorText } from '../errors';
import { useT } from '../i18n';
import { kindsInUse, parseDomainLines, previewLines, problemsByField } from '../settings-form';
import type { LoadedSettings } from '../use-store-settings';

type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; error: AppError } | { state: 'invalid' };

export function SettingsView(props: { store: StoreRef; loaded: LoadedSettings }) {
  const t = useT();
  if (props.loaded.state === 'loading') return <Spinner label={t('popup_loading')} />;
  return <SettingsForm key={props.store.handle} store={props.store} saved={props.loaded.settings} />;
}

function SettingsForm(props: { store: StoreRef; saved: StoreSettings }) {
  const t = useT();
  const [draft, setDraft] = useState<StoreSettings>(props.saved);
  const [extraText, setExtraText] = useState(props.saved.extraDomains.join('\n'));
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const [dirty, setDirty] = useState(false);
  // "Enter your domain" waits until the merchant has been in the field or tried to save;
  // every other problem (a typo, a relay domain) shows at once.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const touch = (field: string) => setTouched((current) => (current.has(field) ? current : new Set([...current, field])));

  // After a refused save, take keyboard and screen-reader users straight to the first field to fix.
  useEffect(() => {
    if (save.state === 'invalid') formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save]);

  // Saved elsewhere (import, another window) while nothing is being edited here: show it.
  useEffect(() => {
    if (dirty) return;
    setDraft(props.saved);
    setExtraText(props.saved.extraDomains.join('\n'));
  }, [props.saved, dirty]);

  const problems = useMemo(() => problemsByField(draft), [draft]);
  const preview = useMemo(() => previewLines(draft), [draft]);
  const inUse = kindsInUse(draft);

  function update(patch: Partial<StoreSettings>) {
    setDraft((current) => ({ ...current, ...patch }));
    setDirty(true);
    setSave({ state: 'idle' });
  }

  const fieldError = (field: string) => {
    const problem = problems.get(field);
    if (!problem) return undefined;
    if (problem.code.endsWith('_missing') && !submitted && !touched.has(field)) return undefined;
    return errorText(t, problem);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.size) {
      setSave({ state: 'invalid' });
      return;
    }
    setSave({ state: 'saving' });
    const result = await saveStoreSettings(props.store.handle, draft);
    if (result.ok) {
      setDraft(result.value);
      setDirty(false);
      setSubmitted(false);
      setTouched(new Set());
      setSave({ state: 'saved' });
    } else setSave({ state: 'error', error: result.error });
  }

  const strategyOptions = STRATEGY_KINDS.map((kind) => ({
    value: kind,
    label: kind === 'strip' ? `${t('strategy_strip')} (${t('strategy_recommended')})` : t(`strategy_${kind}`),
    helpText: t(`strategy_${kind}_help`),
  }));
  const kindOptions = STRATEGY_KINDS.map((kind) => ({ value: kind, label: t(`strategy_${kind}`) }));
  const marketplaceIds = Object.keys(MARKETPLACES).sort((a, b) => (MARKETPLACES[a] ?? a).localeCompare(MARKETPLACES[b] ?? b));
  const freeMarketplaces = marketplaceIds.filter((id) => !(id in draft.overrides));
  const extraProblems = [...problems.values()].filter((p) => p.field.startsWith('extraDomains.'));

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="pmg-stack pmg-gap-400" aria-label={t('popup_settings_title')}>
      <Card title={t('popup_settings_guard_title')} id="guard">
        <Checkbox
          label={t('popup_settings_guard')}
          helpText={t('popup_settings_guard_help')}
          checked={draft.guardEnabled}
          onChange={(guardEnabled) => update({ guardEnabled })}
        />
      </Card>

      <Card title={t('popup_settings_strategy_title')} id="strategy">
        <RadioGroup
          legend={t('popup_settings_default_strategy')}
          name="defaultStrategy"
          value={draft.defaultStrategy}
          options={strategyOptions}
          onChange={(value) => update({ defaultStrategy: value as StrategyKind })}
        />
        {inUse.has('domain') ? (
          <BlockStack gap={300}>
            <TextField label={t('popup_settings_domain')} value={draft.domain} onChange={(domain) => update({ domain })} onBlur={() => touch('domain')} error={fieldError('domain')} placeholder="mystore.com" />
            <RadioGroup
              legend={t('popup_settings_local_part')}
              name="domainLocalPart"
              value={draft.domainLocalPart}
              onChange={(value) => update({ domainLocalPart: value === 'order-id' ? 'order-id' : 'keep' })}
              options={[
                { value: 'keep', label: t('popup_settings_local_keep') },
                { value: 'order-id', label: t('strategy_domain_order_id'), helpText: t('strategy_domain_order_id_help') },
              ]}
            />
          </BlockStack>
        ) : null}
        {inUse.has('fixed') ? (
          <TextField
            label={t('popup_settings_fixed')}
            type="email"
            value={draft.fixedEmail}
            onChange={(fixedEmail) => update({ fixedEmail })}
            onBlur={() => touch('fixedEmail')}
            error={fieldError('fixedEmail')}
            placeholder="orders@mystore.com"
          />
        ) : null}
        {inUse.has('prefix') ? (
          <TextField label={t('popup_settings_prefix')} monospace value={draft.prefix} onChange={(prefix) => update({ prefix })} error={fieldError('prefix')} helpText={t('popup_settings_prefix_help')} />
        ) : null}
        <Preview lines={preview} />
      </Card>

      <Card title={t('popup_settings_overrides_title')} id="overrides">
        <Text tone="secondary">{t('popup_settings_overrides_help')}</Text>
        {Object.keys(draft.overrides).length ? (
          <ul className="pmg-overrides pmg-popup-list" style={{ listStyle: 'none', padding: 0 }}>
            {Object.entries(draft.overrides).map(([id, kind]) => (
              <li key={id}>
                <InlineStack gap={200} align="between">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Select
                      label={t('popup_settings_override_for', { marketplace: MARKETPLACES[id] ?? id })}
                      value={kind}
                      options={kindOptions}
                      error={fieldError(`overrides.${id}`)}
                      onChange={(value) => update({ overrides: { ...draft.overrides, [id]: value as StrategyKind } })}
                    />
                  </div>
                  <Button
                    variant="plain"
                    ariaLabel={t('popup_settings_override_remove_of', { marketplace: MARKETPLACES[id] ?? id })}
                    onClick={() => {
                      const { [id]: _removed, ...rest } = draft.overrides;
                      update({ overrides: rest });
                    }}
                  >
                    {t('popup_settings_override_remove')}
                  </Button>
                </InlineStack>
              </li>
            ))}
          </ul>
        ) : null}
        {freeMarketplaces.length ? <AddOverride ids={freeMarketplaces} onAdd={(id) => update({ overrides: { ...draft.overrides, [id]: 'keep' } })} /> : null}
      </Card>

      <Card title={t('popup_settings_more_title')} id="more">
        <Checkbox
          label={t('popup_settings_update_customer')}
          helpText={t('popup_settings_update_customer_help')}
          checked={draft.updateCustomer}
          onChange={(updateCustomer) => update({ updateCustomer })}
        />
        <TextField
          label={t('popup_settings_extra_domains')}
          multiline
          monospace
          value={extraText}
          onChange={(value) => {
            setExtraText(value);
            update({ extraDomains: parseDomainLines(value) });
          }}
          helpText={t('popup_settings_extra_domains_help')}
          error={extraProblems.length ? extraProblems.map((p) => `${p.params?.domain ?? ''}: ${errorText(t, p)}`).join(' ') : undefined}
          placeholder="relay.example.com"
        />
      </Card>

      <SaveBar save={save} dirty={dirty} problems={problems} />
    </form>
  );
}

function AddOverride(props: { ids: string[]; onAdd: (id: string) => void }) {
  const t = useT();
  const [choice, setChoice] = useState(props.ids[0] ?? '');
  const value = props.ids.includes(choice) ? choice : (props.ids[0] ?? '');
  return (
    <InlineStack gap={200}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Select label={t('popup_settings_override_add_label')} value={value} options={props.ids.map((id) => ({ value: id, label: MARKETPLACES[id] ?? id }))} onChange={setChoice} />
      </div>
      <div style={{ alignSelf: 'flex-end' }}>
        <Button onClick={() => value && props.onAdd(value)}>{t('popup_settings_override_add')}</Button>
      </div>
    </InlineStack>
  );
}

function Preview({ lines }: { lines: ReturnType<typeof previewLines> }) {
  const t = useT();
  return (
    <CardSection subdued title={t('popup_preview_title')}>
      <div aria-live="polite" className="pmg-stack pmg-gap-200" data-testid="preview">
        {lines.map((line) => (
          <div key={line.marketplace} className="pmg-preview">
            <span className="pmg-preview__market">{MARKETPLACES[line.marketplace] ?? line.marketplace}</span>
            <span className={cx('pmg-text--mono pmg-preview__from', line.ok && line.changed && 'pmg-preview__from--replaced')}>{line.from}</span>
            <span>
              <span className="pmg-preview__arrow" aria-label={t('popup_preview_becomes')}>
                →
              </span>
              {line.ok ? (
                line.to === null ? (
                  <span className="pmg-preview__none" data-testid={`preview-${line.marketplace}`}>
                    {t('popup_preview_no_email')}
                  </span>
                ) : (
                  <span className="pmg-text--mono pmg-preview__to" data-testid={`preview-${line.marketplace}`}>
                    {line.changed ? line.to : `${line.to} (${t('popup_preview_unchanged')})`}
                  </span>
                )
              ) : (
                <span className="pmg-text--critical" data-testid={`preview-${line.marketplace}`}>
                  {errorText(t, line)}
                </span>
              )}
            </span>
          </div>
        ))}
      </div>
    </CardSection>
  );
}

function SaveBar(props: { save: SaveState; dirty: boolean; problems: Map<string, SettingsProblem> }) {
  const t = useT();
  const { save } = props;
  return (
    <div className="pmg-savebar pmg-stack pmg-gap-200">
      {save.state === 'saved' ? <Banner tone="success">{t('popup_settings_saved')}</Banner> : null}
      {save.state === 'invalid' ? (
        <Banner tone="critical" title={t('popup_settings_invalid', { count: props.problems.size })}>
          {t('popup_settings_invalid_body')}
        </Banner>
      ) : null}
      {save.state === 'error' ? <Banner tone="critical">{errorText(t, save.error)}</Banner> : null}
      <InlineStack align="between">
        <Text tone="secondary" small>
          {props.dirty ? t('popup_settings_unsaved') : t('popup_settings_synced')}
        </Text>
        <Button type="submit" variant="primary" loading={save.state === 'saving'}>
          {t('popup_settings_save')}
        </Button>
      </InlineStack>
    </div>
  );
}
