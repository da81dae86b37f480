// The browser side of uploading one file: one multipart request per file through XMLHttpRequest,
// because only its upload.onprogress reports how far the body is sent (fetch cannot). The answer is
// the route's Result (lib/http/result-response.ts); a refusal's words are the server's, in Dutch.
import type { DocumentView } from "@/lib/shared/documenten/documents";
import { NOT_SIGNED_IN_MESSAGE } from "@/lib/shared/result";

type UploadOutcome =
  | { kind: "stored"; document: DocumentView }
  | { kind: "refused"; message: string; fieldErrors: Partial<Record<string, string>> }
  | { kind: "failed"; message: string };

const FAILED = "Het uploaden is mislukt: de verbinding viel weg of de server brak het af. Er is niets opgeslagen; probeer het opnieuw.";

/** Sends `form` to `url`; `onProgress` gets the fraction sent (0–1). */
export function uploadDocument(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => resolve({ kind: "failed", message: FAILED });
    request.onabort = () => resolve({ kind: "failed", message: FAILED });
    request.onload = () => {
      const body = (request.response ?? {}) as { status?: string; data?: DocumentView; message?: string; fieldErrors?: Partial<Record<string, string>> };
      if (request.status === 200 && body.status === "ok" && body.data) {
        onProgress(1);
        resolve({ kind: "stored", document: body.data });
      } else if (request.status === 401) resolve({ kind: "refused", message: NOT_SIGNED_IN_MESSAGE, fieldErrors: {} });
      else if (request.status >= 500 || !body.message) resolve({ kind: "failed", message: FAILED });
      else resolve({ kind: "refused", message: body.message, fieldErrors: body.fieldErrors ?? {} });
    };
    request.send(form);
  });
}
