// How the answer form checks its input: the answer schema shared with the server (zod/mini) with
// its react-hook-form resolver. AnswerEditor loads this module lazily, so neither zod nor the
// resolver is part of the wizard's first-load JavaScript.
import { zodResolver } from "@/components/forms/zod-resolver";
import type { Resolver } from "react-hook-form";
import { answerSchema, type TAnswerInput } from "@/lib/shared/zelfscan/answer-schema";

export function answerSchemaResolver(maxScore: number): Resolver<TAnswerInput> {
  return zodResolver(answerSchema(maxScore));
}
