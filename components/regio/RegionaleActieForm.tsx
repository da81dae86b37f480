"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type * as z from "zod/mini";
import { ErrorSummary, type SummaryError } from "@/components/ui/ErrorSummary";
import { ZRegionaleActieSchema, type TRegionaleActie } from "@/lib/shared/regio/schema";
import type { Result } from "@/lib/shared/result";
import { ACTIE_STATUS } from "@/lib/shared/verbeterplan/labels";

type Input = z.input<typeof ZRegionaleActieSchema>;
type Requirement = { number: number; shortTitle: string; onderdelen: { id: string; shortTitle: string }[] };

const inputClass = "mt-1 block w-full rounded border border-slate-600 px-3 py-2 text-base";
const FIELDS = ["title", "description", "onderdeelIds", "gemeenten", "ownerName", "ownerRole", "deadline", "status"] as const;
type Field = (typeof FIELDS)[number];

const EMPTY_ACTIE: Input = { onderdeelIds: [], title: "", description: "", ownerName: "", ownerRole: "", deadline: null, status: "GEPLAND", gemeenten: [] };

/**
 * Create or edit an action of the regional plan: items, the gemeenten it concerns with each one's
 * local accent, owner, deadline and status. One schema validates here and in the server action
 * (`save`, bound by the page to the region, or to the action and the version shown).
 */
