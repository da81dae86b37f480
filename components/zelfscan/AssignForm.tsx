"use client";

import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@/components/forms/zod-resolver";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, primaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";
import { ZAssignSchema, type TAssign } from "@/lib/shared/zelfscan/assignment-schema";

export type AssignableEis = { number: number; shortTitle: string; onderdelen: { id: string; letter: string | null; shortTitle: string }[] };

const FIELDS = ["onderdeelIds", "userIds", "dueOn", "note"] as const;

/** The coordinator assigns whole eisen or single onderdelen to one or more colleagues. */
export function AssignForm({
  eisen,
  colleagues,
  action,
}: {
  eisen: AssignableEis[];
  colleagues: { id: string; name: string }[];
  action: (values: TAssign) => Promise<Result<unknown>>;
}) {
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TAssign>({
    resolver: zodResolver(ZAssignSchema),
    defaultValues: { onderdeelIds: [], userIds: [], dueOn: "", note: "" },
    shouldFocusError: false,
  });
  const feedback = useActionFeedback(setError, FIELDS);
  const chosen = useWatch({ control, name: "onderdeelIds" });
  const onSubmit = handleSubmit(async (values) => {
    feedback.begin();
    if (feedback.handle(await action(values))) reset();
  }, feedback.failedOnClient);
  const toggleEis = (eis: AssignableEis, on: boolean) => {
    const ids = eis.onderdelen.map((onderdeel) => onderdeel.id);
    setValue("onderdeelIds", on ? [...new Set([...chosen, ...ids])] : chosen.filter((id) => !ids.includes(id)), { shouldValidate: false });
  };
  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="Er is niets toegewezen" />
      <fieldset id="onderdeelIds" tabIndex={-1} className="space-y-2" aria-describedby={errors.onderdeelIds ? "onderdeelIds-fout" : undefined}>
        <legend className="font-semibold">Eisen en onderdelen</legend>
        {errors.onderdeelIds?.message && (
          <p id="onderdeelIds-fout" className="font-semibold text-red-800">
            {errors.onderdeelIds.message}
          </p>
        )}
        <ul className="grid gap-2 sm:grid-cols-2">
          {eisen.map((eis) => {
            const whole = eis.onderdelen.every((onderdeel) => chosen.includes(onderdeel.id));
            const single = eis.onderdelen.length === 1 && eis.onderdelen[0]!.letter === null;
            return (
              <li key={eis.number}>
                <label className="flex items-start gap-2 font-semibold">
                  {single ? (
                    <input type="checkbox" className="mt-1" value={eis.onderdelen[0]!.id} {...register("onderdeelIds")} />
                  ) : (
                    <input type="checkbox" className="mt-1" checked={whole} onChange={(event) => toggleEis(eis, event.target.checked)} />
                  )}
                  <span>
                    Eis {eis.number}: {eis.shortTitle}
                    {single ? "" : " (de hele eis)"}
                  </span>
                </label>
                {!single && (
                  <ul className="ml-6">
                    {eis.onderdelen.map((onderdeel) => (
                      <li key={onderdeel.id}>
                        <label className="flex items-start gap-2">
                          <input type="checkbox" className="mt-1" value={onderdeel.id} {...register("onderdeelIds")} />
                          <span>
                            Onderdeel {onderdeel.id}: {onderdeel.shortTitle}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset id="userIds" tabIndex={-1} className="space-y-1" aria-describedby={errors.userIds ? "userIds-fout" : undefined}>
        <legend className="font-semibold">Toewijzen aan</legend>
        {errors.userIds?.message && (
          <p id="userIds-fout" className="font-semibold text-red-800">
            {errors.userIds.message}
          </p>
        )}
        {colleagues.map((colleague) => (
          <label key={colleague.id} className="flex items-center gap-2">
            <input type="checkbox" value={colleague.id} {...register("userIds")} />
            {colleague.name}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="dueOn" className="block font-semibold">
          Termijn (optioneel)
        </label>
        <input
          id="dueOn"
          type="date"
          className={inputClass}
          aria-invalid={errors.dueOn ? true : undefined}
          aria-describedby={errors.dueOn ? "dueOn-fout" : undefined}
          {...register("dueOn")}
        />
        {errors.dueOn?.message && (
          <p id="dueOn-fout" className="font-semibold text-red-800">
            {errors.dueOn.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="note" className="block font-semibold">
          Notitie (optioneel)
        </label>
        <textarea
          id="note"
          rows={3}
          className={inputClass}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "note-fout" : undefined}
          {...register("note")}
        />
        {errors.note?.message && (
          <p id="note-fout" className="font-semibold text-red-800">
            {errors.note.message}
          </p>
        )}
      </div>
      <button type="submit" className={primaryButtonClass} disabled={isSubmitting}>
        Toewijzen
      </button>
      {feedback.done && <p role="status">{feedback.done}</p>}
    </form>
  );
}
