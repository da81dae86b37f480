// The kinds of e-mail the application sends, with their Dutch labels for the preferences page
// ("Mijn account" › Berichten) and Beheer › Berichten. Security messages (an invitation, a reset
// link, a notice that a password, second factor or identity link changed) always go at once and
// have no unsubscribe link; every other kind follows the recipient's choice: immediately, in the
// daily digest, or not at all.
import type { MessageDelivery, MessageKind } from "@/lib/generated/prisma/enums";

export type { MessageDelivery, MessageKind };

export const MESSAGE_KIND = {
  UITNODIGING: { label: "Uitnodiging voor een account", security: true },
  WACHTWOORD_HERSTEL: { label: "Link om uw wachtwoord opnieuw in te stellen", security: true },
  BEVEILIGING: { label: "Melding: wachtwoord, tweede factor of koppeling gewijzigd", security: true },
  MEETRONDE_GEOPEND: { label: "Een meetronde is geopend", security: false },
  HERINNERING: { label: "Herinnering: de deadline van de zelfscan nadert", security: false },
  ZELFSCAN_INGEDIEND: { label: "Een gemeente heeft haar zelfscan ingediend", security: false },
  ZELFSCAN_HEROPEND: { label: "Uw zelfscan is heropend", security: false },
  REACTIE: { label: "Een nieuwe opmerking of reactie", security: false },
  ACTIE_TERMIJN: { label: "De termijn van een verbeteractie nadert of is verstreken", security: false },
  SAMENVATTING: { label: "Dagelijkse samenvatting", security: false },
  TOEWIJZING: { label: "Er is een onderdeel aan u toegewezen", security: false },
  TOEWIJZING_TERMIJN: { label: "De termijn van een toegewezen onderdeel nadert", security: false },
} as const satisfies Record<MessageKind, { label: string; security: boolean }>;

/** The kinds a user chooses a delivery for (the digest itself is not one of them). */
export const CHOOSABLE_KINDS = (Object.keys(MESSAGE_KIND) as MessageKind[]).filter((kind) => !MESSAGE_KIND[kind].security && kind !== "SAMENVATTING");

export const DELIVERY_LABEL: Record<MessageDelivery, string> = {
  DIRECT: "Direct",
  DAGELIJKS: "In de dagelijkse samenvatting",
  UIT: "Niet ontvangen",
};

export const isSecurityKind = (kind: MessageKind): boolean => MESSAGE_KIND[kind].security;
