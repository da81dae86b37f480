// One gemeente over time (pure, no I/O): its nulmeting beside its herhaalmeting, per eis and per
// onderdeel. The comparison itself is the region's (lib/regio/aggregate.ts compareMeetrondes),
// run over this gemeente's two scans only, so that both views follow the same rules.
import type { Framework } from "@/lib/framework";
import { compareMeetrondes, type MeetrondeComparison, type RegioScan } from "@/lib/regio/aggregate";
import type { ScoredAnswer } from "@/lib/scoring/score";

export type MetingScan = {
  id: string;
  status: string;
  framework: Framework;
  meetronde: { id: string; name: string; startsOn: Date };
  answers: readonly ScoredAnswer[];
};

type Meting = {
  scanId: string;
  meetronde: { id: string; name: string; startsOn: Date };
  status: string;
  kaderversie: string;
  /** Not (or no longer) submitted: the figures may still change. */
  voorlopig: boolean;
};

export type Ontwikkeling = {
  nulmeting: Meting | null;
  herhaalmeting: Meting | null;
  /** Null until the gemeente has a submitted nulmeting and a later scan. */
  vergelijking: {
    comparableOnderdelen: string[];
    notComparable: MeetrondeComparison["notComparable"];
    overall: MeetrondeComparison["regio"]["overall"];
    requirements: MeetrondeComparison["regio"]["requirements"];
    onderdelen: MeetrondeComparison["regio"]["onderdelen"];
  } | null;
};

const byStart = (a: MetingScan, b: MetingScan) => a.meetronde.startsOn.getTime() - b.meetronde.startsOn.getTime();

/**
 * Picks the two scans: the nulmeting is the earliest submitted scan, the herhaalmeting the latest
 * scan of a later round, whatever its status (a draft is shown, marked provisional). With `tot`
 * (a scan id, for that scan's PDF) the herhaalmeting is that scan and later rounds are left out.
 */
export function kiesMetingen<T extends MetingScan>(scans: readonly T[], tot?: string): { nulmeting: T | null; herhaalmeting: T | null } {
  const upTo = tot === undefined ? null : scans.find((scan) => scan.id === tot);
  if (tot !== undefined && !upTo) return { nulmeting: null, herhaalmeting: null };
  const sorted = [...scans].filter((scan) => !upTo || scan.meetronde.startsOn.getTime() <= upTo.meetronde.startsOn.getTime()).sort(byStart);
  const nulmeting = sorted.find((scan) => scan.status === "INGEDIEND") ?? null;
  const last = upTo ?? sorted.at(-1) ?? null;
  const herhaalmeting = nulmeting && last && last.id !== nulmeting.id && byStart(nulmeting, last) < 0 ? last : null;
  return { nulmeting, herhaalmeting };
}

function meting(scan: MetingScan): Meting {
  return {
    scanId: scan.id,
    meetronde: scan.meetronde,
    status: scan.status,
    kaderversie: scan.framework.version,
    voorlopig: scan.status !== "INGEDIEND",
  };
}

/** The gemeente's nulmeting against its herhaalmeting (see kiesMetingen). */
export function gemeenteOntwikkeling(gemeente: RegioScan["gemeente"], scans: readonly MetingScan[], tot?: string): Ontwikkeling {
  const { nulmeting, herhaalmeting } = kiesMetingen(scans, tot);
  if (!nulmeting || !herhaalmeting) return { nulmeting: nulmeting && meting(nulmeting), herhaalmeting: null, vergelijking: null };
  const entry = (scan: MetingScan): RegioScan => ({ gemeente, scan: { id: scan.id, status: scan.status, answers: scan.answers } });
  const comparison = compareMeetrondes(
    { framework: nulmeting.framework, scans: [entry(nulmeting)] },
    { framework: herhaalmeting.framework, scans: [entry(herhaalmeting)] },
  );
  const own = comparison.gemeenten[0]!;
  return {
    nulmeting: meting(nulmeting),
    herhaalmeting: meting(herhaalmeting),
    vergelijking: {
      comparableOnderdelen: comparison.comparableOnderdelen,
      notComparable: comparison.notComparable,
      overall: own.overall,
      requirements: own.requirements,
      onderdelen: own.onderdelen,
    },
  };
}
