import type { ReactNode } from 'react';
import { cx } from './cx';

type Gap = 100 | 200 | 300 | 400;

export function Page(props: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <main className={cx('pmg-page', props.className)}>
      <header className="pmg-page__header">
        <div className="pmg-page__titles">
          <h1 className="pmg-page__title">{props.title}</h1>
          {props.subtitle ? <p className="pmg-page__subtitle">{props.subtitle}</p> : null}
        </div>
        {props.actions ? <div className="pmg-page__actions">{props.actions}</div> : null}
      </header>
      {props.children}
    </main>
  );
}

/** A white admin card. With a title it is a labelled region, so screen readers can jump between cards. */
export function Card(props: { title?: ReactNode; actions?: ReactNode; children: ReactNode; headingLevel?: 2 | 3; id?: string }) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const headingId = props.id ? `${props.id}-heading` : undefined;
  return (
    <section className="pmg-card" id={props.id} aria-labelledby={props.title && headingId ? headingId : undefined}>
      {props.title ? (
        <div className="pmg-card__section">
          <div className="pmg-card__header">
            <Heading className="pmg-heading pmg-heading--md" id={headingId}>
              {props.title}
            </Heading>
            {props.actions}
          </div>
          {props.children}
        </div>
      ) : (
        props.children
      )}
    </section>
  );
}

export function CardSection(props: { title?: ReactNode; children: ReactNode; subdued?: boolean }) {
  return (
    <div className={cx('pmg-card__section', props.subdued && 'pmg-card__section--subdued')}>
      {props.title ? <h3 className="pmg-heading">{props.title}</h3> : null}
      {props.children}
    </div>
  );
}

export function BlockStack(props: { gap?: Gap; children: ReactNode; as?: 'div' | 'ol' | 'ul'; className?: string }) {
  const Tag = props.as ?? 'div';
  return <Tag className={cx('pmg-stack', `pmg-gap-${props.gap ?? 200}`, props.className)}>{props.children}</Tag>;
}

export function InlineStack(props: { gap?: Gap; align?: 'start' | 'between' | 'end'; children: ReactNode }) {
  return (
    <div
      className={cx(
        'pmg-inline',
        `pmg-gap-${props.gap ?? 200}`,
        props.align === 'between' && 'pmg-inline--between',
        props.align === 'end' && 'pmg-inline--end',
      )}
    >
      {props.children}
    </div>
  );
}

export type TextTone = 'secondary' | 'critical' | 'success';

export function Text(props: {
  as?: 'p' | 'span' | 'strong' | 'code';
  tone?: TextTone;
  strong?: boolean;
  mono?: boolean;
  small?: boolean;
  children: ReactNode;
  id?: string;
}) {
  const Tag = props.as ?? 'p';
  return (
    <Tag
      id={props.id}
      className={cx(
        Tag === 'p' && 'pmg-p',
        props.tone && `pmg-text--${props.tone}`,
        props.strong && 'pmg-text--strong',
        (props.mono || Tag === 'code') && 'pmg-text--mono',
        props.small && 'pmg-text--small',
      )}
    >
      {props.children}
    </Tag>
  );
}

export function VisuallyHidden(props: { children: ReactNode }) {
  return <span className="pmg-visually-hidden">{props.children}</span>;
}

/** Label/value pairs (shop name, plan, ...) as a real description list. */
export function Facts(props: { items: Array<{ term: ReactNode; value: ReactNode }> }) {
  return (
    <dl className="pmg-facts">
      {props.items.map((item, i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
