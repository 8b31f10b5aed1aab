import { useEffect, useState, type FormEvent } from 'react';
import { Badge, Banner, BlockStack, Button, Card, CardSection, Checkbox, Facts, InlineStack, RadioGroup, Spinner, Text, TextField } from '@/components';
import type { ConnectionReport } from '@/lib/messages';
import { sendMessage } from '@/lib/messaging';
import type { AppError } from '@/lib/result';
import type { StoreRef } from '@/lib/store-ref';
import { EMPTY_CONNECT_FORM, validateConnectForm, type ConnectErrors, type ConnectForm } from '../connect-form';
import { errorText } from '../errors';
import { useT } from '../i18n';
import { ConnectSteps } from './ConnectSteps';

type Check = { state: 'idle' } | { state: 'busy' } | { state: 'ok'; report: ConnectionReport } | { state: 'error'; error: AppError };

/**
 * Connect a store (admin token, or a Dev Dashboard app's client id + secret), see what the connection
 * can do (shop, plan, missing scopes by name), and disconnect (wipes the saved credentials).
 */
export function ConnectView(props: { store: StoreRef; connected: boolean | null; onConnectedChange: (connected: boolean) => void }) {
  const t = useT();
  const { store, connected } = props;
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [justConnected, setJustConnected] = useState(false);

  // A saved connection is tested on open, so the merchant sees at once whether it still works.
  useEffect(() => {
    if (connected !== true || justConnected) return;
    let live = true;
    setCheck({ state: 'busy' });
    void sendMessage('testConnection', { store }).then((result) => {
      if (live) setCheck(result.ok ? { state: 'ok', report: result.value } : { state: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [connected, store, justConnected]);

  if (connected === null) return <Spinner label={t('popup_loading')} />;
  if (!connected) {
    return (
      <ConnectFormCard
        store={store}
        onConnected={(report) => {
          setCheck({ state: 'ok', report });
          setJustConnected(true);
          props.onConnectedChange(true);
        }}
      />
    );
  }
  return (
    <BlockStack gap={400}>
      {justConnected ? <Banner tone="success">{t('popup_connection_reload')}</Banner> : null}
      {justConnected ? <AutoProtectOffer store={store} /> : null}
      <ConnectionCard
        store={store}
        check={check}
        setCheck={setCheck}
        onDisconnected={() => {
          setJustConnected(false);
          props.onConnectedChange(false);
        }}
      />
    </BlockStack>
  );
}

function ConnectFormCard(props: { store: StoreRef; onConnected: (report: ConnectionReport) => void }) {
  const t = useT();
  const [form, setForm] = useState<ConnectForm>(EMPTY_CONNECT_FORM);
  const [errors, setErrors] = useState<ConnectErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  function update(patch: Partial<ConnectForm>) {
    const next = { ...form, ...patch };
    setForm(next);
    // Errors appear after the first attempt, then follow every keystroke (no nagging while typing).
    if (submitted) setErrors(validateConnectForm(next).errors);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    const { errors: found, credentials } = validateConnectForm(form);
    setErrors(found);
    if (!credentials) return;
    setBusy(true);
    const result = await sendMessage('connect', { store: props.store, credentials });
    setBusy(false);
    if (result.ok) {
      setForm(EMPTY_CONNECT_FORM);
      props.onConnected(result.value);
    } else {
      setFailure(result.error);
    }
  }

  const err = (key: string | undefined) => (key ? t(key) : undefined);
  return (
    <Card title={t('popup_connect_title')} id="connect">
      <Text tone="secondary">{t('popup_connect_intro', { store: `${props.store.handle}.myshopify.com` })}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate className="pmg-stack pmg-gap-300" aria-label={t('popup_connect_title')}>
        <RadioGroup
          legend={t('popup_connect_method')}
          name="method"
          value={form.method}
          onChange={(method) => update({ method: method as ConnectForm['method'] })}
          options={[
            { value: 'admin-token', label: t('popup_connect_method_token'), helpText: t('popup_connect_method_token_help') },
            { value: 'client-credentials', label: t('popup_connect_method_app'), helpText: t('popup_connect_method_app_help') },
          ]}
        />
        {form.method === 'admin-token' ? (
          <TextField
            label={t('popup_connect_token')}
            type="password"
            monospace
            value={form.token}
            onChange={(token) => update({ token })}
            error={err(errors.token)}
            helpText={t('popup_connect_token_help')}
            placeholder="shpat_…"
          />
        ) : (
          <>
            <TextField label={t('popup_connect_client_id')} monospace value={form.clientId} onChange={(clientId) => update({ clientId })} error={err(errors.clientId)} />
            <TextField
              label={t('popup_connect_client_secret')}
              type="password"
              monospace
              value={form.clientSecret}
              onChange={(clientSecret) => update({ clientSecret })}
              error={err(errors.clientSecret)}
            />
          </>
        )}
        {failure ? (
          <Banner tone="critical" title={t('popup_connect_failed')}>
            {errorText(t, failure)}
          </Banner>
        ) : null}
        <InlineStack>
          <Button type="submit" variant="primary" loading={busy} loadingLabel={t('popup_connect_testing')}>
            {t('popup_connect_submit')}
          </Button>
        </InlineStack>
        <Text tone="secondary" small>
          {t('popup_connect_privacy')}
        </Text>
      </form>
      <details className="pmg-details">
        <summary>{form.method === 'admin-token' ? t('popup_steps_token_title') : t('popup_steps_app_title')}</summary>
        <ConnectSteps method={form.method} />
      </details>
    </Card>
  );
}

function ConnectionCard(props: { store: StoreRef; check: Check; setCheck: (c: Check) => void; onDisconnected: () => void }) {
  const t = useT();
  const { check, setCheck, store } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  async function retest() {
    setCheck({ state: 'busy' });
    const result = await sendMessage('testConnection', { store });
    setCheck(result.ok ? { state: 'ok', report: result.value } : { state: 'error', error: result.error });
  }

  async function disconnect() {
    setBusy(true);
    setFailure(null);
    const result = await sendMessage('disconnect', { store });
    setBusy(false);
    if (result.ok) {
      setConfirming(false);
      props.onDisconnected();
    } else setFailure(result.error);
  }

  return (
    <Card title={t('popup_connection_title')} id="connection" actions={check.state === 'ok' ? <Badge tone="success">{t('popup_connection_connected')}</Badge> : null}>
      {check.state === 'busy' || check.state === 'idle' ? <Spinner label={t('popup_connect_testing')} /> : null}
      {check.state === 'error' ? (
        <Banner tone="critical" title={t('popup_connection_broken')}>
          {errorText(t, check.error)}
        </Banner>
      ) : null}
      {check.state === 'ok' ? <Report report={check.report} /> : null}
      {failure ? <Banner tone="critical">{errorText(t, failure)}</Banner> : null}
      <CardSection subdued>
        {confirming ? (
          <BlockStack gap={200}>
            <Text>{t('popup_disconnect_confirm')}</Text>
            <InlineStack>
              <Button variant="critical" onClick={() => void disconnect()} loading={busy}>
                {t('popup_disconnect_yes')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('popup_cancel')}</Button>
            </InlineStack>
          </BlockStack>
        ) : (
          <InlineStack>
            <Button onClick={() => void retest()} loading={check.state === 'busy'} loadingLabel={t('popup_connect_testing')}>
              {t('popup_connection_retest')}
            </Button>
            <Button variant="plain" onClick={() => setConfirming(true)}>
              {t('popup_disconnect')}
            </Button>
          </InlineStack>
        )}
      </CardSection>
    </Card>
  );
}

function Report({ report }: { report: ConnectionReport }) {
  const t = useT();
  return (
    <BlockStack gap={300}>
      <Facts
        items={[
          { term: t('popup_connection_shop'), value: <span data-testid="shop-name">{report.shopName}</span> },
          { term: t('popup_connection_domain'), value: report.myshopifyDomain },
          { term: t('popup_connection_plan'), value: report.plan },
          {
            term: t('popup_connection_kind'),
            value: report.credentialKind === 'admin-token' ? t('popup_connect_method_token') : t('popup_connect_method_app'),
          },
        ]}
      />
      {report.missingScopes.length ? (
        <Banner tone="warning" title={t('popup_connection_missing_title', { count: report.missingScopes.length })}>
          <BlockStack gap={100}>
            <Text>{t('popup_connection_missing_body')}</Text>
            <ul className="pmg-popup-list">
              {report.missingScopes.map((scope) => (
                <li key={scope}>
                  <code className="pmg-text--mono">{scope}</code>
                </li>
              ))}
            </ul>
          </BlockStack>
        </Banner>
      ) : (
        <Banner tone="success">{t('popup_connection_all_scopes')}</Banner>
      )}
    </BlockStack>
  );
}

/** Offered once, right after connecting: pre-selected, one sentence on what it does and when it runs. */
function AutoProtectOffer(props: { store: StoreRef }) {
  const t = useT();
  const [on, setOn] = useState(true);
  const [state, setState] = useState<'ask' | 'busy' | 'done'>('ask');
  const [error, setError] = useState<AppError | null>(null);
  if (state === 'done') return null;
  return (
    <Card title={t('auto_title')} id="auto-protect-offer">
      <BlockStack gap={300}>
        <Checkbox id="auto-protect-offer-toggle" label={t('auto_connect_offer')} checked={on} helpText={t('auto_explain')} onChange={setOn} disabled={state === 'busy'} />
        {error ? <Text tone="critical">{errorText(t, error)}</Text> : null}
        <div>
          <Button
            variant="primary"
            disabled={state === 'busy'}
            onClick={() => {
              setState('busy');
              void sendMessage('setAutoProtect', { store: props.store, on }).then((result) => {
                if (result.ok) setState('done');
                else {
                  setError(result.error);
                  setState('ask');
                }
              });
            }}
          >
            {t('auto_connect_continue')}
          </Button>
        </div>
      </BlockStack>
    </Card>
  );
}
