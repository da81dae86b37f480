// The world of the load benchmarks (scripts/bench/load.ts, scripts/bench/instances.ts), written
// through the data layer: one regio with an open meetronde, and per simulated policy officer a
// gemeente, an account with the BELEIDSMEDEWERKER role and a zelfscan. Afterwards, every save the
// server acknowledged is looked up in the database (countLost).
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Actor } from "@/lib/access/actor";
import { SECURE_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import type { Database } from "@/lib/db/client";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";

export const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

export type Officer = {
  actor: Actor;
  /** The session cookie (a session made in the database, or one from a real login). */
  cookie: string;
  zelfscanId: string;
  versions: Map<string, number>;
  /** Per onderdeel, the last save the server acknowledged (200 with its version). */
  acked: Map<string, { version: number; toelichting: string }>;
};

export function answerFor(marker: string) {
  const score = marker.length % 3; // 0..2: always needs a toelichting
  return {
    score,
    weetIkNiet: false,
    toelichting: `Belasting ${marker}: werkafspraken met Veilig Thuis in ontwikkeling.`,
    vastgelegdIn: ["werkinstructie"],
    vastgelegdAnders: "",
    evidence: [],
    doelniveau: 3,
  };
}

export type FixtureOptions = {
  users: number;
  /** With a secret, each officer gets a session made in the database and its cookie signed with it (as a login would make it). */
  sessionSecret?: string;
  /** With a hash, each account gets this password (for a real login through the credentials endpoint). */
  passwordHash?: string;
  /** The meetronde's deadline (default: 30 days ahead). */
  deadline?: Date;
};

export async function fillFixture(db: Database, options: FixtureOptions): Promise<Officer[]> {
  const regio = await db.prisma.regio.create({ data: { name: "Regio Belasting", slug: "belasting" } });
  const meetronde = await db.prisma.meetronde.create({
    data: {
      regioId: regio.id,
      name: "Belastingronde",
      startsOn: new Date(),
      deadline: options.deadline ?? new Date(Date.now() + 30 * 86_400_000),
      status: "OPEN",
      frameworkId: framework.id,
      frameworkVersion: framework.version,
    },
  });
  const officers: Officer[] = [];
  for (let index = 0; index < options.users; index++) {
    const gemeente = await db.prisma.gemeente.create({ data: { name: `Belastinggemeente ${index + 1}`, slug: `belasting-${index + 1}`, regioId: regio.id } });
    const user = await db.prisma.user.create({
      data: { email: `belasting-${index + 1}@bench.example`, name: `Medewerker ${index + 1}`, passwordHash: options.passwordHash ?? null },
    });
    await db.prisma.roleGrant.create({ data: { userId: user.id, role: "BELEIDSMEDEWERKER", gemeenteId: gemeente.id } });
    const scan = await db.prisma.zelfscan.create({
      data: { gemeenteId: gemeente.id, meetrondeId: meetronde.id, frameworkId: framework.id, frameworkVersion: framework.version },
    });
    let sessionId = "";
    let cookie = "";
    if (options.sessionSecret) {
      sessionId = randomBytes(32).toString("base64url");
      await db.prisma.session.create({
        data: { id: sessionId, userId: user.id, method: "password", mfaSatisfied: true, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      const token = await encode({ token: { sub: user.id, sid: sessionId }, secret: options.sessionSecret });
      // The server runs as production, which reads only the __Secure- cookie (lib/auth/session-cookie.ts).
      cookie = `${SECURE_SESSION_COOKIE}=${token}`;
    }
    officers.push({
      actor: {
        userId: user.id,
        email: user.email,
        name: user.name,
        sessionId,
        grants: [{ role: "BELEIDSMEDEWERKER", gemeenteId: gemeente.id, regioId: null }],
      },
      cookie,
      zelfscanId: scan.id,
      versions: new Map(),
      acked: new Map(),
    });
  }
  return officers;
}

/** Acknowledged saves that are not in the database as acknowledged (version and text). */
export async function countLost(db: Database, officers: Officer[]): Promise<{ checked: number; lost: number }> {
  let checked = 0;
  let lost = 0;
  for (const officer of officers) {
    const rows = await db.prisma.answer.findMany({
      where: { zelfscanId: officer.zelfscanId },
      select: { onderdeelId: true, version: true, toelichting: true },
    });
    const byOnderdeel = new Map(rows.map((row) => [row.onderdeelId, row]));
    for (const [onderdeelId, acked] of officer.acked) {
      checked++;
      const row = byOnderdeel.get(onderdeelId);
      if (!row || row.version !== acked.version || row.toelichting !== acked.toelichting) lost++;
    }
  }
  return { checked, lost };
}
