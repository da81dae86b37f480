// The zod/mini types under the names of classic zod's namespace, for code written against that
// namespace before every form schema moved to zod/mini (lib/beheer/errors.ts). Types only.
export type { ZodMiniType as ZodType, output, input, infer } from "zod/mini";
export type { $ZodError as ZodError } from "zod/v4/core";
