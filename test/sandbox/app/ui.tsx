/**
 * The few building blocks whose markup differs between the sandbox's two admin layouts
 * (./layout.ts): page titles, buttons, action links, text fields, pickers, checkboxes and the
 * customer's email. Pages and surfaces use these and stay the same for both layouts.
 */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { is2026 } from './layout';
import { Link } from './router';
import { cx } from './styles';

/** Page title: classic `<h1>`; 2026 `h1.Polaris-Header-Title > span` (unhashed, as the live admin has it). */
export function PageTitle({ children }: { children: ReactNode }) {
  if (is2026) {
    return (
      <h1 className="Polaris-Header-Title">
        <span>{children}</span>
      </h1>
    );
  }
  return <h1 className={cx('Title')}>{children}</h1>;
}

export function Btn(props: { children: ReactNode; onClick?(): void; primary?: boolean; disabled?: boolean; label?: string; style?: Record<string, string | number>; menu?: { expanded: boolean } }) {
  if (is2026 && !props.menu) {
    return (
      <s-internal-button
        variant={props.primary ? 'primary' : undefined}
        disabled={props.disabled || undefined}
        accessibilitylabel={props.label}
        style={props.style}
        onClick={props.onClick}
      >
        <span>{props.children}</span>
      </s-internal-button>
    );
  }
  return (
    <button
      type="button"
      className={cx('Button', props.primary && 'ButtonPrimary')}
      disabled={props.disabled}
      aria-label={props.label}
      aria-haspopup={props.menu ? 'menu' : undefined}
      aria-expanded={props.menu?.expanded}
      style={props.style}
      onClick={props.onClick}
    >
      {is2026 ? <span>{props.children}</span> : props.children}
    </button>
  );
}

/** An action that navigates: classic a <button>; 2026 a link whose label is a <span> (as "Fulfill items" is). */
export function ActionLink(props: { href: string; children: ReactNode; primary?: boolean; onNavigate(path: string): void }) {
  if (is2026) {
    return (
      <Link href={props.href} className={cx('Button', props.primary && 'ButtonPrimary')} style={{ display: 'inline-flex', alignItems: 'center', textDecoration: 'none' }}>
        <span>{props.children}</span>
      </Link>
    );
  }
  return (
    <button type="button" className={cx('Button', props.primary && 'ButtonPrimary')} onClick={() => props.onNavigate(props.href)}>
      {props.children}
    </button>
  );
}

function useHostEvent<T>(ref: React.RefObject<HTMLElement | null>, handler: (detail: T) => void) {
  const latest = useRef(handler);
  latest.current = handler;
  // A layout effect, not a passive one: the listener must be there as soon as the element is in the
  // page (React's own handlers are), or a click right after mount would change the component only.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const listener = (e: Event) => latest.current((e as CustomEvent<T>).detail);
    el.addEventListener('change', listener);
    return () => el.removeEventListener('change', listener);
  }, [ref]);
}

/** Text field: classic `<label>` around an input; 2026 `s-internal-text-field` (input with `name` in its shadow root). */
export function TextField(props: { label: string; name: string; value: string; onChange(value: string): void; type?: string }) {
  const ref = useRef<HTMLElement & { value: string }>(null);
  useHostEvent<string>(ref, props.onChange);
  useLayoutEffect(() => {
    if (ref.current && ref.current.value !== props.value) ref.current.value = props.value;
  });
  if (is2026) return <s-internal-text-field ref={ref} label={props.label} name={props.name} />;
  return (
    <label className={cx('Field')}>
      <span>{props.label}</span>
      <input className={cx('Input')} type={props.type ?? 'text'} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} />
    </label>
  );
}

export function Picker(props: { label: string; name: string; value: string; options: readonly string[]; onChange(value: string): void; labels?: Record<string, string> }) {
  const ref = useRef<HTMLElement>(null);
  useHostEvent<string>(ref, props.onChange);
  if (is2026) return <s-internal-single-picker-field ref={ref} label={props.label} name={props.name} options={props.options.join('|')} value={props.value} />;
  return (
    <label className={cx('Field')}>
      <span>{props.label}</span>
      <select className={cx('Input')} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * 2026 checkbox: `s-internal-checkbox` (a bare native box in its open shadow root) with its caption
 * as the NEXT element (no <label>, no aria link). `testId` lets tests find the box without its name.
 */
export function Checkbox2026(props: { label: string; checked: boolean; onChange(checked: boolean): void; testId?: string }) {
  const ref = useRef<HTMLElement & { checked: boolean }>(null);
  useHostEvent<boolean>(ref, props.onChange);
  // Every render mirrors the page's state into the component, as a controlled component does.
  useLayoutEffect(() => {
    if (ref.current) ref.current.checked = props.checked;
  });
  return (
    <div className={cx('Checkbox')}>
      <s-internal-checkbox ref={ref} data-testid={props.testId} />
      <s-internal-text text={props.label} />
    </div>
  );
}

/** The customer's email: classic a mailto: link in a web component; 2026 a button's text in an inline stack. */
export function EmailValue({ email, copyLabel, component }: { email: string; copyLabel: string; component?: boolean }) {
  const id = useId();
  if (!is2026) return <s-internal-link href={`mailto:${email}`} text={email} />;
  return (
    <div className="Polaris-InlineStack" style={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }} id={id}>
      {component ? (
        <s-internal-button variant="tertiary">
          <span>{email}</span>
        </s-internal-button>
      ) : (
        <button type="button" className={cx('Button', 'ButtonPlain')}>
          <span>{email}</span>
        </button>
      )}
      <s-internal-button variant="tertiary" accessibilitylabel={copyLabel}>
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14"><path fill="none" stroke="currentColor" strokeWidth="1.3" d="M4.5 4.5h7v7h-7zM2.5 9.5v-7h7" /></svg>
      </s-internal-button>
    </div>
  );
}
