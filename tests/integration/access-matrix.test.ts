// Every role against every kind of scoped resource and operation of the data layer. Each cell is
// asserted; a wrong "yes" is a leak, a wrong "no" a broken feature.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { changeOwnPassword, SIGNED_OUT_MESSAGE } from "@/lib/auth/password-change";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { listOwnIdentityLinks, removeOwnIdentityLink } from "@/lib/auth/oidc";
import {
  createIdentityProvider,
  getIdentityProvider,
  listIdentityProviders,
  setIdentityProviderActive,
  updateIdentityProvider,
} from "@/lib/beheer/identiteitsproviders";
import { createAccountLink } from "@/lib/beheer/account-links";
import { decideInvitation, listOpenInvitations, requestInvitation } from "@/lib/beheer/uitnodigingen";
import { getMessage, listMessages, retryFailedMessages, retryMessage } from "@/lib/beheer/berichten";
import { queueMessage } from "@/lib/mail/outbox";
import { getOwnPreferences, updateOwnPreferences } from "@/lib/mail/preferences";
import { CHOOSABLE_KINDS } from "@/lib/shared/mail/kinds";
import { ZMessageFilterSchema } from "@/lib/shared/mail/schemas";
import { getDashboard } from "@/lib/dashboard/queries";
import { seedDemoData } from "@/lib/demo/seed";
import { getGemeenteOntwikkeling, getGemeenteOverview } from "@/lib/gemeente/queries";
import { appointCoordinator, deactivateColleague, getTeam, inviteColleague, renewColleagueInvitation } from "@/lib/gemeente/team";
import { getRegioPrognose } from "@/lib/regio/analysis";
import { getRegioOverview } from "@/lib/regio/queries";
import { getLandelijkeExport } from "@/lib/landelijk/export";
import { getLandelijkeVerdeling } from "@/lib/landelijk/queries";
import { exportZelfscan, getZelfscan } from "@/lib/zelfscan/queries";
import { notFound, ok } from "@/lib/shared/result";
import { actorFor, ROLES, type RoleName } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { assignOnderdelen, listAssignments, reassignOnderdelen, setOnlyAssigneesEdit, unassign, updateAssignment } from "@/lib/zelfscan/assignments";
import { getActivity } from "@/lib/zelfscan/activity";
import { submitZelfscan } from "@/lib/zelfscan/mutations";
import { getMijnTaken } from "@/lib/taken/queries";
import { reportVoortgang, updateActie } from "@/lib/verbeterplan/mutations";
import { downloadVersion } from "@/lib/documenten/download";
import { deleteDocument, linkDocument, unlinkDocument, updateDocumentMeta } from "@/lib/documenten/mutations";
import { uploadDocument, uploadVersion } from "@/lib/documenten/upload";
import type { DocumentView } from "@/lib/shared/documenten/documents";
import { fixtures } from "../support/document-fixtures";
import { multipartRequest } from "../support/route-requests";
import { leernetwerkFixture } from "../support/leernetwerk";
import { setVoorbeeldenDelen } from "@/lib/leernetwerk/delen";
import { downloadVoorbeeldDocument, getVoorbeeldenVoorRegio, getVoorbeeldenVoorScan } from "@/lib/leernetwerk/queries";

// The documents' files (the matrix of evidence documents below) go to a folder of this file's own.
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "access-matrix-"));
delete process.env.S3_ENDPOINT;
delete process.env.CLAMAV_HOST;

/** Whether a call went through: a read that answers null, or a mutation that answers anything but ok, is a refusal. */
function wentThrough(result: unknown): boolean {
  return result !== null && (typeof result !== "object" || !("status" in result) || result.status === "ok");
}

type Ids = { delftScan: string; rijswijkScan: string; alphenScan: string };

const RESOURCES = [
  "gemeente Delft",
  "gemeente Rijswijk",
  "gemeente Leiden",
  "zelfscan Delft",
  "zelfscan Rijswijk",
  "zelfscan Alphen",
  "export zelfscan Delft",
  "export zelfscan Alphen",
  "regio Haaglanden",
  "regio Hollands Midden",
  "ontwikkeling gemeente Delft",
  "ontwikkeling gemeente Leiden",
  "landelijke verdeling",
  "export landelijk",
] as const;
type Resource = (typeof RESOURCES)[number];

// true = may read. Officers: their own gemeente; leaders: every gemeente of their region; the
// beheerder: no scan content at all.
const EXPECTED: Record<RoleName, Resource[]> = {
  officerDelft: ["gemeente Delft", "zelfscan Delft", "export zelfscan Delft", "ontwikkeling gemeente Delft"],
  officerRijswijk: ["gemeente Rijswijk", "zelfscan Rijswijk"],
  officerLeiden: ["gemeente Leiden", "ontwikkeling gemeente Leiden"],
  leaderHaaglanden: [
    "gemeente Delft",
    "gemeente Rijswijk",
    "zelfscan Delft",
    "zelfscan Rijswijk",
    "export zelfscan Delft",
    "regio Haaglanden",
    "ontwikkeling gemeente Delft",
  ],
  leaderHollandsMidden: ["gemeente Leiden", "zelfscan Alphen", "export zelfscan Alphen", "regio Hollands Midden", "ontwikkeling gemeente Leiden"],
  beheerder: [],
  // The national team: only the suppressed national aggregate and its exports (lib/landelijk).
  landelijk: ["landelijke verdeling", "export landelijk"],
};

