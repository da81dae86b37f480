// The schema of an id, slug or code in a mutation's input (lib/actions/mutation.ts): a short plain
// string. Anything else cannot exist, so a mutation answers it as not-found.
import * as z from "zod/mini";
import { isPlainText } from "./text";

export const ZId = z.string().check(z.minLength(1), z.maxLength(100), z.refine(isPlainText));
