"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useController, useForm, useWatch } from "react-hook-form";
import { lazyModule, lazyResolver } from "@/components/forms/lazy-resolver";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, primaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";
import type { NiveauOption } from "@/lib/shared/verbeterplan/doelscore";
import { ACTIE_STATUS, PRIORITEIT } from "@/lib/shared/verbeterplan/labels";
import type { TVerbeteractie } from "@/lib/shared/verbeterplan/schema";

// The schema and zod load lazily (components/forms/lazy-resolver.ts).
const validation = lazyModule(() => import("./actie-validation"));
const resolver = lazyResolver<TVerbeteractie, typeof import("./actie-validation")>(validation, (loaded) => loaded.actieResolver);

const FIELDS = [
  "title",
  "onderdeelIds",
  "description",
  "ownerKind",
  "ownerId",
  "ownerName",
  "ownerRole",
  "partners",
  "deadline",
  "status",
  "priority",
  "borging",
  "doelscore",
] as const;

export type OnderdeelOption = { id: string; label: string; gap: boolean };
export type OwnerOption = { id: string; name: string };

/** Adding or editing one improvement action; the same zod schema checks it here and on the server. */
export function ActieForm({
  idPrefix,
  initial,
  onderdelen,
  owners,
  niveaus,
  submitLabel,
  action,
}: {
  idPrefix: string;
  initial: TVerbeteractie;
  onderdelen: OnderdeelOption[];
  /** The active officers of the scan's gemeente, who may own the action. */
  owners: OwnerOption[];
  /** The levels of the scan's scale, for "Beoogd niveau na afronding". */
  niveaus: readonly NiveauOption[];
  submitLabel: string;
  action: (values: TVerbeteractie) => Promise<Result<unknown>>;
}) {
  const router = useRouter();
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TVerbeteractie>({ resolver, defaultValues: initial, shouldFocusError: false });
  useEffect(() => validation.preload(), []);
  const feedback = useActionFeedback(setError, FIELDS);
  const partners = useController({ control, name: "partners" });
  const deadline = useController({ control, name: "deadline" });
  const id = (name: string) => `${idPrefix}-${name}`;
  const ownerKind = useWatch({ control, name: "ownerKind" });
  const ownerId = useController({ control, name: "ownerId" });
  const doelscore = useController({ control, name: "doelscore" });

  const onSubmit = handleSubmit(
    async (values) => {
      feedback.begin();
      if (feedback.handle(await action(values))) {
        if (!initial.title) reset(initial);
        router.refresh();
      }
    },
    () => feedback.failedOnClient(),
  );

  const fieldError = (name: (typeof FIELDS)[number]) =>
    errors[name]?.message ? (
      <p id={id(`${name}-fout`)} className="mt-1 font-semibold text-red-800">
        {String(errors[name]?.message)}
      </p>
    ) : null;
  const describedBy = (name: (typeof FIELDS)[number]) => (errors[name] ? id(`${name}-fout`) : undefined);
  // The summary links to the fields by their ids on this page.
  const summary = feedback.summary(errors).map((entry) => (entry.field ? { ...entry, field: id(entry.field) } : entry));

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      <ErrorSummary errors={summary} attempt={feedback.attempt} title="De actie is niet opgeslagen" />
      <div>
        <label htmlFor={id("title")} className="block font-semibold">
          Titel van de actie
        </label>
        <input
          id={id("title")}
          type="text"
          className={inputClass}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy("title")}
          {...register("title")}
        />
        {fieldError("title")}
      </div>
      <fieldset id={id("onderdeelIds")} aria-describedby={describedBy("onderdeelIds")}>
        <legend className="font-semibold">Onderdelen waar de actie aan bijdraagt</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {onderdelen.map((onderdeel) => (
            <label key={onderdeel.id} className="flex items-start gap-2">
              <input type="checkbox" value={onderdeel.id} className="mt-1 h-5 w-5 shrink-0" {...register("onderdeelIds")} />
              <span>
                {onderdeel.label}
                {onderdeel.gap ? " (tekortkoming)" : ""}
              </span>
            </label>
          ))}
        </div>
        {fieldError("onderdeelIds")}
      </fieldset>
      <div>
        <label htmlFor={id("description")} className="block font-semibold">
          Beschrijving
        </label>
        <textarea id={id("description")} rows={3} className={inputClass} aria-describedby={describedBy("description")} {...register("description")} />
        {fieldError("description")}
      </div>
      <fieldset id={id("ownerKind")} className="space-y-2">
        <legend className="font-semibold">Eigenaar van de actie</legend>
        <label className="flex items-center gap-2">
          <input type="radio" value="account" className="h-5 w-5" {...register("ownerKind")} />
          Een collega met een account
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="extern" className="h-5 w-5" {...register("ownerKind")} />
          Een externe partij
        </label>
        {fieldError("ownerKind")}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {ownerKind === "account" ? (
          <div>
            <label htmlFor={id("ownerId")} className="block font-semibold">
              Collega
            </label>
            <select
              id={id("ownerId")}
              className={inputClass}
              aria-invalid={errors.ownerId ? true : undefined}
              aria-describedby={describedBy("ownerId")}
              value={ownerId.field.value ?? ""}
              onChange={(event) => ownerId.field.onChange(event.target.value || null)}
              onBlur={ownerId.field.onBlur}
            >
              <option value="">Kies een collega</option>
              {owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </select>
            {fieldError("ownerId")}
          </div>
        ) : (
          <div>
            <label htmlFor={id("ownerName")} className="block font-semibold">
              Naam van de externe partij
            </label>
            <input id={id("ownerName")} type="text" className={inputClass} aria-describedby={describedBy("ownerName")} {...register("ownerName")} />
            {fieldError("ownerName")}
          </div>
        )}
        <div>
          <label htmlFor={id("ownerRole")} className="block font-semibold">
            Rol van de eigenaar
          </label>
          <input id={id("ownerRole")} type="text" className={inputClass} aria-describedby={describedBy("ownerRole")} {...register("ownerRole")} />
          {fieldError("ownerRole")}
        </div>
      </div>
      <div>
        <label htmlFor={id("partners")} className="block font-semibold">
          Partners (gescheiden door komma&apos;s)
        </label>
        <input
          id={id("partners")}
          type="text"
          className={inputClass}
          aria-describedby={describedBy("partners")}
          defaultValue={partners.field.value.join(", ")}
          onChange={(event) =>
            partners.field.onChange(
              event.target.value
                .split(",")
                .map((part) => part.trim())
                .filter(Boolean),
            )
          }
          onBlur={partners.field.onBlur}
        />
        {fieldError("partners")}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={id("deadline")} className="block font-semibold">
            Deadline
          </label>
          <input
            id={id("deadline")}
            type="date"
            className={inputClass}
            aria-describedby={describedBy("deadline")}
            value={deadline.field.value ?? ""}
            onChange={(event) => deadline.field.onChange(event.target.value || null)}
            onBlur={deadline.field.onBlur}
          />
          {fieldError("deadline")}
        </div>
        <div>
          <label htmlFor={id("status")} className="block font-semibold">
            Status
          </label>
          <select id={id("status")} className={inputClass} {...register("status")}>
            {ACTIE_STATUS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id("priority")} className="block font-semibold">
            Prioriteit
          </label>
          <select id={id("priority")} className={inputClass} {...register("priority")}>
            {PRIORITEIT.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={id("doelscore")} className="block font-semibold">
          Beoogd niveau na afronding
        </label>
        <p id={id("doelscore-uitleg")} className="text-sm">
          Het niveau waarop de gekoppelde onderdelen staan als de actie klaar is. Het rapport telt dit mee in de verwachte score.
        </p>
        <select
          id={id("doelscore")}
          className={inputClass}
          aria-invalid={errors.doelscore ? true : undefined}
          aria-describedby={[id("doelscore-uitleg"), describedBy("doelscore")].filter(Boolean).join(" ")}
          value={doelscore.field.value === null ? "" : String(doelscore.field.value)}
          onChange={(event) => doelscore.field.onChange(event.target.value === "" ? null : Number(event.target.value))}
          onBlur={doelscore.field.onBlur}
        >
          <option value="">Geen</option>
          {niveaus.map((niveau) => (
            <option key={niveau.value} value={niveau.value}>
              {niveau.value} – {niveau.label}
            </option>
          ))}
        </select>
        {fieldError("doelscore")}
      </div>
      <div>
        <label htmlFor={id("borging")} className="block font-semibold">
          Hoe wordt het resultaat geborgd?
        </label>
        <textarea id={id("borging")} rows={2} className={inputClass} aria-describedby={describedBy("borging")} {...register("borging")} />
        {fieldError("borging")}
      </div>
      <button type="submit" className={primaryButtonClass} disabled={isSubmitting}>
        {submitLabel}
      </button>
      {feedback.done && <p role="status">{feedback.done}</p>}
    </form>
  );
}
