import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { fieldId } from './form-errors.js';

interface Common {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${fieldId(name)}-hint`, error && `${fieldId(name)}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ name, label, optional }: Common) {
  const { t } = useI18n();
  return (
    <label className="label" htmlFor={fieldId(name)}>
      {label} {optional && <span className="optional">{t.form.optional}</span>}
    </label>
  );
}

function HintAndError({ name, hint, error }: Common) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField(props: Common & { value: string; onChange: (value: string) => void; type?: 'text' | 'email' | 'password' | 'number' | 'datetime-local' | 'date'; autoComplete?: string; inputMode?: 'numeric'; width?: 'short' | 'full' }) {
  const { name, value, onChange, type = 'text', autoComplete, inputMode, width = 'full', hint, error } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <Label {...props} />
      <HintAndError {...props} />
      <input
        id={fieldId(name)}
        name={name}
        className={`input input--${width}`}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export function TextArea(props: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { name, value, onChange, rows = 5, hint, error } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <Label {...props} />
      <HintAndError {...props} />
      <textarea id={fieldId(name)} name={name} className="input input--full" rows={rows} value={value} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

export function SelectField<V extends string>(props: Common & { value: V | ''; options: ReadonlyArray<{ value: V; label: string }>; onChange: (value: V) => void; placeholder?: string }) {
  const { name, value, options, onChange, placeholder, hint, error } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <Label {...props} />
      <HintAndError {...props} />
      <select id={fieldId(name)} name={name} className="input" value={value} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined} onChange={(event) => onChange(event.target.value as V)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radios or checkboxes in a fieldset whose legend is the question; the first input carries the field's id. */
function ChoiceGroup(props: Common & { type: 'radio' | 'checkbox'; options: ReadonlyArray<{ value: string; label: string; hint?: string }>; isChecked: (value: string) => boolean; onToggle: (value: string, checked: boolean) => void; asPageHeading?: boolean; children?: ReactNode }) {
  const { name, label, hint, error, type, options, isChecked, onToggle, asPageHeading, optional } = props;
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className={asPageHeading ? 'legend legend--page' : 'legend'}>
          {asPageHeading ? <h1>{label}</h1> : label} {optional && <span className="optional">{t.form.optional}</span>}
        </legend>
        <HintAndError {...props} />
        <div className="choices">
          {options.map((option, index) => {
            const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${index}`;
            return (
              <div className="choice" key={option.value}>
                <input id={id} type={type} name={name} value={option.value} checked={isChecked(option.value)} aria-describedby={option.hint ? `${id}-hint` : undefined} onChange={(event) => onToggle(option.value, event.target.checked)} />
                {option.hint ? (
                  <div>
                    <label htmlFor={id}>{option.label}</label>
                    <p className="hint choice__hint" id={`${id}-hint`}>
                      {option.hint}
                    </p>
                  </div>
                ) : (
                  <label htmlFor={id}>{option.label}</label>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function RadioGroup<V extends string>(props: Common & { value: V | undefined; options: ReadonlyArray<{ value: V; label: string; hint?: string }>; onChange: (value: V) => void; asPageHeading?: boolean }) {
  return <ChoiceGroup {...props} type="radio" isChecked={(value) => props.value === value} onToggle={(value) => props.onChange(value as V)} />;
}

export function CheckboxGroup<V extends string>(props: Common & { values: readonly V[]; options: ReadonlyArray<{ value: V; label: string }>; onChange: (values: V[]) => void; asPageHeading?: boolean }) {
  return (
    <ChoiceGroup
      {...props}
      type="checkbox"
      isChecked={(value) => props.values.includes(value as V)}
      onToggle={(value, checked) => props.onChange(checked ? [...props.values, value as V] : props.values.filter((v) => v !== value))}
    />
  );
}

/** Yes / no as two radios (booleans in the facts). */
export function YesNo(props: Common & { value: boolean | undefined; onChange: (value: boolean) => void }) {
  const { t } = useI18n();
  return (
    <RadioGroup
      {...props}
      value={props.value === undefined ? undefined : props.value ? 'yes' : 'no'}
      options={[
        { value: 'yes', label: t.form.yes },
        { value: 'no', label: t.form.no },
      ]}
      onChange={(value) => props.onChange(value === 'yes')}
    />
  );
}

/** One checkbox that confirms or switches something on, with its hint and error tied to it. */
export function Checkbox(props: Omit<Common, 'optional'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { name, label, checked, onChange, hint, error } = props;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <HintAndError {...props} />
      <div className="choice">
        <input id={fieldId(name)} type="checkbox" name={name} checked={checked} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined} onChange={(event) => onChange(event.target.checked)} />
        <label htmlFor={fieldId(name)}>{label}</label>
      </div>
    </div>
  );
}
