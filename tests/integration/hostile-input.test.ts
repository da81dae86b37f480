// Hostile and malformed values in every form a server action takes, at the data layer the action
// hands them to (the actions only add who is acting): text with markup, SQL or unusual unicode is
// stored exactly as typed (pages and PDFs show it as text: e2e bad-input.spec.ts); control
// characters, half surrogate pairs, oversized values and wrong types are refused with a Dutch
// message and nothing is stored; ids, codes and slugs are refused or not found. Never an
// unexpected error. Elsewhere: route handlers in e2e bad-input.spec.ts, ids of other tenants in
// access-matrix.test.ts and beheer.test.ts, passwords and second-factor codes (hashed, never shown)
// in their own tests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "@/lib/shared/result";
import type { Actor } from "@/lib/access/actor";
import { createAccountLink } from "@/lib/beheer/account-links";
import { requestInvitation } from "@/lib/beheer/uitnodigingen";
import { removeOwnIdentityLink } from "@/lib/auth/oidc";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { createIdentityProvider, setIdentityProviderActive, updateIdentityProvider } from "@/lib/beheer/identiteitsproviders";
import { addGrant, createUser, deactivateUser, reactivateUser, removeGrant, updateUser } from "@/lib/beheer/gebruikers";
import { createGemeente, createRegio, renameGemeente, renameRegio } from "@/lib/beheer/organisatie";
import { seedDemoData } from "@/lib/demo/seed";
import { loadFrameworkVersion } from "@/lib/beheer/kaderversies";
import { createMeetronde, createRegionaleActie, updateRegionaleActie } from "@/lib/regio/mutations";
import { plainId } from "@/lib/shared/forms/text";
import { createActie, deleteActie, mergeActies, moveActie, proposeDraftActies, updateActie } from "@/lib/verbeterplan/mutations";
import { addComment } from "@/lib/zelfscan/comments";
import { reopenZelfscan, startZelfscan, submitZelfscan } from "@/lib/zelfscan/mutations";
import { actorFor, ROLES } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

/** Text that is odd but legitimate: stored exactly as typed. */
const STORED_AS_TEXT: Record<string, string> = {
  opmaak: `<img src=x onerror="window.__xss=1"><b>vet</b> <script>alert(1)</script>`,
  sql: `Robert'); DROP TABLE "Answer"; -- ' OR '1'='1`,
  unicode: "Zoë 👩🏽‍⚕️ e\u0301 \u200B Ελληνικά עברית مرحبا",
};

/** Never stored: refused with a Dutch message, whatever the field. */
const REFUSED: Record<string, unknown> = {
  "NUL-teken": "voor\u0000na",
  stuurteken: "bel\u0007",
  escapereeks: "\u001B[31mrood",
  "halve surrogaat": "half \uD800 teken",
  // Bidirectional controls: they would show the text (in the page, the PDF, the audit log) in
  // another order than it was typed.
  "bidi-override (RLO)": "Zoë \u202Eomgekeerd\u202C",
  "bidi-inbedding (LRE)": "tekst \u202Aingebed",
  "bidi-isolaat (RLI/PDI)": "tekst \u2067isolaat\u2069",
  "bidi-markering (RLM)": "tekst \u200F markering",
  "bidi-markering (ALM)": "tekst \u061C teken",
  "te lang": "x".repeat(100_000),
  getal: 42,
  lijst: ["a", "b"],
  object: { $ne: "" },
  null: null,
};

type Outcome = { status: "ok" } | { status: "refused"; message: string } | { status: "not-found" };

