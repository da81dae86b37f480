// The comment threads of one item of a scan: the project leader's remarks and the gemeente's answers.
import { formatDateTime } from "@/lib/shared/format";
import type { Result } from "@/lib/shared/result";
import type { TComment } from "@/lib/shared/zelfscan/comment-schema";
import type { CommentView } from "@/lib/zelfscan/queries";
import { CommentForm } from "./CommentForm";

export function CommentThreads({
  onderdeelId,
  threads,
  mayStart,
  mayAnswer,
  actionFor,
}: {
  onderdeelId: string;
  threads: CommentView[];
  mayStart: boolean;
  mayAnswer: boolean;
  actionFor: (parentId: string | null) => (values: TComment) => Promise<Result<unknown>>;
}) {
  if (threads.length === 0 && !mayStart) return null;
  return (
    <div className="mt-3 space-y-3 border-l-4 border-slate-300 pl-3">
      {threads.map((thread) => (
        <div key={thread.id} className="space-y-2">
          <p className="text-sm font-semibold">
            Opmerking van {thread.author}, {formatDateTime(thread.createdAt)}
          </p>
          <p className="whitespace-pre-line">{thread.body}</p>
          {thread.replies.map((reply) => (
            <div key={reply.id} className="ml-4 space-y-1">
              <p className="text-sm font-semibold">
                Antwoord van {reply.author}, {formatDateTime(reply.createdAt)}
              </p>
              <p className="whitespace-pre-line">{reply.body}</p>
            </div>
          ))}
          {mayAnswer && (
            <details className="ml-4">
              <summary className="cursor-pointer text-brand-800 underline">Beantwoorden</summary>
              <CommentForm
                id={`antwoord-${thread.id}`}
                label={`Uw antwoord op de opmerking bij ${onderdeelId}`}
                submitLabel="Antwoord plaatsen"
                action={actionFor(thread.id)}
              />
            </details>
          )}
        </div>
      ))}
      {mayStart && (
        <details>
          <summary className="cursor-pointer text-brand-800 underline">Opmerking plaatsen bij {onderdeelId}</summary>
          <CommentForm id={`opmerking-${onderdeelId}`} label={`Uw opmerking bij ${onderdeelId}`} submitLabel="Opmerking plaatsen" action={actionFor(null)} />
        </details>
      )}
    </div>
  );
}
