// The message of a verbeteractie's deadline, to the account that owns it: 14 days before, and once
// it has passed. It names the gemeente, the action's title and deadline, and gives one link to the
// plan; no description, note or score.
import "server-only";
import { formatDate } from "@/lib/shared/format";
import type { ActieTermijn } from "../reminder-rule";
import type { MessageBody } from "../layout";

type Named = { name: string };

const openPlan = (gemeente: Named) => `Open het verbeterplan van gemeente ${gemeente.name}`;

export function actieTermijnMessage(input: {
  recipient: Named;
  termijn: ActieTermijn;
  actie: { title: string; deadline: Date };
  gemeente: Named;
  regio: Named;
  url: string;
}): MessageBody {
  const { actie, gemeente, termijn } = input;
  const deadline = formatDate(actie.deadline);
  return {
    subject:
      termijn === "verstreken"
        ? `De deadline van de verbeteractie “${actie.title}” is verstreken`
        : `Over 14 dagen: de deadline van de verbeteractie “${actie.title}”`,
    context: `Gemeente ${gemeente.name} · regio ${input.regio.name}`,
    greeting: `Beste ${input.recipient.name},`,
    paragraphs: [
      termijn === "verstreken"
        ? `De deadline van de verbeteractie “${actie.title}” van gemeente ${gemeente.name} was ${deadline}, en de actie is nog niet afgerond.`
        : `De deadline van de verbeteractie “${actie.title}” van gemeente ${gemeente.name} is ${deadline}.`,
      "U bent de eigenaar van deze actie. Meld in het verbeterplan hoe het ervoor staat.",
    ],
    action: { label: openPlan(gemeente), url: input.url },
  };
}