async function canRead(db: TestDatabase, actor: Actor, resource: Resource, ids: Ids): Promise<boolean> {
  const p = db.prisma;
  switch (resource) {
    case "gemeente Delft":
      return (await getGemeenteOverview(p, actor, "delft")) !== null;
    case "gemeente Rijswijk":
      return (await getGemeenteOverview(p, actor, "rijswijk")) !== null;
    case "gemeente Leiden":
      return (await getGemeenteOverview(p, actor, "leiden")) !== null;
    case "zelfscan Delft":
      return (await getZelfscan(p, actor, ids.delftScan)) !== null;
    case "zelfscan Rijswijk":
      return (await getZelfscan(p, actor, ids.rijswijkScan)) !== null;
    case "zelfscan Alphen":
      return (await getZelfscan(p, actor, ids.alphenScan)) !== null;
    case "export zelfscan Delft":
      return (await exportZelfscan(p, actor, ids.delftScan, "json")) !== null;
    case "export zelfscan Alphen":
      return (await exportZelfscan(p, actor, ids.alphenScan, "json")) !== null;
    case "regio Haaglanden":
      return (await getRegioOverview(p, actor, "haaglanden")) !== null;
    case "regio Hollands Midden":
      return (await getRegioOverview(p, actor, "hollands-midden")) !== null;
    case "ontwikkeling gemeente Delft":
      return (await getGemeenteOntwikkeling(p, actor, "delft")) !== null;
    case "ontwikkeling gemeente Leiden":
      return (await getGemeenteOntwikkeling(p, actor, "leiden")) !== null;
    case "landelijke verdeling":
      return (await getLandelijkeVerdeling(p, actor, {})) !== null;
    case "export landelijk":
      return (await getLandelijkeExport(p, actor, { format: "csv" })) !== null;
  }
}

describe.each(DATABASE_KINDS)("access matrix of the data layer on the %s database", (kind) => {
  let db: TestDatabase;
  let ids: Ids;
  const actors = {} as Record<RoleName, Actor>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    const scanOf = (slug: string, meetronde: string) =>
      db.prisma.zelfscan.findFirstOrThrow({ where: { gemeente: { slug }, meetronde: { name: meetronde } } }).then((scan) => scan.id);
    ids = {
      delftScan: await scanOf("delft", "Nulmeting 2021"),
      rijswijkScan: await scanOf("rijswijk", "Nulmeting 2021"),
      alphenScan: await scanOf("alphen-aan-den-rijn", "Zelfscan 2026"),
    };
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
  });
  afterAll(async () => {
    await db.drop();
  });

  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: reads exactly what the matrix allows`, async () => {
      const readable: Resource[] = [];
      for (const resource of RESOURCES) if (await canRead(db, actors[role], resource, ids)) readable.push(resource);
      expect(readable).toEqual(EXPECTED[role]);
    });
  }

  // Changing a password: every role may change its own (with the current password), nobody anyone
  // else's. The demo accounts keep their published password, so each role acts through an account
  // of its own with the same grants.
  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: changes its own password and nobody else's`, async () => {
      const [own, other] = await Promise.all(
        ["eigen", "ander"].map(async (which) =>
          db.prisma.user.create({
            data: {
              email: `${which}-${role.toLowerCase()}@matrix.example`,
              name: `${which} ${role}`,
              passwordHash: await hashPassword("het oude wachtwoord van hier"),
              roles: { create: actors[role].grants.map((grant) => ({ role: grant.role, gemeenteId: grant.gemeenteId, regioId: grant.regioId })) },
            },
          }),
        ),
      );
      const values = {
        currentPassword: "het oude wachtwoord van hier",
        password: "een nieuw wachtwoord van hier",
        passwordConfirm: "een nieuw wachtwoord van hier",
      };
      const ownSession = await createSession(db.prisma, { userId: own!.id, method: "password", mfaSatisfied: true });
      // Someone else's account through one's own session: refused, nothing changed.
      expect(await changeOwnPassword(db.prisma, { userId: other!.id, sessionId: ownSession }, values)).toEqual(notFound(SIGNED_OUT_MESSAGE));
      expect(await changeOwnPassword(db.prisma, { userId: own!.id, sessionId: ownSession }, values)).toEqual(
        ok({ otherSessionsEnded: 0 }, "Uw wachtwoord is gewijzigd."),
      );
      const [ownAfter, otherAfter] = await Promise.all([own!, other!].map((user) => db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })));
      expect(await verifyPassword(ownAfter!.passwordHash!, "een nieuw wachtwoord van hier")).toBe(true);
      expect(await verifyPassword(otherAfter!.passwordHash!, "het oude wachtwoord van hier")).toBe(true);
    });
  }

  it("an id that does not exist is simply not found, and an existing one outside the scope is logged", async () => {
    const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd" } });
    expect(await getZelfscan(db.prisma, actors.officerRijswijk, "bestaat-niet")).toBeNull();
    expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd" } })).toBe(before);
    expect(await getZelfscan(db.prisma, actors.officerRijswijk, ids.delftScan)).toBeNull();
    const refused = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "toegang.geweigerd" }, orderBy: { at: "desc" } });
    expect(refused).toMatchObject({ actorId: actors.officerRijswijk.userId, targetType: "Zelfscan", targetId: ids.delftScan });
  });

  it("only the gemeente's own officers may edit its scan; leaders may lead their region", async () => {
    const delftOpen = await db.prisma.zelfscan.findFirstOrThrow({ where: { gemeente: { slug: "delft" }, meetronde: { name: "Herhaalmeting 2026" } } });
    expect((await getZelfscan(db.prisma, actors.officerDelft, delftOpen.id))?.mayEdit).toBe(true);
    expect((await getZelfscan(db.prisma, actors.leaderHaaglanden, delftOpen.id))?.mayEdit).toBe(false);
    expect((await getZelfscan(db.prisma, actors.leaderHaaglanden, delftOpen.id))?.mayLead).toBe(true);
    // A submitted scan is locked for its officers too.
    expect((await getZelfscan(db.prisma, actors.officerDelft, ids.delftScan))?.mayEdit).toBe(false);
  });

  it("the dashboard shows each user their own gemeenten and regions only", async () => {
    const names = async (role: RoleName) => {
      const dashboard = await getDashboard(db.prisma, actors[role]);
      return { gemeenten: dashboard.gemeenten.map((g) => g.name), regios: dashboard.regios.map((r) => r.name), beheer: dashboard.isBeheerder };
    };
    expect(await names("officerDelft")).toEqual({ gemeenten: ["Delft"], regios: [], beheer: false });
    expect(await names("officerLeiden")).toEqual({ gemeenten: ["Leiden"], regios: [], beheer: false });
    expect(await names("leaderHaaglanden")).toEqual({ gemeenten: [], regios: ["Haaglanden"], beheer: false });
    expect(await names("beheerder")).toEqual({ gemeenten: [], regios: [], beheer: true });
  });

  it("a user with two scopes sees both", async () => {
    const leiden = await db.prisma.gemeente.findUniqueOrThrow({ where: { slug: "leiden" } });
    const both: Actor = {
      ...actors.officerDelft,
      grants: [...actors.officerDelft.grants, { role: "BELEIDSMEDEWERKER", gemeenteId: leiden.id, regioId: null }],
    };
    expect(await getGemeenteOverview(db.prisma, both, "delft")).not.toBeNull();
    expect(await getGemeenteOverview(db.prisma, both, "leiden")).not.toBeNull();
    expect(await getGemeenteOverview(db.prisma, both, "rijswijk")).toBeNull();
  });
});

