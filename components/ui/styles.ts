// Shared Tailwind classes of forms, buttons and tables (contrast checked: WCAG AA on white).
export const inputClass = "mt-1 block w-full max-w-lg rounded border border-slate-600 bg-white px-3 py-2 text-base";
export const primaryButtonClass = "inline-block rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70";
export const secondaryButtonClass =
  "inline-block rounded border-2 border-brand-700 bg-white px-4 py-1.5 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-70";
export const dangerButtonClass = "inline-block rounded bg-red-800 px-5 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-70";
export const linkClass = "text-brand-700 underline underline-offset-4";
export const tableClass = "w-full border-collapse text-left";
export const captionClass = "mb-2 text-left text-lg font-semibold";
export const thClass = "py-2 pr-4 align-bottom";
export const tdClass = "py-2 pr-4 align-top";
