"use client";

import { ErrorMessage } from "@/components/ui/ErrorMessage";

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage onRetry={reset} />;
}
