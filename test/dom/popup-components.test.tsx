/** The shared components' accessibility contract (the popup and the dashboard rely on it). */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Badge, Banner, Button, Checkbox, RadioGroup, Select, Spinner, Tabs, TextField } from '../../components';
import { description, isInvalid, text } from './popup-helpers';

afterEach(cleanup);

describe('components', () => {
  it('TextField: label, help and error are wired for screen readers', () => {
    render(<TextField label="Your domain" value="x" onChange={() => {}} helpText="Like mystore.com" error="Not a domain" />);
    const input = screen.getByLabelText('Your domain');
    expect(isInvalid(input)).toBe(true);
    expect(description(input)).toBe('Not a domain Like mystore.com');
  });

  it('TextField without error is not invalid and has only its help as description', () => {
    render(<TextField label="Prefix" value="" onChange={() => {}} helpText="Default: blacklisted-" />);
    const input = screen.getByLabelText('Prefix');
    expect(isInvalid(input)).toBe(false);
    expect(description(input)).toBe('Default: blacklisted-');
  });

  it('Select, Checkbox and RadioGroup are reachable by their labels and report changes', async () => {
    const user = userEvent.setup();
    const seen: string[] = [];
    render(
      <>
        <Select label="Marketplace" value="a" options={[{ value: 'a', label: 'Amazon' }, { value: 'e', label: 'eBay' }]} onChange={(v) => seen.push(`select:${v}`)} />
        <Checkbox label="Guard" checked={false} onChange={(v) => seen.push(`check:${v}`)} />
        <RadioGroup legend="Strategy" value="strip" options={[{ value: 'strip', label: 'Strip' }, { value: 'keep', label: 'Keep', helpText: 'Stays' }]} onChange={(v) => seen.push(`radio:${v}`)} />
      </>,
    );
    await user.selectOptions(screen.getByLabelText('Marketplace'), 'e');
    await user.click(screen.getByLabelText('Guard'));
    await user.click(screen.getByRole('radio', { name: 'Keep' }));
    expect(seen).toEqual(['select:e', 'check:true', 'radio:keep']);
    expect(screen.getByRole('group', { name: 'Strategy' })).toBeTruthy();
    expect(description(screen.getByRole('radio', { name: 'Keep' }))).toBe('Stays');
  });

  it('Button: a loading button stays focusable but does not act', async () => {
    const user = userEvent.setup();
    let clicks = 0;
    const { rerender } = render(<Button onClick={() => clicks++}>Save</Button>);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    rerender(
      <Button onClick={() => clicks++} loading loadingLabel="Saving…">
        Save
      </Button>,
    );
    const busy = screen.getByRole('button', { name: 'Saving…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect((busy as HTMLButtonElement).disabled).toBe(false);
    await user.click(busy);
    expect(clicks).toBe(1);
  });

  it('Button with a url is a link', () => {
    render(<Button url="https://admin.shopify.com/store/a" target="_blank">Open admin</Button>);
    const link = screen.getByRole('link', { name: 'Open admin' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('Banner: critical is an alert, the others are polite status messages', () => {
    render(
      <>
        <Banner tone="critical" title="Broken">Fix it</Banner>
        <Banner tone="success">Saved</Banner>
      </>,
    );
    expect(text(screen.getByRole('alert'))).toContain('Broken');
    expect(text(screen.getByRole('status'))).toContain('Saved');
  });

  it('Spinner says what it waits for, even with the label hidden', () => {
    render(<Spinner label="Loading…" labelHidden />);
    expect(text(screen.getByRole('status'))).toBe('Loading…');
  });

  it('Badge shows its text', () => {
    render(<Badge tone="warning">Amazon order</Badge>);
    expect(screen.getByText('Amazon order')).toBeTruthy();
  });

  it('Tabs: arrows, Home and End move the selection; only the selected tab is in the Tab order', async () => {
    const user = userEvent.setup();
    function Harness() {
      const [selected, setSelected] = useState('a');
      return (
        <Tabs label="Sections" selected={selected} onSelect={setSelected} tabs={[{ id: 'a', label: 'One' }, { id: 'b', label: 'Two' }, { id: 'c', label: 'Three' }]}>
          <p>panel {selected}</p>
        </Tabs>
      );
    }
    render(<Harness />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    await user.tab();
    expect(document.activeElement).toBe(tabs[0]);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.textContent).toBe('Three');
    await user.keyboard('{Home}');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toBe('Two');
    const panel = screen.getByRole('tabpanel');
    expect(text(panel)).toBe('panel b');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[1]!.id);
  });
});
