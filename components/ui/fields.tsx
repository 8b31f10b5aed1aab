import { useId, type ReactNode } from 'react';
import { cx } from './cx';

/**
 * Form controls with the accessibility wiring done once: every control has a <label> (or a <legend>
 * for groups), help text and errors are linked with aria-describedby, and an error sets aria-invalid
 * so screen readers announce it together with the field.
 */

interface FieldBase {
  label: ReactNode;
  helpText?: ReactNode;
  /** The inline error; shown under the field and read out with it. */
  error?: ReactNode;
  id?: string;
  disabled?: boolean;
}

function describedBy(helpId: string | undefined, errorId: string | undefined): string | undefined {
  const ids = [errorId, helpId].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldMessages(props: { helpId: string; errorId: string; helpText?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {props.error ? (
        <div className="pmg-error" id={props.errorId}>
          <span>{props.error}</span>
        </div>
      ) : null}
      {props.helpText ? (
        <div className="pmg-help" id={props.helpId}>
          {props.helpText}
        </div>
      ) : null}
    </>
  );
}

export interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'email' | 'password' | 'url';
  placeholder?: string;
  autoComplete?: string;
  multiline?: boolean;
  monospace?: boolean;
  name?: string;
  spellCheck?: boolean;
  required?: boolean;
}

export function TextField(props: TextFieldProps) {
  const generated = useId();
  const id = props.id ?? `field${generated}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: props.name,
    className: cx('pmg-input', props.monospace && 'pmg-input--mono'),
    value: props.value,
    placeholder: props.placeholder,
    disabled: props.disabled,
    required: props.required,
    spellCheck: props.spellCheck ?? false,
    autoComplete: props.autoComplete ?? 'off',
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(props.helpText ? helpId : undefined, props.error ? errorId : undefined),
    onBlur: props.onBlur,
  } as const;
  return (
    <div className="pmg-field">
      <label className="pmg-label" htmlFor={id}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.currentTarget.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => props.onChange(e.currentTarget.value)} />
      )}
      <FieldMessages helpId={helpId} errorId={errorId} helpText={props.helpText} error={props.error} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends FieldBase {
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  name?: string;
}

export function Select(props: SelectProps) {
  const generated = useId();
  const id = props.id ?? `select${generated}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className="pmg-field">
      <label className="pmg-label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        className="pmg-select"
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.helpText ? helpId : undefined, props.error ? errorId : undefined)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages helpId={helpId} errorId={errorId} helpText={props.helpText} error={props.error} />
    </div>
  );
}

export interface CheckboxProps extends FieldBase {
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
}

export function Checkbox(props: CheckboxProps) {
  const generated = useId();
  const id = props.id ?? `check${generated}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className="pmg-field">
      <label className="pmg-choice" htmlFor={id}>
        <input
          id={id}
          name={props.name}
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props.helpText ? helpId : undefined, props.error ? errorId : undefined)}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <span className="pmg-choice__text">
          <span>{props.label}</span>
        </span>
      </label>
      <FieldMessages helpId={helpId} errorId={errorId} helpText={props.helpText} error={props.error} />
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  helpText?: ReactNode;
}

export interface RadioGroupProps {
  legend: ReactNode;
  name?: string;
  value: string;
  options: RadioOption[];
  onChange: (value: string) => void;
  error?: ReactNode;
  helpText?: ReactNode;
  disabled?: boolean;
}

/** Native radios in a fieldset: arrow keys move the choice, Tab leaves the group — as browsers do. */
export function RadioGroup(props: RadioGroupProps) {
  const generated = useId();
  const name = props.name ?? `radio${generated}`;
  const helpId = `${name}-help`;
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="pmg-fieldset"
      aria-describedby={describedBy(props.helpText ? helpId : undefined, props.error ? errorId : undefined)}
      aria-invalid={props.error ? true : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((option) => {
        const optionId = `${name}-${option.value}`;
        const optionHelpId = `${optionId}-help`;
        return (
          // The help text sits outside the <label>: the radio's name stays short, the help is its description.
          <div key={option.value} className="pmg-choice">
            <input
              id={optionId}
              type="radio"
              name={name}
              value={option.value}
              checked={props.value === option.value}
              disabled={props.disabled}
              aria-describedby={option.helpText ? optionHelpId : undefined}
              onChange={() => props.onChange(option.value)}
            />
            <span className="pmg-choice__text">
              <label htmlFor={optionId}>{option.label}</label>
              {option.helpText ? (
                <span className="pmg-help" id={optionHelpId}>
                  {option.helpText}
                </span>
              ) : null}
            </span>
          </div>
        );
      })}
      <FieldMessages helpId={helpId} errorId={errorId} helpText={props.helpText} error={props.error} />
    </fieldset>
  );
}