// Identity providers (issue 12): only beheerders configure them; a user sees and removes only
// their own links.
describe.each(DATABASE_KINDS)("access matrix of identity providers and links on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  let providerId: string;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    const regio = await db.prisma.regio.findUniqueOrThrow({ where: { slug: "haaglanden" } });
    const made = await createIdentityProvider(db.prisma, actors.beheerder, {
      values: {
        label: "Haaglanden",
        kind: "OIDC",
        issuer: "https://idp.example",
        clientId: "c",
        clientSecret: "s",
        gemeenteIds: [],
        regioIds: [regio.id],
        mayBeheerders: false,
      },
    });
    if (made.status !== "ok") throw new Error(made.message);
    providerId = made.data.id;
    const delft = await db.prisma.user.findUniqueOrThrow({ where: { email: ROLES.officerDelft } });
    await db.prisma.identityLink.create({ data: { id: "link-delft", userId: delft.id, providerId, subject: "oidc:https://idp.example#delft" } });
  });
  afterAll(async () => {
    await db.drop();
  });

  const input = () => ({
    label: "Nieuw",
    kind: "OIDC",
    issuer: "https://idp2.example",
    clientId: "c",
    clientSecret: "s",
    gemeenteIds: [],
    regioIds: [],
    mayBeheerders: true,
  });
  const allowed = async (operation: Promise<unknown>) => wentThrough(await operation);

  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: ${role === "beheerder" ? "configures" : "cannot list, create, edit or deactivate"} identity providers`, async () => {
      const actor = actors[role];
      const results = [
        await allowed(listIdentityProviders(db.prisma, actor)),
        await allowed(getIdentityProvider(db.prisma, actor, providerId)),
        await allowed(updateIdentityProvider(db.prisma, actor, { providerId, values: { ...input(), label: "Haaglanden", regioIds: [] } })),
        await allowed(setIdentityProviderActive(db.prisma, actor, { providerId, active: true })),
        await allowed(createIdentityProvider(db.prisma, actor, { values: input() })),
      ];
      expect(results).toEqual(Array(5).fill(role === "beheerder"));
    });
  }

  it("every user sees only their own links and may remove only those", async () => {
    for (const role of Object.keys(ROLES) as RoleName[]) {
      const own = await listOwnIdentityLinks(db.prisma, actors[role]);
      expect(own.map((link) => link.id)).toEqual(role === "officerDelft" ? ["link-delft"] : []);
      if (role !== "officerDelft") expect(await removeOwnIdentityLink(db.prisma, actors[role], { linkId: "link-delft" })).toEqual(notFound());
    }
    expect(await db.prisma.identityLink.count({ where: { id: "link-delft" } })).toBe(1);
    expect(await removeOwnIdentityLink(db.prisma, actors.officerDelft, { linkId: "link-delft" })).toMatchObject({ status: "ok" });
  });
});

// Account actions (issue 12, point 2): who may set someone's password through a link, and who
// decides on a project leader's invitation. A wrong "yes" here is an account takeover.
const ACCOUNT_ACTIONS = [
  "resetlink voor beleidsmedewerker Delft",
  "uitnodigingslink voor account met wachtwoord",
  "uitnodigingslink voor Rijswijk zonder wachtwoord",
  "uitnodiging aanvragen voor Rijswijk",
  "open uitnodigingen bekijken",
  "uitnodiging goedkeuren",
  "uitnodiging afwijzen",
] as const;
type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

const ACCOUNT_EXPECTED: Record<RoleName, AccountAction[]> = {
  officerDelft: [],
  officerRijswijk: [],
  officerLeiden: [],
  leaderHaaglanden: ["uitnodigingslink voor Rijswijk zonder wachtwoord", "uitnodiging aanvragen voor Rijswijk"],
  leaderHollandsMidden: [],
  beheerder: [
    "resetlink voor beleidsmedewerker Delft",
    "uitnodigingslink voor account met wachtwoord",
    "uitnodigingslink voor Rijswijk zonder wachtwoord",
    "open uitnodigingen bekijken",
    "uitnodiging goedkeuren",
    "uitnodiging afwijzen",
  ],
  landelijk: [],
};

describe.each(DATABASE_KINDS)("access matrix of the account actions on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  let delftOfficer = "";
  let rijswijk = "";

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    delftOfficer = (await db.prisma.user.findUniqueOrThrow({ where: { email: ROLES.officerDelft } })).id;
    rijswijk = (await db.prisma.gemeente.findUniqueOrThrow({ where: { slug: "rijswijk" } })).id;
  });
  afterAll(async () => {
    await db.drop();
  });

  const allowed = async (call: Promise<unknown>) => wentThrough(await call);

  async function may(role: RoleName, action: AccountAction): Promise<boolean> {
    const p = db.prisma;
    const actor = actors[role];
    const fresh = async () =>
      (
        await p.user.create({
          data: {
            email: `zonder-wachtwoord-${role}-${Date.now()}@rijswijk.example`,
            name: "Zonder Wachtwoord",
            roles: { create: { role: "BELEIDSMEDEWERKER", gemeenteId: rijswijk } },
          },
        })
      ).id;
    const openRequest = async () =>
      (
        await p.invitationRequest.create({
          data: {
            email: `verzoek-${role}-${action.length}@rijswijk.example`,
            name: "Verzoek",
            gemeenteId: rijswijk,
            createdById: actors.leaderHaaglanden.userId,
          },
        })
      ).id;
    switch (action) {
      case "resetlink voor beleidsmedewerker Delft":
        return allowed(createAccountLink(p, actor, { userId: delftOfficer, purpose: "WACHTWOORD_HERSTEL" }));
      case "uitnodigingslink voor account met wachtwoord":
        return allowed(createAccountLink(p, actor, { userId: delftOfficer, purpose: "UITNODIGING" }));
      case "uitnodigingslink voor Rijswijk zonder wachtwoord":
        return allowed(createAccountLink(p, actor, { userId: await fresh(), purpose: "UITNODIGING" }));
      case "uitnodiging aanvragen voor Rijswijk":
        return allowed(
          requestInvitation(p, actor, {
            values: { email: `aanvraag-${role}@rijswijk.example`, name: "Aanvraag", role: "BELEIDSMEDEWERKER", gemeenteId: rijswijk },
          }),
        );
      case "open uitnodigingen bekijken":
        return allowed(listOpenInvitations(p, actor));
      case "uitnodiging goedkeuren":
        return allowed(decideInvitation(p, actor, { requestId: await openRequest(), decision: "goedkeuren" }));
      case "uitnodiging afwijzen":
        return allowed(decideInvitation(p, actor, { requestId: await openRequest(), decision: "afwijzen" }));
    }
  }

  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: may do exactly the account actions the matrix allows, and every refusal is audited`, async () => {
      const done: AccountAction[] = [];
      for (const action of ACCOUNT_ACTIONS) {
        const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actors[role].userId } });
        if (await may(role, action)) done.push(action);
        else expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actors[role].userId } }), action).toBeGreaterThan(before);
      }
      expect(done).toEqual(ACCOUNT_EXPECTED[role]);
    });
  }
});

