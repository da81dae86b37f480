// The forms and filters of messages: the preferences page (Mijn account › Berichten), one schema
// for the browser's resolver and the server, and the filter of Beheer › Berichten.
import * as z from "zod/mini";
import type { MessageKind, MessageStatus } from "@/lib/generated/prisma/enums";
import { CHOOSABLE_KINDS, MESSAGE_KIND } from "./kinds";

const DELIVERIES = ["DIRECT", "DAGELIJKS", "UIT"] as const;

const delivery = z.enum(DELIVERIES, { error: "Kies hoe u deze berichten wilt ontvangen." });

/** One choice per kind a user may choose for (CHOOSABLE_KINDS); security messages are not among them. */
export const ZMessagePreferencesSchema = z.strictObject(
  Object.fromEntries(CHOOSABLE_KINDS.map((kind) => [kind, delivery])) as Record<(typeof CHOOSABLE_KINDS)[number], typeof delivery>,
);
export type TMessagePreferences = z.infer<typeof ZMessagePreferencesSchema>;

export const MESSAGE_STATUS_LABEL: Record<MessageStatus, string> = {
  WACHTEND: "Wacht op verzending",
  GEBUNDELD: "Wacht op de dagelijkse samenvatting",
  VERZONDEN: "Verzonden",
  MISLUKT: "Mislukt",
};

export const MESSAGE_TRANSPORT_LABEL = {
  SMTP: "E-mail (SMTP)",
  POSTVAK: "Postvak in de applicatie (geen SMTP ingesteld)",
  SAMENVATTING: "In de dagelijkse samenvatting",
} as const;

const STATUSES = Object.keys(MESSAGE_STATUS_LABEL) as MessageStatus[];
const KINDS = Object.keys(MESSAGE_KIND) as MessageKind[];

// Filters in the address bar: a wrong value is ignored rather than refused.
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value);
const param = <T extends z.core.$ZodType>(schema: T) => z.pipe<z.ZodMiniTransform<unknown, unknown>, T>(z.transform(firstValue), schema);

export const ZMessageFilterSchema = z.object({
  status: param(z.catch(z.optional(z.enum(STATUSES)), undefined)),
  soort: param(z.catch(z.optional(z.enum(KINDS)), undefined)),
  pagina: param(z._default(z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1), 1)),
});
export type TMessageFilter = z.infer<typeof ZMessageFilterSchema>;
