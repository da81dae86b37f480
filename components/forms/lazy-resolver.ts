// A form's zod schema, zod itself and the react-hook-form resolver (together about 25 kB gzip, as
// Turbopack does not tree-shake zod) load just after the page has become usable instead of before
// it. The form asks for them when it mounts (`preload`), and validation waits for them the first
// time. Should they fail to load (the connection dropped at that very moment), validation answers
// with a root error carrying `unavailable`, the input stays in the form, and the next attempt loads
// them again.
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";

export type LazyModule<M> = {
  load(): Promise<M>;
  /** Starts loading without waiting; failures are left to the next `load`. */
  preload(): void;
};

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let pending: Promise<M> | null = null;
  const load = () =>
    (pending ??= importer().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
  return { load, preload: () => void load().catch(() => undefined) };
}

export const VALIDATION_UNAVAILABLE = "De controle van uw invoer kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.";

export function lazyResolver<T extends FieldValues, M>(
  source: LazyModule<M>,
  pick: (loaded: M) => Resolver<T>,
  unavailable: string = VALIDATION_UNAVAILABLE,
): Resolver<T> {
  return async (values, context, options) => {
    const loaded = await source.load().catch(() => null);
    if (!loaded) return { values: {}, errors: { root: { type: "unavailable", message: unavailable } } as FieldErrors<T> };
    return pick(loaded)(values, context, options);
  };
}