// The outbox (issue 14): Beheer › Berichten is the beheerder's alone; officers and leaders can
// neither list, read nor retry messages, also not their own. Preferences are everyone's own.
const MESSAGE_ACTIONS = ["berichten bekijken", "bericht lezen", "mislukt bericht opnieuw versturen", "alle mislukte opnieuw versturen"] as const;

describe.each(DATABASE_KINDS)("access matrix of the outbox and message preferences on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
  });
  afterAll(async () => {
    await db.drop();
  });

  /** A failed message to the role itself: being its recipient gives no access to the outbox. */
  const failedMessageTo = async (role: RoleName, tag: string) => {
    const actor = actors[role];
    const id = await db.prisma.$transaction((tx) =>
      queueMessage(tx, {
        kind: "ZELFSCAN_INGEDIEND",
        dedupeKey: `matrix-${tag}:${role}`,
        to: { id: actor.userId, email: actor.email },
        body: {
          subject: "Matrix",
          context: "Regio Haaglanden",
          greeting: "Beste collega,",
          paragraphs: ["Tekst."],
          action: { label: "Open", url: "http://localhost/" },
        },
      }),
    );
    await db.prisma.message.update({ where: { id: id! }, data: { status: "MISLUKT" } });
    return id!;
  };

  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: ${role === "beheerder" ? "lists, reads and retries" : "cannot list, read or retry"} messages, and every refusal is audited`, async () => {
      const actor = actors[role];
      const results: Record<string, boolean> = {};
      for (const action of MESSAGE_ACTIONS) {
        const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } });
        const id = await failedMessageTo(role, action);
        const call =
          action === "berichten bekijken"
            ? listMessages(db.prisma, actor, ZMessageFilterSchema.parse({}))
            : action === "bericht lezen"
              ? // A message has a status of its own: only whether it was found counts here.
                getMessage(db.prisma, actor, id, { mailbox: true }).then((message) => message && { id: message.id })
              : action === "mislukt bericht opnieuw versturen"
                ? retryMessage(db.prisma, actor, { messageId: id })
                : retryFailedMessages(db.prisma, actor, {});
        results[action] = wentThrough(await call);
        if (!results[action]) {
          expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } }), action).toBeGreaterThan(before);
          expect(await db.prisma.message.findUniqueOrThrow({ where: { id } }), action).toMatchObject({ status: "MISLUKT" });
        }
      }
      expect(results).toEqual(Object.fromEntries(MESSAGE_ACTIONS.map((action) => [action, role === "beheerder"])));
    });
  }

  it("every role chooses its own preferences and nobody else's", async () => {
    const roles = Object.keys(ROLES) as RoleName[];
    // Each role a choice of its own: one kind off, the rest in the digest.
    const valuesOf = (role: RoleName) =>
      Object.fromEntries(CHOOSABLE_KINDS.map((choosable, index) => [choosable, index === roles.indexOf(role) % CHOOSABLE_KINDS.length ? "UIT" : "DAGELIJKS"]));
    for (const role of roles) {
      expect(await updateOwnPreferences(db.prisma, actors[role], { values: valuesOf(role) })).toMatchObject({ status: "ok" });
      // There is no way to name another account: an extra key is refused, nothing changed.
      const other = role === "officerDelft" ? actors.officerRijswijk : actors.officerDelft;
      expect(await updateOwnPreferences(db.prisma, actors[role], { values: valuesOf(role), userId: other.userId })).toEqual(notFound());
    }
    for (const role of roles) expect(await getOwnPreferences(db.prisma, actors[role])).toEqual(valuesOf(role));
  });
});

// ---- Team of a gemeente (issue 15, point 1) ---------------------------------------------------
// The coordinator (beleid@delft.example in the demo) invites, renews and deactivates within Delft
// only; a colleague (collega@delft.example) cannot; a leader of the region or a beheerder appoints
// the coordinator, a leader of another region and an officer cannot. The team page is readable
// like the gemeente (its officers, the region's leaders).
const TEAM_ACTIONS = [
  "team Delft bekijken",
  "collega uitnodigen in Delft",
  "collega uitnodigen in Rijswijk",
  "uitnodiging vernieuwen in Delft",
  "uitnodiging vernieuwen in Rijswijk",
  "collega deactiveren in Delft",
  "collega deactiveren in Rijswijk",
  "coördinator Delft aanwijzen",
  "coördinator Leiden aanwijzen",
] as const;
type TeamAction = (typeof TEAM_ACTIONS)[number];
type TeamRole = RoleName | "colleagueDelft";
const TEAM_ROLES = { ...ROLES, colleagueDelft: "collega@delft.example" } as const;

const TEAM_EXPECTED: Record<TeamRole, TeamAction[]> = {
  officerDelft: ["team Delft bekijken", "collega uitnodigen in Delft", "uitnodiging vernieuwen in Delft", "collega deactiveren in Delft"],
  colleagueDelft: ["team Delft bekijken"],
  officerRijswijk: [],
  officerLeiden: [],
  leaderHaaglanden: ["team Delft bekijken", "coördinator Delft aanwijzen"],
  leaderHollandsMidden: ["coördinator Leiden aanwijzen"],
  beheerder: ["coördinator Delft aanwijzen", "coördinator Leiden aanwijzen"],
  landelijk: [],
};

describe.each(DATABASE_KINDS)("access matrix of a gemeente's team on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<TeamRole, Actor>;
  const gemeenten = {} as Record<"delft" | "rijswijk" | "leiden", string>;
  let coordinatorDelft = "";
  let officerLeiden = "";
  let made = 0;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(TEAM_ROLES) as TeamRole[]) actors[role] = await actorFor(db.prisma, TEAM_ROLES[role]);
    for (const slug of ["delft", "rijswijk", "leiden"] as const) gemeenten[slug] = (await db.prisma.gemeente.findUniqueOrThrow({ where: { slug } })).id;
    coordinatorDelft = actors.officerDelft.userId;
    officerLeiden = actors.officerLeiden.userId;
  });
  afterAll(async () => {
    await db.drop();
  });

  /** A colleague of the gemeente made for one cell: invited (no password) or active (with one). */
  const colleagueIn = async (gemeente: "delft" | "rijswijk", withPassword: boolean) =>
    (
      await db.prisma.user.create({
        data: {
          email: `team-${++made}@${gemeente}.example`,
          name: `Collega ${made}`,
          passwordHash: withPassword ? await hashPassword("een wachtwoord van de matrix") : null,
          roles: { create: { role: "BELEIDSMEDEWERKER", gemeenteId: gemeenten[gemeente] } },
        },
      })
    ).id;

  async function may(role: TeamRole, action: TeamAction): Promise<boolean> {
    const p = db.prisma;
    const actor = actors[role];
    const invite = (gemeente: "delft" | "rijswijk") =>
      inviteColleague(p, actor, { gemeenteId: gemeenten[gemeente], values: { name: "Nieuw", email: `nieuw-${++made}@${gemeente}.example` } });
    switch (action) {
      case "team Delft bekijken":
        return wentThrough(await getTeam(p, actor, "delft"));
      case "collega uitnodigen in Delft":
        return wentThrough(await invite("delft"));
      case "collega uitnodigen in Rijswijk":
        return wentThrough(await invite("rijswijk"));
      case "uitnodiging vernieuwen in Delft":
        return wentThrough(await renewColleagueInvitation(p, actor, { gemeenteId: gemeenten.delft, userId: await colleagueIn("delft", false) }));
      case "uitnodiging vernieuwen in Rijswijk":
        return wentThrough(await renewColleagueInvitation(p, actor, { gemeenteId: gemeenten.rijswijk, userId: await colleagueIn("rijswijk", false) }));
      case "collega deactiveren in Delft":
        return wentThrough(await deactivateColleague(p, actor, { gemeenteId: gemeenten.delft, userId: await colleagueIn("delft", true) }));
      case "collega deactiveren in Rijswijk":
        return wentThrough(await deactivateColleague(p, actor, { gemeenteId: gemeenten.rijswijk, userId: await colleagueIn("rijswijk", true) }));
      // The current coordinator again (no change), so that the other cells keep Delft's coordinator.
      case "coördinator Delft aanwijzen":
        return wentThrough(await appointCoordinator(p, actor, { gemeenteId: gemeenten.delft, userId: coordinatorDelft }));
      case "coördinator Leiden aanwijzen":
        return wentThrough(await appointCoordinator(p, actor, { gemeenteId: gemeenten.leiden, userId: officerLeiden }));
    }
  }

  for (const role of Object.keys(TEAM_ROLES) as TeamRole[]) {
    it(`${role}: may do exactly the team actions the matrix allows, and every refusal is audited`, async () => {
      const done: TeamAction[] = [];
      for (const action of TEAM_ACTIONS) {
        const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actors[role].userId } });
        if (await may(role, action)) done.push(action);
        else expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actors[role].userId } }), action).toBeGreaterThan(before);
      }
      expect(done).toEqual(TEAM_EXPECTED[role]);
    });
  }
});

// ---- Assignments (issue 15) ------------------------------------------------------------------
// Only the gemeente's coordinator (beleid@delft.example) assigns, changes, moves and withdraws
// assignments of Delft's scan and chooses onlyAssigneesEdit: not a colleague, not the coordinator of
// another gemeente (Rijswijk's officer, made its coordinator here), not a leader, not the beheerder.
// Whoever may read the scan sees its assignments (its officers, the region's leaders).
describe.each(DATABASE_KINDS)("access matrix of assignments on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName | "colleagueDelft", Actor>;
  let scanId: string;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    actors.colleagueDelft = await actorFor(db.prisma, "collega@delft.example");
    await db.prisma.gemeente.update({ where: { slug: "rijswijk" }, data: { coordinatorId: actors.officerRijswijk.userId } });
    scanId = (await db.prisma.zelfscan.findFirstOrThrow({ where: { gemeente: { slug: "delft" }, meetronde: { status: "OPEN" } } })).id;
  });
  afterAll(async () => {
    await db.drop();
  });

  const roles = [...(Object.keys(ROLES) as RoleName[]), "colleagueDelft" as const];

  for (const role of roles) {
    const coordinator = role === "officerDelft";
    it(`${role}: ${coordinator ? "assigns, changes, moves and withdraws" : "cannot assign, change, move or withdraw"}; reads the assignments ${["officerDelft", "colleagueDelft", "leaderHaaglanden"].includes(role) ? "" : "not "}`, async () => {
      const actor = actors[role];
      const colleague = actors.colleagueDelft.userId;
      const self = actors.officerDelft.userId;
      const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } });
      const results = {
        assign: (await assignOnderdelen(db.prisma, actor, { zelfscanId: scanId, values: { onderdeelIds: ["1"], userIds: [colleague], dueOn: "", note: "" } }))
          .status,
        update: (
          await updateAssignment(db.prisma, actor, { zelfscanId: scanId, userId: colleague, onderdeelIds: ["1"], values: { dueOn: "2027-01-10", note: "" } })
        ).status,
        reassign: (await reassignOnderdelen(db.prisma, actor, { zelfscanId: scanId, userId: colleague, onderdeelIds: ["1"], toUserId: self })).status,
        unassign: (await unassign(db.prisma, actor, { zelfscanId: scanId, userId: self, onderdeelIds: ["1"] })).status,
        rule: (await setOnlyAssigneesEdit(db.prisma, actor, { zelfscanId: scanId, onlyAssigneesEdit: false })).status,
      };
      const expected = coordinator ? "ok" : "not-found";
      expect(results).toEqual({ assign: expected, update: expected, reassign: expected, unassign: expected, rule: expected });
      if (!coordinator) expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } })).toBe(before + 5);
      expect(await db.prisma.assignment.count({ where: { zelfscanId: scanId, onderdeelId: "1" } })).toBe(0);
      const reads = ["officerDelft", "colleagueDelft", "leaderHaaglanden"].includes(role);
      const listed = await listAssignments(db.prisma, actor, scanId);
      expect(listed === null ? "none" : listed.assignments.length > 0 ? "some" : "empty").toBe(reads ? "some" : "none");
    });
  }
});

// ---- Issue 15, "taken": the activity of a scan, submitting, Mijn taken ---------------------------
describe.each(DATABASE_KINDS)("access matrix of activity, submitting and Mijn taken on the %s database", (kind) => {
  let db: TestDatabase;
  let delftOpen: string;
  let rijswijkScan: string;
  const actors = {} as Record<RoleName | "collegaDelft", Actor>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    delftOpen = (await db.prisma.zelfscan.findFirstOrThrow({ where: { gemeente: { slug: "delft" }, meetronde: { name: "Herhaalmeting 2026" } } })).id;
    rijswijkScan = (await db.prisma.zelfscan.findFirstOrThrow({ where: { gemeente: { slug: "rijswijk" }, meetronde: { name: "Nulmeting 2021" } } })).id;
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    actors.collegaDelft = await actorFor(db.prisma, "collega@delft.example");
  });
  afterAll(() => db?.drop());

  it("the activity of a scan is read by the gemeente's officers and the region's leader only", async () => {
    const readers = [];
    for (const role of Object.keys(actors) as (keyof typeof actors)[]) if (await getActivity(db.prisma, actors[role], delftOpen)) readers.push(role);
    expect(readers.sort()).toEqual(["collegaDelft", "leaderHaaglanden", "officerDelft"]);
  });

  it("a colleague cannot submit while Delft has a coordinator; the coordinator cannot submit another gemeente's scan", async () => {
    expect(await submitZelfscan(db.prisma, actors.collegaDelft, { zelfscanId: delftOpen })).toMatchObject({
      status: "invalid",
      message: "Alleen de coördinator van uw gemeente, Anouk de Vries, kan de zelfscan indienen.",
    });
    // The coordinator may submit, but the demo's scan is not complete yet.
    expect(await submitZelfscan(db.prisma, actors.officerDelft, { zelfscanId: delftOpen })).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/^U kunt nog niet indienen/),
    });
    expect(await submitZelfscan(db.prisma, actors.officerDelft, { zelfscanId: rijswijkScan })).toEqual(notFound());
    expect(await submitZelfscan(db.prisma, actors.leaderHaaglanden, { zelfscanId: delftOpen })).toEqual(notFound());
  });

  it("Mijn taken never lists another gemeente's or region's scans", async () => {
    for (const role of Object.keys(actors) as (keyof typeof actors)[]) {
      const taken = await getMijnTaken(db.prisma, actors[role], new Date());
      const scanIds = [...Object.values(taken.assigned).flat(), ...taken.carriedUnassigned, ...taken.comments, ...taken.acties].map((item) => item.scan.id);
      for (const scanId of new Set(scanIds)) expect(await getZelfscan(db.prisma, actors[role], scanId), `${role} ${scanId}`).not.toBeNull();
    }
  });
});

// --- Verbeteracties owned by people (issue 15, helper "acties") ---------------------------------
// Reporting progress on an action: only the officers of its gemeente (the owner is one of them);
// not a leader, not another gemeente's officer, not the beheerder. Making someone the owner: only
// an active officer of the scan's own gemeente can be chosen, by whoever may edit the plan.
describe.each(DATABASE_KINDS)("access matrix of the verbeteracties' owners and progress on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  let actieId: string;

  const REPORTS: Record<RoleName, boolean> = {
    officerDelft: true,
    officerRijswijk: false,
    officerLeiden: false,
    leaderHaaglanden: false,
    leaderHollandsMidden: false,
    beheerder: false,
    landelijk: false,
  };

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    const actie = await db.prisma.verbeteractie.findFirstOrThrow({
      where: { zelfscan: { gemeente: { slug: "delft" }, meetronde: { name: "Herhaalmeting 2026" } }, owner: { email: "collega@delft.example" } },
    });
    actieId = actie.id;
  });
  afterAll(async () => {
    await db.drop();
  });

  const current = () => db.prisma.verbeteractie.findUniqueOrThrow({ where: { id: actieId } });

  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: ${REPORTS[role] ? "may" : "may not"} report progress on an action of Delft`, async () => {
      const { version } = await current();
      const result = await reportVoortgang(db.prisma, actors[role], {
        actieId,
        version,
        values: { status: "IN_UITVOERING", note: `Gemeld door ${role}`, notedOn: "2026-11-30" },
      });
      expect(wentThrough(result)).toBe(REPORTS[role]);
      expect(await db.prisma.actieVoortgang.count({ where: { verbeteractieId: actieId, note: `Gemeld door ${role}` } })).toBe(REPORTS[role] ? 1 : 0);
    });
  }

  it("an officer of another gemeente cannot be made the owner of Delft's action; Delft's own officer can", async () => {
    const actie = await current();
    const values = (ownerId: string) => ({
      onderdeelIds: actie.onderdeelIds,
      title: actie.title,
      description: actie.description,
      ownerKind: "account" as const,
      ownerId,
      ownerName: "",
      ownerRole: actie.ownerRole,
      partners: actie.partners,
      deadline: "2027-03-31",
      status: actie.status,
      priority: actie.priority,
      borging: actie.borging,
      doelscore: actie.doelscore,
    });
    const refused = await updateActie(db.prisma, actors.officerDelft, { actieId, version: actie.version, actie: values(actors.officerRijswijk.userId) });
    expect(refused.status).toBe("invalid");
    expect((await current()).ownerId).toBe(actie.ownerId);
    const allowed = await updateActie(db.prisma, actors.officerDelft, { actieId, version: actie.version, actie: values(actors.officerDelft.userId) });
    expect(allowed.status).toBe("ok");
    expect((await current()).ownerId).toBe(actors.officerDelft.userId);
  });
});

