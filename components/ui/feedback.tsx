import type { ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';
import { VisuallyHidden } from './layout';

export type Tone = 'info' | 'success' | 'warning' | 'critical';

const ICON: Record<Tone, string> = { info: 'i', success: '✓', warning: '!', critical: '!' };

/**
 * Page-level news. Critical banners are alerts (read out at once); the others are polite status
 * messages, so a screen reader hears "Saved" without losing its place.
 */
export function Banner(props: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  onDismiss?: () => void;
  dismissLabel?: string;
  id?: string;
}) {
  const tone = props.tone ?? 'info';
  return (
    <div id={props.id} className={cx('pmg-banner', `pmg-banner--${tone}`)} role={tone === 'critical' ? 'alert' : 'status'}>
      <span className="pmg-banner__icon" aria-hidden="true">
        {ICON[tone]}
      </span>
      <div className="pmg-banner__body">
        {props.title ? <p className="pmg-banner__title">{props.title}</p> : null}
        {props.children ? <div>{props.children}</div> : null}
        {props.action ? <div>{props.action}</div> : null}
      </div>
      {props.onDismiss ? (
        <span className="pmg-banner__dismiss">
          <Button variant="plain" onClick={props.onDismiss} ariaLabel={props.dismissLabel ?? 'Dismiss'}>
            ×
          </Button>
        </span>
      ) : null}
    </div>
  );
}

export type BadgeTone = Tone | 'attention' | 'neutral';

export function Badge(props: { tone?: BadgeTone; children: ReactNode; progress?: 'incomplete' | 'complete' }) {
  const tone = props.tone ?? 'neutral';
  return (
    <span className={cx('pmg-badge', tone !== 'neutral' && `pmg-badge--${tone}`)}>
      {props.progress ? (
        <span className={cx('pmg-badge__dot', props.progress === 'complete' && 'pmg-badge__dot--full')} aria-hidden="true" />
      ) : null}
      {props.children}
    </span>
  );
}

/** A spinner that says what is happening; the label is visible unless `labelHidden`. */
export function Spinner(props: { label: string; labelHidden?: boolean; size?: 'small' | 'large' }) {
  return (
    <span className={cx('pmg-spinner', props.size === 'small' && 'pmg-spinner--small')} role="status">
      <span className="pmg-spinner__ring" aria-hidden="true" />
      {props.labelHidden ? <VisuallyHidden>{props.label}</VisuallyHidden> : <span>{props.label}</span>}
    </span>
  );
}
