import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlowPanel } from '../../components/flow/FlowPanel';
import { buildFlowWorkflow } from '../../lib/flow';
import type { FlowStatusView } from '../../lib/flow/health';
import { flowSetupFor } from '../../lib/flow/setup';
import { translator, type Locale } from '../../lib/i18n';
import { ok } from '../../lib/result';
import { defaultSettings, type StoreSettings } from '../../lib/settings';

afterEach(cleanup);

const SETTINGS: StoreSettings = { ...defaultSettings(), defaultStrategy: 'domain', domain: 'mystore.com' };
const none: FlowStatusView = { setup: null, drift: null, health: null, healthError: null, settingsValid: true };

function mount(view: FlowStatusView, locale: Locale = 'en', settings = SETTINGS) {
  const copy = vi.fn(async (_text: string) => {});
  const confirm = vi.fn(async (on: boolean) => ok(on ? flowSetupFor(settings, new Date('2026-11-02T10:00:00Z')) : null));
  const loadStatus = vi.fn(async () => ok(view));
  render(<FlowPanel settings={settings} locale={locale} t={translator(locale)} loadStatus={loadStatus} confirm={confirm} copy={copy} />);
  return { copy, confirm, loadStatus };
}

describe('Shopify Flow guide', () => {
  it('steps in the order Flow asks, one copy button per field with the exact generated text, then "the workflow is on"', async () => {
    const { copy, confirm, loadStatus } = mount(none);
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Set up Shopify Flow' }));
    const steps = [...document.querySelectorAll('[data-step]')].map((li) => li.getAttribute('data-step'));
    expect(steps).toEqual(['open', 'trigger', 'run-code', 'condition', 'send', 'turn-on']);
    const fields = [...document.querySelectorAll('[data-field]')].map((f) => f.getAttribute('data-field'));
    expect(fields).toEqual(['inputQuery', 'outputSdl', 'code', 'condition', 'mutation', 'mutationInputs']);
    const workflow = buildFlowWorkflow(SETTINGS);
    const expected = [workflow.inputQuery, workflow.outputSdl, workflow.code, workflow.condition, 'orderUpdate', workflow.mutationInputs];
    for (const [i, field] of fields.entries()) {
      const block = document.querySelector(`[data-field="${field}"]`) as HTMLElement;
      await act(async () => fireEvent.click(within(block).getByRole('button')));
      expect(copy).toHaveBeenLastCalledWith(expected[i]);
      expect(within(block).getByRole('button').textContent).toBe('Copied');
    }
    expect(screen.getByText(/Add the action “Run code”/)).toBeTruthy();
    expect(screen.getByText(/No import file/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'The workflow is on' })));
    expect(confirm).toHaveBeenCalledWith(true);
    expect(loadStatus).toHaveBeenCalledTimes(2);
  });

  it('in German: German text, action names and help pages in German', async () => {
    mount(none, 'de');
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Shopify Flow einrichten' }));
    expect(screen.getByText(/Fügen Sie die Aktion „Code ausführen“ hinzu/)).toBeTruthy();
    expect(screen.getByText(/Aktion „Admin API-Anfrage senden“/)).toBeTruthy();
    const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://help.shopify.com/de/manual/shopify-flow',
      'https://help.shopify.com/de/manual/shopify-flow/reference/triggers/order-created',
      'https://help.shopify.com/de/manual/shopify-flow/reference/actions/run-code',
      'https://help.shopify.com/de/manual/shopify-flow/reference/actions/send-admin-api-request',
    ]);
  });

  it('set up: when it last fixed an order, the warning when relay orders arrive unfixed', async () => {
    const setup = flowSetupFor(SETTINGS, new Date('2026-11-02T10:00:00Z'));
    mount({ ...none, setup, drift: { outdated: false, changes: [] }, health: { lastFixed: { order: '#1042', at: '2026-11-03T09:30:00Z' }, unfixed: { count: 3, latest: '#1045' }, warn: true, oldVersionSeen: false, checked: 12, checkedAt: '2026-11-03T09:40:00Z' } });
    await act(async () => {});
    expect(screen.getByTestId('flow-last-fixed').textContent).toMatch(/^Last order fixed by the workflow: #1042, /);
    expect(screen.getByText(/3 marketplace orders arrived unfixed since you turned the workflow on \(latest: #1045\)/)).toBeTruthy();
  });

  it('settings changed: "update the workflow", what changed, the new code to copy, and "I updated the workflow"', async () => {
    const setup = flowSetupFor(SETTINGS, new Date('2026-11-02T10:00:00Z'));
    const changes = [
      { field: 'defaultStrategy', before: 'domain', after: 'prefix' },
      { field: 'overrides.ebay', before: null, after: 'strip' },
      { field: 'extraDomains', before: null, after: 'relay.walmart.ca' },
    ];
    const { confirm, copy } = mount({ ...none, setup, drift: { outdated: true, changes }, health: { lastFixed: null, unfixed: { count: 0, latest: null }, warn: false, oldVersionSeen: false, checked: 0, checkedAt: '2026-11-03T09:40:00Z' } });
    await act(async () => {});
    expect(screen.getByText(/Your settings changed since you set up the workflow/)).toBeTruthy();
    const lines = [...document.querySelectorAll('.pmg-flow-changes li')].map((li) => li.textContent);
    expect(lines).toEqual([
      `Fix: ${translator('en')('strategy_domain')} → ${translator('en')('strategy_prefix')}`,
      `Fix for eBay: (as the default) → ${translator('en')('strategy_strip')}`,
      'Extra relay domains: (none) → relay.walmart.ca',
    ]);
    const code = document.querySelector('[data-field="code"]') as HTMLElement;
    await act(async () => fireEvent.click(within(code).getByRole('button')));
    expect(copy).toHaveBeenCalledWith(buildFlowWorkflow(SETTINGS).code);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'I updated the workflow' })));
    expect(confirm).toHaveBeenCalledWith(true);
  });

  it('not connected: says what connecting would show', async () => {
    mount({ ...none, setup: flowSetupFor(SETTINGS, new Date()), drift: { outdated: false, changes: [] }, healthError: { code: 'not_connected', message: 'x' } });
    await act(async () => {});
    expect(screen.getByText('Connect the store to see whether the workflow fixes your orders.')).toBeTruthy();
  });
});