// ---- Issue 16: evidence documents ----------------------------------------------------------------
// Upload, link, new version, download and delete against Delft's open scan and library: only
// Delft's officers change them and open the library; the leader of Haaglanden downloads through
// the scan only; everyone else gets not-found, and every refusal is audited.
describe.each(DATABASE_KINDS)("access matrix of evidence documents on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  let scanId: string;
  let pdf: string;
  const [ITEM_A, ITEM_B] = ["1", "2"];

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    const scan = await db.prisma.zelfscan.findFirstOrThrow({ where: { gemeente: { slug: "delft" }, meetronde: { status: "OPEN" } } });
    scanId = scan.id;
    // Every onderdeel open to all of Delft's officers, so that the cells test the scope alone.
    await db.prisma.zelfscan.update({ where: { id: scanId }, data: { onlyAssigneesEdit: false } });
    pdf = await fixtures.pdf(mkdtempSync(path.join(tmpdir(), "access-matrix-fixtures-")));
  });
  afterAll(async () => {
    await db.drop();
  });

  const upload = async (actor: Actor, onderdeelId: string) => {
    const url = `/api/zelfscans/${scanId}/antwoorden/${onderdeelId}/documenten`;
    const request = await multipartRequest(url, { fields: { title: "Regiovisie", ingangsdatum: "2024-01-01" }, file: pdf });
    return uploadDocument(db.prisma, actor, { zelfscanId: scanId, onderdeelId, request, ip: null });
  };

  /** A document of Delft's library, uploaded by Delft's officer: linked to ITEM_A, or (linked: false) to nothing. */
  const delftDocument = async (linked = true): Promise<DocumentView> => {
    const made = await upload(actors.officerDelft, ITEM_A);
    if (made.status !== "ok") throw new Error(made.message);
    if (!linked) await unlinkDocument(db.prisma, actors.officerDelft, { zelfscanId: scanId, onderdeelId: ITEM_A, documentId: made.data.id });
    return made.data;
  };

  const MAY: Record<RoleName, { change: boolean; download: boolean }> = {
    officerDelft: { change: true, download: true },
    officerRijswijk: { change: false, download: false },
    officerLeiden: { change: false, download: false },
    leaderHaaglanden: { change: false, download: true },
    leaderHollandsMidden: { change: false, download: false },
    beheerder: { change: false, download: false },
    landelijk: { change: false, download: false },
  };

  for (const role of Object.keys(ROLES) as RoleName[]) {
    const may = MAY[role];
    it(`${role}: ${may.change ? "uploads, links, adds versions and deletes" : "cannot upload, link, add versions or delete"}; ${may.download ? "downloads" : "cannot download"}`, async () => {
      const actor = actors[role];
      const linked = await delftDocument();
      const unlinked = await delftDocument(false);
      const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } });
      const versionRequest = await multipartRequest(`/api/documenten/${linked.id}/versies`, { file: pdf });
      const download = await downloadVersion(db.prisma, actor, { scope: { zelfscanId: scanId }, versieId: linked.versies[0]!.id, ip: null });
      const libraryDownload = await downloadVersion(db.prisma, actor, { scope: { gemeenteSlug: "delft" }, versieId: linked.versies[0]!.id, ip: null });
      await download?.body?.cancel();
      await libraryDownload?.body?.cancel();
      const results = {
        upload: (await upload(actor, ITEM_B)).status,
        link: (await linkDocument(db.prisma, actor, { zelfscanId: scanId, onderdeelId: ITEM_B, documentId: linked.id })).status,
        version: (await uploadVersion(db.prisma, actor, { documentId: linked.id, request: versionRequest, ip: null })).status,
        unlink: (await unlinkDocument(db.prisma, actor, { zelfscanId: scanId, onderdeelId: ITEM_A, documentId: linked.id })).status,
        meta: (await updateDocumentMeta(db.prisma, actor, { documentId: linked.id, values: { title: "Regiovisie (herzien)", ingangsdatum: "2024-02-01" } }))
          .status,
        delete: (await deleteDocument(db.prisma, actor, { documentId: unlinked.id })).status,
        download: download?.status ?? 404,
        libraryDownload: libraryDownload?.status ?? 404,
      };
      const change = may.change ? "ok" : "not-found";
      const read = may.download ? 200 : 404;
      const library = may.change ? 200 : 404;
      expect(results).toEqual({
        upload: change,
        link: change,
        version: change,
        unlink: change,
        meta: change,
        delete: change,
        download: read,
        libraryDownload: library,
      });
      const refusals = (may.change ? 0 : 6) + (may.download ? 0 : 1) + (may.change ? 0 : 1);
      expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } })).toBe(before + refusals);
      expect(await db.prisma.documentVersie.count({ where: { documentId: linked.id } })).toBe(may.change ? 2 : 1);
      expect(await db.prisma.document.count({ where: { id: unlinked.id } })).toBe(may.change ? 0 : 1);
    });
  }
});

