"use client";

import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { useErrorReference } from "@/components/ui/RequestReference";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage onRetry={reset} reference={useErrorReference(error.digest)} />;
}