/** Every server action's mutation answers one shape, a Result (lib/shared/result.ts). */
async function outcomeOf(run: () => Promise<Result<unknown, unknown>>, label = ""): Promise<Outcome> {
  let result: Result<unknown, unknown>;
  try {
    result = await run();
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (result.status === "ok") return { status: "ok" };
  if (result.status === "invalid") return { status: "refused", message: [result.message, ...Object.values(result.fieldErrors)].join(" ") };
  if (result.status === "not-found") return { status: "not-found" };
  throw new Error(`${label}: onverwachte uitkomst ${JSON.stringify(result)}`);
}

/** One form of one server action: how to send a value in one field, and how to read it back. */
type Form = {
  action: string;
  /** Free-text fields (stored as typed) and fields that only take ids, codes, dates or slugs. */
  textFields: string[];
  otherFields: string[];
  /** Fields where null means "none" (a deadline not set). */
  nullable?: string[];
  send(field: string, value: unknown, attempt: number): Promise<Result<unknown, unknown>>;
  /** The stored value of the field after an accepted attempt. */
  read(field: string): Promise<unknown>;
  /** Put the target back in a state in which the next attempt can be accepted. */
  reset?(): Promise<void>;
};

describe.each(DATABASE_KINDS)("hostile input in every server action's form, on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<keyof typeof ROLES, Actor>;
  const forms: Form[] = [];

  /** Row counts of everything a form can write, the audit log included. */
  async function footprint() {
    const p = db.prisma;
    return Promise.all([
      p.verbeteractie.count(),
      p.comment.count(),
      p.regio.count(),
      p.gemeente.count(),
      p.user.count(),
      p.roleGrant.count(),
      p.meetronde.count(),
      p.regionaleActie.count(),
      p.regionaleActieGemeente.count(),
      p.frameworkVersion.count(),
      p.auditEntry.count(),
      p.invitationRequest.count(),
      p.identityProvider.count(),
      p.identityLink.count(),
    ]);
  }

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    const p = db.prisma;
    for (const role of Object.keys(ROLES) as (keyof typeof ROLES)[]) actors[role] = await actorFor(p, ROLES[role]);
    const delftScans = await p.zelfscan.findMany({ where: { gemeente: { slug: "delft" } } });
    const openScan = delftScans.find((scan) => scan.status !== "INGEDIEND")!;
    const submittedScan = delftScans.find((scan) => scan.status === "INGEDIEND")!;
    const haaglanden = await p.regio.findUniqueOrThrow({ where: { slug: "haaglanden" } });
    const delft = await p.gemeente.findUniqueOrThrow({ where: { slug: "delft" } });
    const delftUser = await p.user.findUniqueOrThrow({ where: { email: ROLES.officerDelft } });
    const newUser = await p.user.create({ data: { email: "zonder-rol@delft.example", name: "Zonder Rol" } });

    const actie = (overrides: Record<string, unknown>) => ({
      onderdeelIds: ["3a"],
      title: "Werkafspraken vastleggen",
      description: "",
      ownerKind: "extern",
      ownerId: null,
      ownerName: "",
      ownerRole: "",
      partners: [],
      deadline: null,
      status: "GEPLAND",
      priority: "MIDDEN",
      borging: "",
      doelscore: null,
      ...overrides,
    });
    const fieldOf = (field: string, value: unknown) => (field === "partners" ? { partners: [value] } : { [field]: value });
    const newestActie = () => p.verbeteractie.findFirstOrThrow({ where: { zelfscanId: openScan.id }, orderBy: { createdAt: "desc" } });
    forms.push({
      action: "verbeteractie toevoegen",
      textFields: ["title", "description", "ownerName", "ownerRole", "borging", "partners"],
      otherFields: ["onderdeelIds", "deadline", "status", "priority", "doelscore"],
      nullable: ["deadline", "doelscore"],
      send: (field, value) =>
        createActie(p, actors.officerDelft, {
          zelfscanId: openScan.id,
          actie: actie(field === "onderdeelIds" ? { onderdeelIds: [value] } : fieldOf(field, value)),
        }),
      read: async (field) => {
        const row = (await newestActie()) as unknown as Record<string, unknown>;
        return field === "partners" ? (row.partners as string[])[0] : row[field];
      },
    });

    const existing = await createActie(p, actors.officerDelft, { zelfscanId: openScan.id, actie: actie({ title: "Bestaande actie" }) });
    const existingId = existing.status === "ok" ? existing.data.id : "";
    forms.push({
      action: "verbeteractie wijzigen",
      textFields: ["title", "description"],
      otherFields: ["deadline"],
      nullable: ["deadline"],
      send: async (field, value) => {
        const { version } = await p.verbeteractie.findUniqueOrThrow({ where: { id: existingId } });
        return updateActie(p, actors.officerDelft, { actieId: existingId, version, actie: actie(fieldOf(field, value)) });
      },
      read: async (field) => ((await p.verbeteractie.findUniqueOrThrow({ where: { id: existingId } })) as unknown as Record<string, unknown>)[field],
    });

    forms.push({
      action: "opmerking plaatsen",
      textFields: ["body"],
      otherFields: [],
      send: (_field, value) => addComment(p, actors.leaderHaaglanden, { zelfscanId: submittedScan.id, onderdeelId: "4", values: { body: value } }),
      read: async () => (await p.comment.findFirstOrThrow({ where: { zelfscanId: submittedScan.id }, orderBy: { createdAt: "desc" } })).body,
    });

    forms.push({
      action: "zelfscan heropenen",
      textFields: ["reden"],
      otherFields: [],
      send: (_field, value) => reopenZelfscan(p, actors.leaderHaaglanden, { zelfscanId: submittedScan.id, values: { reden: value } }),
      read: async () => (await p.zelfscan.findUniqueOrThrow({ where: { id: submittedScan.id } })).reopenReason,
      reset: async () => {
        await p.zelfscan.update({ where: { id: submittedScan.id }, data: { status: "INGEDIEND" } });
      },
    });

    const provider = (overrides: Record<string, unknown>) => ({
      label: "Gemeente Delft",
      kind: "OIDC",
      issuer: "https://login.delft.example",
      tenantId: "",
      clientId: "zelfscan",
      clientSecret: "geheim",
      gemeenteIds: [delft.id],
      regioIds: [],
      mayBeheerders: false,
      ...overrides,
    });
    const newestProvider = () => p.identityProvider.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    forms.push({
      action: "identiteitsprovider aanmaken",
      textFields: ["label", "clientId"],
      otherFields: ["kind", "issuer", "tenantId", "gemeenteIds", "regioIds"],
      send: (field, value) => createIdentityProvider(p, actors.beheerder, { values: provider({ [field]: value }) }),
      read: async (field) => ((await newestProvider().catch(() => ({}))) as Record<string, unknown>)[field],
    });
    const edited = await createIdentityProvider(p, actors.beheerder, { values: provider({ label: "Te wijzigen" }) });
    if (edited.status !== "ok") throw new Error(edited.message);
    const editedProvider = edited.data.id;
    forms.push({
      action: "identiteitsprovider wijzigen",
      textFields: ["label", "clientId"],
      otherFields: ["kind", "issuer", "tenantId", "gemeenteIds", "regioIds"],
      send: (field, value) =>
        updateIdentityProvider(p, actors.beheerder, { providerId: editedProvider, values: provider({ clientSecret: "", [field]: value }) }),
      read: async (field) => ((await p.identityProvider.findUniqueOrThrow({ where: { id: editedProvider } })) as unknown as Record<string, unknown>)[field],
    });
    forms.push({
      action: "regio aanmaken",
      textFields: ["name"],
      otherFields: ["slug"],
      send: (field, value, attempt) => createRegio(p, actors.beheerder, { values: { name: "Regio Proef", slug: `regio-proef-${attempt}`, [field]: value } }),
      read: async (field) => ((await p.regio.findFirstOrThrow({ orderBy: { createdAt: "desc" } })) as unknown as Record<string, unknown>)[field],
    });
    forms.push({
      action: "regio hernoemen",
      textFields: ["name"],
      otherFields: [],
      send: (_field, value) => renameRegio(p, actors.beheerder, { regioId: haaglanden.id, values: { name: value } }),
      read: async () => (await p.regio.findUniqueOrThrow({ where: { id: haaglanden.id } })).name,
    });
    forms.push({
      action: "gemeente aanmaken",
      textFields: ["name"],
      otherFields: ["slug", "regioId"],
      send: (field, value, attempt) =>
        createGemeente(p, actors.beheerder, { values: { name: "Proefgemeente", slug: `proef-${attempt}`, regioId: haaglanden.id, [field]: value } }),
      read: async (field) => ((await p.gemeente.findFirstOrThrow({ orderBy: { createdAt: "desc" } })) as unknown as Record<string, unknown>)[field],
    });
    forms.push({
      action: "gemeente hernoemen",
      textFields: ["name"],
      otherFields: [],
      send: (_field, value) => renameGemeente(p, actors.beheerder, { gemeenteId: delft.id, values: { name: value } }),
      read: async () => (await p.gemeente.findUniqueOrThrow({ where: { id: delft.id } })).name,
    });
    forms.push({
      action: "gebruiker uitnodigen",
      textFields: ["name"],
      otherFields: ["email", "role", "gemeenteId"],
      send: (field, value, attempt) =>
        createUser(p, actors.beheerder, {
          values: { email: `proef-${attempt}@delft.example`, name: "Proef Persoon", role: "BELEIDSMEDEWERKER", gemeenteId: delft.id, [field]: value },
        }),
      read: async (field) => ((await p.user.findFirstOrThrow({ orderBy: { createdAt: "desc" } })) as unknown as Record<string, unknown>)[field],
    });
    forms.push({
      action: "uitnodiging aanvragen (projectleider)",
      textFields: ["name"],
      otherFields: ["email", "role", "gemeenteId"],
      send: (field, value, attempt) =>
        requestInvitation(p, actors.leaderHaaglanden, {
          values: { email: `aanvraag-${attempt}@delft.example`, name: "Proef Persoon", role: "BELEIDSMEDEWERKER", gemeenteId: delft.id, [field]: value },
        }),
      read: async (field) => ((await p.invitationRequest.findFirstOrThrow({ orderBy: { createdAt: "desc" } })) as unknown as Record<string, unknown>)[field],
    });
    forms.push({
      action: "gebruiker wijzigen",
      textFields: ["name"],
      otherFields: [],
      send: (_field, value) => updateUser(p, actors.beheerder, { userId: delftUser.id, values: { name: value } }),
      read: async () => (await p.user.findUniqueOrThrow({ where: { id: delftUser.id } })).name,
    });
    forms.push({
      action: "rol toekennen",
      textFields: [],
      otherFields: ["role", "gemeenteId", "regioId"],
      send: (field, value) =>
        addGrant(p, actors.beheerder, { userId: newUser.id, values: { role: "BELEIDSMEDEWERKER", gemeenteId: delft.id, [field]: value } }),
      read: async () => null,
    });

    forms.push({
      action: "meetronde aanmaken",
      textFields: ["name"],
      otherFields: ["startsOn", "deadline", "frameworkVersion"],
      send: (field, value, attempt) =>
        createMeetronde(p, actors.leaderHaaglanden, {
          regioSlug: "haaglanden",
          meetronde: { name: `Proefronde ${attempt}`, startsOn: "2027-01-01", deadline: "2027-03-01", frameworkVersion: "2019", [field]: value },
        }),
      read: async (field) => ((await p.meetronde.findFirstOrThrow({ orderBy: { createdAt: "desc" } })) as unknown as Record<string, unknown>)[field],
    });
    const regionaleActie = (field: string, value: unknown) => ({
      onderdeelIds: field === "onderdeelIds" ? [value] : ["3a"],
      title: "Regionale werkafspraken",
      description: "",
      ownerName: "",
      ownerRole: "",
      deadline: null,
      status: "GEPLAND",
      gemeenten: [{ gemeenteId: field === "gemeenteId" ? value : delft.id, accent: field === "accent" ? value : "" }],
      ...(["title", "description", "ownerName", "ownerRole", "deadline", "status"].includes(field) ? { [field]: value } : {}),
    });
    forms.push({
      action: "regionale actie toevoegen",
      textFields: ["title", "description", "ownerName", "ownerRole", "accent"],
      otherFields: ["onderdeelIds", "gemeenteId", "deadline", "status"],
      nullable: ["deadline"],
      send: (field, value) => createRegionaleActie(p, actors.leaderHaaglanden, { regioSlug: "haaglanden", actie: regionaleActie(field, value) }),
      read: async (field) => {
        const row = await p.regionaleActie.findFirstOrThrow({ orderBy: { createdAt: "desc" }, include: { gemeenten: true } });
        return field === "accent" ? row.gemeenten[0]!.accent : (row as unknown as Record<string, unknown>)[field];
      },
    });
    const made = await createRegionaleActie(p, actors.leaderHaaglanden, {
      regioSlug: "haaglanden",
      actie: regionaleActie("title", "Bestaande regionale actie"),
    });
    const regionalId = made.status === "ok" ? made.data.id : "";
    forms.push({
      action: "regionale actie wijzigen",
      textFields: ["title", "accent"],
      otherFields: [],
      send: async (field, value) => {
        const { version } = await p.regionaleActie.findUniqueOrThrow({ where: { id: regionalId } });
        return updateRegionaleActie(p, actors.leaderHaaglanden, { actieId: regionalId, version, actie: regionaleActie(field, value) });
      },
      read: async (field) => {
        const row = await p.regionaleActie.findUniqueOrThrow({ where: { id: regionalId }, include: { gemeenten: true } });
        return field === "accent" ? row.gemeenten[0]!.accent : (row as unknown as Record<string, unknown>)[field];
      },
    });
    forms.push({
      action: "kaderversie laden",
      textFields: [],
      otherFields: ["version"],
      send: (_field, value) => loadFrameworkVersion(p, actors.beheerder, { version: value }),
      read: async () => null,
    });

    forms.push({
      // The public "Wachtwoord vergeten?" form: nobody is signed in, only an address is typed.
      action: "wachtwoord vergeten",
      textFields: [],
      otherFields: ["email"],
      send: (field, value) => requestPasswordReset(p, { [field]: value }, { ip: "192.0.2.77" }),
      read: async () => null,
    });
  });
  afterAll(() => db?.drop());

  it("stores markup, SQL and unusual unicode in free text exactly as typed", async () => {
    let attempt = 0;
    for (const form of forms) {
      for (const field of form.textFields) {
        for (const [name, value] of Object.entries(STORED_AS_TEXT)) {
          const label = `${form.action}, ${field}, ${name}`;
          await form.reset?.();
          expect(await outcomeOf(() => form.send(field, value, ++attempt), label), label).toEqual({ status: "ok" });
          expect(await form.read(field), label).toBe(value);
        }
      }
    }
  });

  it("refuses control characters, half surrogates, oversized values and wrong types with a Dutch message, and stores nothing", async () => {
    let attempt = 1000;
    for (const form of forms) {
      for (const field of [...form.textFields, ...form.otherFields]) {
        for (const [name, value] of Object.entries(REFUSED)) {
          if (value === null && form.nullable?.includes(field)) continue;
          const label = `${form.action}, ${field}, ${name}`;
          await form.reset?.();
          const before = await footprint();
          const stored = await form.read(field);
          const outcome = await outcomeOf(() => form.send(field, value, ++attempt), label);
          // A field that takes an id may also answer "not found": an unknown id tells nothing either way.
          expect(
            outcome.status === "refused" || (form.otherFields.includes(field) && outcome.status === "not-found"),
            `${label}: ${JSON.stringify(outcome)}`,
          ).toBe(true);
          if (outcome.status === "refused") {
            expect(outcome.message, label).toMatch(/[a-z]{3}/);
            if (name.startsWith("bidi") && form.textFields.includes(field)) expect(outcome.message, label).toContain("leesrichting");
            expect(outcome.message, label).not.toMatch(/Invalid|Expected|received|Too (big|small)|Unrecognized/);
          }
          expect(await footprint(), label).toEqual(before);
          expect(await form.read(field), label).toEqual(stored);
        }
      }
    }
  }, 240_000);

  it("refuses markup, SQL and unicode where only an id, code, date or slug fits, and stores nothing", async () => {
    let attempt = 2000;
    for (const form of forms) {
      for (const field of form.otherFields) {
        for (const [name, value] of Object.entries(STORED_AS_TEXT)) {
          const label = `${form.action}, ${field}, ${name}`;
          await form.reset?.();
          const before = await footprint();
          const outcome = await outcomeOf(() => form.send(field, value, ++attempt), label);
          expect(["refused", "not-found"], `${label}: ${JSON.stringify(outcome)}`).toContain(outcome.status);
          expect(await footprint(), label).toEqual(before);
        }
      }
    }
  });

  it("turns any id a server action gets back from the browser into one the data layer does not find, and stores nothing", async () => {
    const p = db.prisma;
    const [officer, leader, beheerder] = [actors.officerDelft, actors.leaderHaaglanden, actors.beheerder];
    const user = (await p.user.findUniqueOrThrow({ where: { email: ROLES.officerDelft } })).id;
    for (const hostile of ["a\u0000b", "\u0000", `${"x".repeat(200)}`, "half\uD800", 42, null, ["a"]]) {
      const id = plainId(hostile);
      // The beheer and account mutations parse their ids themselves (lib/actions/mutation.ts): they get the value as sent.
      const raw = hostile as string;
      const calls: [string, () => Promise<Result<unknown, unknown>>][] = [
        ["verbeteractie toevoegen", () => createActie(p, officer, { zelfscanId: id, actie: {} })],
        ["verbeteractie wijzigen", () => updateActie(p, officer, { actieId: id, version: 0, actie: {} })],
        ["verbeteractie verwijderen", () => deleteActie(p, officer, { actieId: id })],
        ["verbeteractie verplaatsen", () => moveActie(p, officer, { actieId: id, direction: "up" })],
        [
          "verbeteracties samenvoegen",
          () =>
            mergeActies(p, officer, {
              acties: [
                { id, version: 0 },
                { id: plainId("b\u0000"), version: 0 },
              ],
            }),
        ],
        ["conceptacties voorstellen", () => proposeDraftActies(p, officer, { zelfscanId: id })],
        ["zelfscan starten", () => startZelfscan(p, officer, { gemeenteId: id, meetrondeId: id, carryOver: false })],
        ["zelfscan indienen", () => submitZelfscan(p, officer, { zelfscanId: id })],
        ["zelfscan heropenen", () => reopenZelfscan(p, leader, { zelfscanId: id, values: { reden: "Een geldige reden." } })],
        ["opmerking plaatsen", () => addComment(p, leader, { zelfscanId: id, onderdeelId: id, parentId: id, values: { body: "Vraag" } })],
        ["regio hernoemen", () => renameRegio(p, beheerder, { regioId: raw, values: { name: "Naam" } })],
        ["gemeente hernoemen", () => renameGemeente(p, beheerder, { gemeenteId: raw, values: { name: "Naam" } })],
        ["gebruiker wijzigen", () => updateUser(p, beheerder, { userId: raw, values: { name: "Naam" } })],
        ["rol toekennen", () => addGrant(p, beheerder, { userId: raw, values: { role: "BEHEERDER" } })],
        ["rol intrekken", () => removeGrant(p, beheerder, { userId: user, grantId: raw })],
        ["gebruiker deactiveren", () => deactivateUser(p, beheerder, { userId: raw })],
        ["gebruiker activeren", () => reactivateUser(p, beheerder, { userId: raw })],
        ["link maken", () => createAccountLink(p, beheerder, { userId: raw, purpose: "WACHTWOORD_HERSTEL" })],
        ["identiteitsprovider (de)activeren", () => setIdentityProviderActive(p, beheerder, { providerId: raw, active: false })],
        ["koppeling verwijderen", () => removeOwnIdentityLink(p, officer, { linkId: raw })],
      ];
      for (const [action, call] of calls) {
        const label = `${action}, ${JSON.stringify(hostile)}`;
        const before = await footprint();
        const outcome = await outcomeOf(call, label);
        expect(["not-found", "refused"], `${label}: ${JSON.stringify(outcome)}`).toContain(outcome.status);
        expect(await footprint(), label).toEqual(before);
      }
    }
  });
});