// ---- Issue 17: targets and the projected score -------------------------------------------------
// Setting an action's doelscore (Delft's officers only) and the regional prognose of a round (the
// region's own leaders only); every refusal audited, nothing changed.
describe.each(DATABASE_KINDS)("access matrix of doelscores and the regional prognose on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  let actieId: string;
  const rounds = {} as Record<"haaglanden" | "hollands-midden", string>;

  const MAY: Record<RoleName, { doelscore: boolean; prognose: ("haaglanden" | "hollands-midden")[] }> = {
    officerDelft: { doelscore: true, prognose: [] },
    officerRijswijk: { doelscore: false, prognose: [] },
    officerLeiden: { doelscore: false, prognose: [] },
    leaderHaaglanden: { doelscore: false, prognose: ["haaglanden"] },
    leaderHollandsMidden: { doelscore: false, prognose: ["hollands-midden"] },
    beheerder: { doelscore: false, prognose: [] },
    landelijk: { doelscore: false, prognose: [] },
  };

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    actieId = (
      await db.prisma.verbeteractie.findFirstOrThrow({ where: { zelfscan: { gemeente: { slug: "delft" }, meetronde: { name: "Herhaalmeting 2026" } } } })
    ).id;
    for (const slug of ["haaglanden", "hollands-midden"] as const)
      rounds[slug] = (await db.prisma.meetronde.findFirstOrThrow({ where: { regio: { slug } }, orderBy: { startsOn: "desc" } })).id;
  });
  afterAll(async () => {
    await db.drop();
  });

  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: ${MAY[role].doelscore ? "may" : "may not"} set the doelscore of Delft's action; reads the prognose of ${MAY[role].prognose.join(", ") || "no region"}`, async () => {
      const actor = actors[role];
      const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } });
      const actie = await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id: actieId } });
      const doelscore = actie.doelscore === 2 ? 1 : 2;
      const result = await updateActie(db.prisma, actor, {
        actieId,
        version: actie.version,
        actie: {
          onderdeelIds: actie.onderdeelIds,
          title: actie.title,
          description: actie.description,
          ownerKind: actie.ownerId || !actie.ownerName ? "account" : "extern",
          ownerId: actie.ownerId,
          ownerName: actie.ownerName,
          ownerRole: actie.ownerRole,
          partners: actie.partners,
          deadline: null,
          status: actie.status,
          priority: actie.priority,
          borging: actie.borging,
          doelscore,
        },
      });
      expect(wentThrough(result)).toBe(MAY[role].doelscore);
      expect((await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id: actieId } })).doelscore).toBe(MAY[role].doelscore ? doelscore : actie.doelscore);
      const readable: string[] = [];
      for (const slug of ["haaglanden", "hollands-midden"] as const)
        if ((await getRegioPrognose(db.prisma, actor, { slug, meetrondeId: rounds[slug] })) !== null) readable.push(slug);
      expect(readable).toEqual(MAY[role].prognose);
      const refusals = (MAY[role].doelscore ? 0 : 1) + 2 - MAY[role].prognose.length;
      expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } })).toBe(before + refusals);
    });
  }
});

