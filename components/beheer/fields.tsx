// Labelled form fields with a hint and an error that are tied to the input (aria-describedby).
import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/styles";

type Common = { id: string; label: string; hint?: string; error?: string; required?: boolean };

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-uitleg` : null, error ? `${id}-fout` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Label({ id, label, required }: Pick<Common, "id" | "label" | "required">) {
  return (
    <label htmlFor={id} className="block font-semibold">
      {label}
      {required === false && <span className="font-normal"> (niet verplicht)</span>}
    </label>
  );
}

function HintAndError({ id, hint, error }: Pick<Common, "id" | "hint" | "error">) {
  return (
    <>
      {hint && (
        <p id={`${id}-uitleg`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-fout`} className="mt-1 font-semibold text-red-800">
          <span className="sr-only">Fout: </span>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({ id, label, hint, error, required, inputProps }: Common & { inputProps: InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        type="text"
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...inputProps}
      />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  options,
  placeholder,
  selectProps,
}: Common & { options: { value: string; label: string }[]; placeholder?: string; selectProps: SelectHTMLAttributes<HTMLSelectElement> }) {
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <HintAndError id={id} hint={hint} error={error} />
      <select id={id} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...selectProps}>
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
