import type { MouseEventHandler, ReactNode } from 'react';
import { cx } from './cx';

export type ButtonVariant = 'primary' | 'secondary' | 'critical' | 'plain';

export interface ButtonProps {
  children: ReactNode;
  variant?: ButtonVariant;
  onClick?: MouseEventHandler<HTMLButtonElement | HTMLAnchorElement>;
  type?: 'button' | 'submit';
  /** Renders a link that looks like a button (navigation, downloads). */
  url?: string;
  download?: string;
  target?: '_blank';
  disabled?: boolean;
  /** Shows progress and blocks clicks, but stays focusable so keyboard users do not lose their place. */
  loading?: boolean;
  loadingLabel?: string;
  fullWidth?: boolean;
  slim?: boolean;
  ariaLabel?: string;
  ariaControls?: string;
  ariaExpanded?: boolean;
  id?: string;
}

export function Button(props: ButtonProps) {
  const className = cx(
    'pmg-button',
    props.variant && props.variant !== 'secondary' && `pmg-button--${props.variant}`,
    props.fullWidth && 'pmg-button--full',
    props.slim && 'pmg-button--slim',
  );
  const content = props.loading ? (
    <>
      <span className="pmg-spinner pmg-spinner--small" aria-hidden="true">
        <span className="pmg-spinner__ring" />
      </span>
      <span>{props.loadingLabel ?? props.children}</span>
    </>
  ) : (
    props.children
  );
  if (props.url) {
    return (
      <a
        className={className}
        href={props.url}
        download={props.download}
        target={props.target}
        rel={props.target ? 'noopener noreferrer' : undefined}
        onClick={props.onClick}
        aria-label={props.ariaLabel}
        id={props.id}
      >
        {content}
      </a>
    );
  }
  const blocked = props.disabled || props.loading;
  return (
    <button
      id={props.id}
      type={props.type ?? 'button'}
      className={className}
      disabled={props.disabled}
      aria-disabled={props.loading ? true : undefined}
      aria-busy={props.loading ? true : undefined}
      aria-label={props.ariaLabel}
      aria-controls={props.ariaControls}
      aria-expanded={props.ariaExpanded}
      onClick={(event) => {
        if (blocked) {
          event.preventDefault();
          return;
        }
        props.onClick?.(event);
      }}
    >
      {content}
    </button>
  );
}