// ---- The learning network (issue 17) ----------------------------------------------------------
// Sharing a gemeente's good examples: its submitters decide (Delft's coordinator, beleid@delft.example),
// nobody else. The examples of a round: the region's leaders; of a scan's gaps: whoever reads the scan.
// A shared example's document (Den Haag, which shares in the demo): Haaglanden's leader and Delft's
// officer, whose scan falls short there; not Rijswijk's officer (no scan in the round), nobody else.
const LEERNETWERK_ACTIONS = ["delen Delft wijzigen", "voorbeelden regio Haaglanden", "voorbeelden zelfscan Delft", "voorbeelddocument Den Haag"] as const;
type LeernetwerkAction = (typeof LEERNETWERK_ACTIONS)[number];

const LEERNETWERK_EXPECTED: Record<RoleName, LeernetwerkAction[]> = {
  officerDelft: ["delen Delft wijzigen", "voorbeelden zelfscan Delft", "voorbeelddocument Den Haag"],
  officerRijswijk: [],
  officerLeiden: [],
  leaderHaaglanden: ["voorbeelden regio Haaglanden", "voorbeelden zelfscan Delft", "voorbeelddocument Den Haag"],
  leaderHollandsMidden: [],
  beheerder: [],
  landelijk: [],
};

describe.each(DATABASE_KINDS)("access matrix of the learning network on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  let fixture: Awaited<ReturnType<typeof leernetwerkFixture>>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    fixture = await leernetwerkFixture(db.prisma);
  });
  afterAll(async () => {
    await db.drop();
  });

  async function may(role: RoleName, action: LeernetwerkAction): Promise<boolean> {
    const p = db.prisma;
    const actor = actors[role];
    switch (action) {
      // The current choice again (off), so that the other cells keep the demo's sharing.
      case "delen Delft wijzigen":
        return wentThrough(await setVoorbeeldenDelen(p, actor, { gemeenteId: fixture.delft.gemeenteId, values: { deelt: false } }));
      case "voorbeelden regio Haaglanden":
        return wentThrough(
          await getVoorbeeldenVoorRegio(p, actor, { slug: "haaglanden", meetrondeId: fixture.delft.meetrondeId, onderdeelIds: [fixture.onderdeelId] }),
        );
      case "voorbeelden zelfscan Delft":
        return wentThrough(await getVoorbeeldenVoorScan(p, actor, fixture.delft.id));
      case "voorbeelddocument Den Haag": {
        const response = await downloadVoorbeeldDocument(p, actor, {
          zelfscanId: fixture.denHaag.id,
          onderdeelId: fixture.onderdeelId,
          versieId: fixture.versieId,
          ip: null,
        });
        await response?.body?.cancel();
        return response !== null;
      }
    }
  }

  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: may do exactly the learning network's actions the matrix allows, and every refusal is audited`, async () => {
      const done: LeernetwerkAction[] = [];
      for (const action of LEERNETWERK_ACTIONS) {
        const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actors[role].userId } });
        if (await may(role, action)) done.push(action);
        else expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actors[role].userId } }), action).toBeGreaterThan(before);
      }
      expect(done).toEqual(LEERNETWERK_EXPECTED[role]);
    });
  }
});
