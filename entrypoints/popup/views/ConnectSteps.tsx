import type { ReactNode } from 'react';
import { BlockStack, Text } from '@/components';
import { useT } from '../i18n';
import { SCOPES_TO_TICK, type ConnectMethod } from '../connect-form';

/**
 * Short, illustrated "where do I find this?" steps. The pictures are small drawings of the screens the
 * merchant will see (inline SVG: no remote images, nothing to translate inside them but a few words).
 */
export function ConnectSteps({ method }: { method: ConnectMethod }) {
  const t = useT();
  const steps =
    method === 'admin-token'
      ? [
          { text: t('popup_steps_token_1'), picture: <MockPath parts={[t('popup_mock_settings'), t('popup_mock_apps'), t('popup_mock_develop')]} /> },
          { text: t('popup_steps_token_2'), picture: null },
          { text: t('popup_steps_token_3'), picture: <Scopes /> },
          { text: t('popup_steps_token_4'), picture: <MockSecret label={t('popup_mock_token')} button={t('popup_mock_reveal')} value="shpat_••••••••" /> },
        ]
      : [
          { text: t('popup_steps_app_1'), picture: <MockPath parts={['dev.shopify.com', t('popup_mock_apps'), t('popup_mock_create_app')]} /> },
          { text: t('popup_steps_app_2'), picture: <Scopes /> },
          { text: t('popup_steps_app_3'), picture: null },
          { text: t('popup_steps_app_4'), picture: <MockSecret label={t('popup_mock_client_id')} button={t('popup_mock_copy')} value="a1b2c3••••••" /> },
        ];
  return (
    <BlockStack as="ol" gap={300} className="pmg-steps">
      {steps.map((step, i) => (
        <li key={i} className="pmg-steps__item">
          <span className="pmg-steps__number" aria-hidden="true">
            {i + 1}
          </span>
          <div className="pmg-steps__body">
            <Text>{step.text}</Text>
            {step.picture}
          </div>
        </li>
      ))}
    </BlockStack>
  );
}

function Scopes() {
  const t = useT();
  return (
    <ul className="pmg-scopes" aria-label={t('popup_steps_scopes_label')}>
      {SCOPES_TO_TICK.map(({ scope, optional }) => (
        <li key={scope}>
          <span className="pmg-scopes__box" aria-hidden="true">
            ✓
          </span>
          <code>{scope}</code>
          {optional ? <span className="pmg-text--secondary"> — {t('popup_steps_scope_optional')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** A breadcrumb drawn like the admin's navigation: where to click, in order. */
function MockPath({ parts }: { parts: string[] }) {
  return (
    <div className="pmg-mock" aria-hidden="true">
      <div className="pmg-mock__bar">
        <span />
        <span />
        <span />
      </div>
      <div className="pmg-mock__path">
        {parts.map((part, i) => (
          <MockCrumb key={i} last={i === parts.length - 1}>
            {part}
          </MockCrumb>
        ))}
      </div>
    </div>
  );
}

function MockCrumb({ children, last }: { children: ReactNode; last: boolean }) {
  return (
    <>
      <span className={last ? 'pmg-mock__crumb pmg-mock__crumb--here' : 'pmg-mock__crumb'}>{children}</span>
      {last ? null : <span className="pmg-mock__sep">›</span>}
    </>
  );
}

/** The credentials panel, with the field to copy highlighted. */
function MockSecret({ label, button, value }: { label: string; button: string; value: string }) {
  return (
    <svg className="pmg-mock-svg" viewBox="0 0 300 64" role="presentation" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="299" height="63" rx="8" fill="#fff" stroke="#e3e3e3" />
      <text x="12" y="20" fontSize="10" fontWeight="600" fill="#303030">
        {label}
      </text>
      <rect x="12" y="28" width="180" height="24" rx="6" fill="#f7f7f7" stroke="#005bd3" strokeWidth="2" />
      <text x="20" y="44" fontSize="10" fontFamily="monospace" fill="#303030">
        {value}
      </text>
      <rect x="200" y="28" width="88" height="24" rx="6" fill="#303030" />
      <text x="244" y="44" fontSize="10" fontWeight="600" fill="#fff" textAnchor="middle">
        {button}
      </text>
    </svg>
  );
}