export function RegionaleActieForm({
  regioSlug,
  save,
  gemeenten,
  requirements,
  existing,
  idPrefix,
}: {
  regioSlug: string;
  save: (values: TRegionaleActie) => Promise<Result<unknown>>;
  gemeenten: { id: string; name: string }[];
  requirements: Requirement[];
  existing?: { id: string; version: number; values: Input };
  idPrefix: string;
}) {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Input, unknown, TRegionaleActie>({
    resolver: zodResolver(ZRegionaleActieSchema),
    defaultValues: existing?.values ?? EMPTY_ACTIE,
    shouldFocusError: false,
  });
  const chosen = useWatch({ control, name: "gemeenten" });
  const id = (name: string) => `${idPrefix}-${name}`;

  async function onSubmit(values: TRegionaleActie) {
    setServerError(null);
    setSaved(null);
    const result = await save(values);
    if (result.status === "ok") {
      setSaved(values.title);
      if (!existing) reset(EMPTY_ACTIE);
      router.refresh();
      if (existing) router.push(`/regios/${regioSlug}/plan#actie-${existing.id}`);
      return;
    }
    const errors = result.status === "invalid" ? Object.entries(result.fieldErrors).filter((entry): entry is [string, string] => Boolean(entry[1])) : [];
    for (const [key, message] of errors) {
      const field = key.split(".")[0]!;
      if ((FIELDS as readonly string[]).includes(field)) setError(field as Field, { message });
      else setServerError(message);
    }
    if (errors.length === 0) setServerError(result.message);
  }

  const message = (name: Field): string | undefined => {
    const error = errors[name] as { message?: string; root?: { message?: string } } | undefined;
    return (
      error?.message ??
      error?.root?.message ??
      (Array.isArray(error) ? (error.find(Boolean) as { accent?: { message?: string } } | undefined)?.accent?.message : undefined)
    );
  };
  const summary: SummaryError[] = [
    ...FIELDS.flatMap((name) => {
      const text = message(name);
      return text ? [{ field: id(name), message: text }] : [];
    }),
    ...(serverError ? [{ message: serverError }] : []),
  ];
  const describe = (name: Field) => ({
    "aria-invalid": message(name) ? true : undefined,
    "aria-describedby": message(name) ? id(`${name}-fout`) : undefined,
  });
  const fout = (name: Field) =>
    message(name) && (
      <p id={id(`${name}-fout`)} className="mt-1 text-red-800">
        {message(name)}
      </p>
    );

  function toggleGemeente(gemeenteId: string, on: boolean) {
    const current = chosen ?? [];
    const next = on ? [...current, { gemeenteId, accent: "" }] : current.filter((entry) => entry.gemeenteId !== gemeenteId);
    setValue("gemeenten", next, { shouldDirty: true, shouldValidate: submitCount > 0 });
  }
  function setAccent(gemeenteId: string, accent: string) {
    setValue(
      "gemeenten",
      (chosen ?? []).map((entry) => (entry.gemeenteId === gemeenteId ? { ...entry, accent } : entry)),
      { shouldDirty: true },
    );
  }

  return (
    <div className="space-y-4">
      <ErrorSummary key={submitCount} errors={summary} title={existing ? "De actie is niet opgeslagen" : "De actie is niet toegevoegd"} />
      {saved && (
        <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3">
          Actie &ldquo;{saved}&rdquo; is {existing ? "opgeslagen" : "toegevoegd aan het regionale plan"}.
        </p>
      )}
      <form method="post" onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-5">
        <div>
          <label htmlFor={id("title")} className="block font-semibold">
            Titel van de actie
          </label>
          <input id={id("title")} type="text" className={inputClass} {...describe("title")} {...register("title")} />
          {fout("title")}
        </div>
        <div>
          <label htmlFor={id("description")} className="block font-semibold">
            Beschrijving
          </label>
          <textarea id={id("description")} rows={3} className={inputClass} {...describe("description")} {...register("description")} />
          {fout("description")}
        </div>
        <fieldset id={id("onderdeelIds")} tabIndex={-1} className="rounded border border-slate-400 p-3" {...describe("onderdeelIds")}>
          <legend className="px-1 font-semibold">Onderdelen van het kwaliteitskader</legend>
          {fout("onderdeelIds")}
          <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {requirements.map((requirement) => (
              <div key={requirement.number}>
                <p className="text-sm font-semibold">
                  Eis {requirement.number}: {requirement.shortTitle}
                </p>
                <ul>
                  {requirement.onderdelen.map((onderdeel) => (
                    <li key={onderdeel.id}>
                      <label className="flex items-start gap-2">
                        <input type="checkbox" value={onderdeel.id} className="mt-1 h-4 w-4" {...register("onderdeelIds")} />
                        <span>
                          {onderdeel.id} {onderdeel.shortTitle}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset id={id("gemeenten")} tabIndex={-1} className="rounded border border-slate-400 p-3" {...describe("gemeenten")}>
          <legend className="px-1 font-semibold">Gemeenten waarvoor de actie geldt, met hun lokale accent</legend>
          {fout("gemeenten")}
          <ul className="space-y-3">
            {gemeenten.map((gemeente) => {
              const entry = (chosen ?? []).find((candidate) => candidate.gemeenteId === gemeente.id);
              return (
                <li key={gemeente.id}>
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      className="h-4 w-4"
                      checked={Boolean(entry)}
                      onChange={(event) => toggleGemeente(gemeente.id, event.target.checked)}
                    />
                    <span>{gemeente.name}</span>
                  </label>
                  {entry && (
                    <div className="mt-1 ml-6">
                      <label htmlFor={id(`accent-${gemeente.id}`)} className="block text-sm">
                        Lokaal accent voor {gemeente.name} (optioneel)
                      </label>
                      <textarea
                        id={id(`accent-${gemeente.id}`)}
                        rows={2}
                        className={inputClass}
                        value={entry.accent}
                        onChange={(event) => setAccent(gemeente.id, event.target.value)}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={id("ownerName")} className="block font-semibold">
              Eigenaar
            </label>
            <input id={id("ownerName")} type="text" className={inputClass} {...describe("ownerName")} {...register("ownerName")} />
            {fout("ownerName")}
          </div>
          <div>
            <label htmlFor={id("ownerRole")} className="block font-semibold">
              Rol of organisatie van de eigenaar
            </label>
            <input id={id("ownerRole")} type="text" className={inputClass} {...describe("ownerRole")} {...register("ownerRole")} />
            {fout("ownerRole")}
          </div>
          <div>
            <label htmlFor={id("deadline")} className="block font-semibold">
              Deadline (optioneel)
            </label>
            <input
              id={id("deadline")}
              type="date"
              className={inputClass}
              {...describe("deadline")}
              {...register("deadline", { setValueAs: (value: string | null) => (value ? value : null) })}
            />
            {fout("deadline")}
          </div>
          <div>
            <label htmlFor={id("status")} className="block font-semibold">
              Status
            </label>
            <select id={id("status")} className={inputClass} {...describe("status")} {...register("status")}>
              {ACTIE_STATUS.map((status) => (
                <option key={status.value} value={status.value}>
                  {status.label}
                </option>
              ))}
            </select>
            {fout("status")}
          </div>
        </div>
        <button
          type="submit"
          disabled={isSubmitting}
          className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {isSubmitting ? "Bezig met opslaan…" : existing ? "Wijzigingen opslaan" : "Actie toevoegen"}
        </button>
      </form>
    </div>
  );
}
