"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary, type SummaryError } from "@/components/ui/ErrorSummary";
import { ZMeetrondeSchema, type TMeetronde } from "@/lib/shared/regio/schema";
import type { Result } from "@/lib/shared/result";

const inputClass = "mt-1 block w-full max-w-md rounded border border-slate-600 px-3 py-2 text-base";
const FIELDS = ["name", "startsOn", "deadline", "frameworkVersion"] as const;

/** New round of a region: the same schema validates here and in the server action (`create`, bound to the region by the page). */
export function MeetrondeForm({
  create,
  versions,
}: {
  create: (values: TMeetronde) => Promise<Result<unknown>>;
  versions: { version: string; label: string }[];
}) {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<TMeetronde>({
    resolver: zodResolver(ZMeetrondeSchema),
    defaultValues: { name: "", startsOn: "", deadline: "", frameworkVersion: versions.at(-1)?.version ?? "" },
    shouldFocusError: false,
  });

  async function onSubmit(values: TMeetronde) {
    setServerError(null);
    setCreated(null);
    const result = await create(values);
    if (result.status === "ok") {
      setCreated(values.name);
      reset();
      router.refresh();
      return;
    }
    const errors = result.status === "invalid" ? Object.entries(result.fieldErrors).filter((entry): entry is [string, string] => Boolean(entry[1])) : [];
    for (const [field, message] of errors) {
      if ((FIELDS as readonly string[]).includes(field)) setError(field as (typeof FIELDS)[number], { message });
      else setServerError(message);
    }
    if (errors.length === 0) setServerError(result.message);
  }

  const summary: SummaryError[] = [
    ...FIELDS.flatMap((field) => (errors[field]?.message ? [{ field: `ronde-${field}`, message: errors[field].message }] : [])),
    ...(serverError ? [{ message: serverError }] : []),
  ];
  const field = (name: (typeof FIELDS)[number]) => ({
    id: `ronde-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `ronde-${name}-fout` : undefined,
  });
  const fout = (name: (typeof FIELDS)[number]) =>
    errors[name] && (
      <p id={`ronde-${name}-fout`} className="mt-1 text-red-800">
        {errors[name].message}
      </p>
    );

  return (
    <div className="space-y-4">
      <ErrorSummary key={submitCount} errors={summary} title="De meetronde is niet aangemaakt" />
      {created && (
        <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3">
          Meetronde &ldquo;{created}&rdquo; is aangemaakt (status gepland). Gemeenten kunnen pas een zelfscan starten als u de ronde opent.
        </p>
      )}
      <form method="post" onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
        <div>
          <label htmlFor="ronde-name" className="block font-semibold">
            Naam van de meetronde
          </label>
          <input type="text" className={inputClass} {...field("name")} {...register("name")} />
          {fout("name")}
        </div>
        <div>
          <label htmlFor="ronde-startsOn" className="block font-semibold">
            Startdatum
          </label>
          <input type="date" className={inputClass} {...field("startsOn")} {...register("startsOn")} />
          {fout("startsOn")}
        </div>
        <div>
          <label htmlFor="ronde-deadline" className="block font-semibold">
            Deadline (tot en met)
          </label>
          <input type="date" className={inputClass} {...field("deadline")} {...register("deadline")} />
          {fout("deadline")}
        </div>
        <div>
          <label htmlFor="ronde-frameworkVersion" className="block font-semibold">
            Versie van het kwaliteitskader
          </label>
          <select className={inputClass} {...field("frameworkVersion")} {...register("frameworkVersion")}>
            {versions.map((version) => (
              <option key={version.version} value={version.version}>
                {version.label}
              </option>
            ))}
          </select>
          {fout("frameworkVersion")}
        </div>
        <button
          type="submit"
          disabled={isSubmitting}
          className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {isSubmitting ? "Bezig met aanmaken…" : "Meetronde aanmaken"}
        </button>
      </form>
    </div>
  );
}
