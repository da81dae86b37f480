// The demo world of the embedded default: region Haaglanden with its nine municipalities, which
// did the zelfscan in 2021 and are now in a second round, region Zuid-Holland Zuid (a first round
// in 2024, a second in 2026) and region Hollands Midden. Every year has at least five submitted
// scans, so that the national view (issue 17) shows its figures instead of suppressing them. Scores are
// generated deterministically per municipality and round, so every run produces the same data.
import type { Onderdeel } from "@/lib/framework";
import type { VastgelegdInCode } from "@/lib/shared/zelfscan/vastlegging";

export const DEMO_PASSWORD = "Zelfscan-Demo-2026";

/**
 * The demo beheerder's second factor, published in the README next to the password. Without it
 * the first visitor of a fresh demo would set up a factor of their own for the beheerder and so be
 * the only one who could ever log in as beheerder again; with it everyone who has the README can,
 * and nobody can lock the others out.
 */
export const DEMO_BEHEERDER_TOTP_SECRET = "RMGBJGRWVS4KNHZG3O3LU27RMEAIJ7WP";

type DemoGemeente = { name: string; slug: string; level: number };

export const DEMO_REGIOS: { name: string; slug: string; gemeenten: DemoGemeente[] }[] = [
  {
    name: "Haaglanden",
    slug: "haaglanden",
    gemeenten: [
      { name: "Delft", slug: "delft", level: 1.6 },
      { name: "Den Haag", slug: "den-haag", level: 2.1 },
      { name: "Leidschendam-Voorburg", slug: "leidschendam-voorburg", level: 1.4 },
      { name: "Midden-Delfland", slug: "midden-delfland", level: 0.9 },
      { name: "Pijnacker-Nootdorp", slug: "pijnacker-nootdorp", level: 1.2 },
      { name: "Rijswijk", slug: "rijswijk", level: 1.7 },
      { name: "Wassenaar", slug: "wassenaar", level: 1.0 },
      { name: "Westland", slug: "westland", level: 1.3 },
      { name: "Zoetermeer", slug: "zoetermeer", level: 1.9 },
    ],
  },
  {
    name: "Hollands Midden",
    slug: "hollands-midden",
    gemeenten: [
      { name: "Leiden", slug: "leiden", level: 1.8 },
      { name: "Alphen aan den Rijn", slug: "alphen-aan-den-rijn", level: 1.3 },
      { name: "Gouda", slug: "gouda", level: 1.5 },
      { name: "Leiderdorp", slug: "leiderdorp", level: 1.1 },
    ],
  },
  {
    name: "Zuid-Holland Zuid",
    slug: "zuid-holland-zuid",
    gemeenten: [
      { name: "Dordrecht", slug: "dordrecht", level: 2.0 },
      { name: "Gorinchem", slug: "gorinchem", level: 1.4 },
      { name: "Hardinxveld-Giessendam", slug: "hardinxveld-giessendam", level: 0.9 },
      { name: "Hendrik-Ido-Ambacht", slug: "hendrik-ido-ambacht", level: 1.2 },
      { name: "Papendrecht", slug: "papendrecht", level: 1.6 },
      { name: "Zwijndrecht", slug: "zwijndrecht", level: 1.1 },
    ],
  },
];

export type DemoAccount = {
  email: string;
  name: string;
  role: "BELEIDSMEDEWERKER" | "PROJECTLEIDER" | "LANDELIJK" | "BEHEERDER";
  gemeente?: string;
  regio?: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "beleid@delft.example", name: "Anouk de Vries", role: "BELEIDSMEDEWERKER", gemeente: "delft" },
  { email: "collega@delft.example", name: "Daan Verbeek", role: "BELEIDSMEDEWERKER", gemeente: "delft" },
  { email: "beleid@rijswijk.example", name: "Sven Bakker", role: "BELEIDSMEDEWERKER", gemeente: "rijswijk" },
  { email: "beleid@leiden.example", name: "Fatima El Amrani", role: "BELEIDSMEDEWERKER", gemeente: "leiden" },
  { email: "projectleider@haaglanden.example", name: "Marieke Jansen", role: "PROJECTLEIDER", regio: "haaglanden" },
  { email: "projectleider@hollands-midden.example", name: "Ruben Visser", role: "PROJECTLEIDER", regio: "hollands-midden" },
  { email: "landelijk@zelfscan.example", name: "Noor Hendriks", role: "LANDELIJK" },
  { email: "beheer@zelfscan.example", name: "Beheerder Zelfscan", role: "BEHEERDER" },
];

/** The coordinator of a gemeente's zelfscan (by gemeente slug): the account's e-mail. */
export const DEMO_COORDINATORS: Record<string, string> = { delft: "beleid@delft.example" };

/** The gemeenten that share their good examples in the learning network (lib/leernetwerk); the others do not. */
export const DEMO_SHARING: readonly string[] = ["den-haag", "zoetermeer"];

type DemoScanPlan = {
  gemeente: string;
  /** How many items (in framework order) are answered; the rest is left open. */
  answered: "all" | number;
  submitted: boolean;
  /** Added to the municipality's level: how far it moved since the previous round. */
  progress: number;
};

export type DemoMeetronde = {
  regio: string;
  name: string;
  startsOn: string;
  deadline: string;
  status: "GEPLAND" | "OPEN" | "GESLOTEN";
  scans: DemoScanPlan[];
};

/** Every gemeente of the region submitted a complete scan, `progress` further than its level. */
function allSubmitted(regio: string, progress: number): DemoScanPlan[] {
  return DEMO_REGIOS.find((candidate) => candidate.slug === regio)!.gemeenten.map((gemeente) => ({
    gemeente: gemeente.slug,
    answered: "all",
    submitted: true,
    progress,
  }));
}

export const DEMO_MEETRONDES: DemoMeetronde[] = [
  {
    regio: "haaglanden",
    name: "Nulmeting 2021",
    startsOn: "2021-01-11",
    deadline: "2021-03-31",
    status: "GESLOTEN",
    scans: allSubmitted("haaglanden", 0),
  },
  {
    regio: "haaglanden",
    name: "Herhaalmeting 2026",
    startsOn: "2026-10-01",
    deadline: "2027-01-29",
    status: "OPEN",
    scans: [
      { gemeente: "delft", answered: 20, submitted: false, progress: 0.5 },
      { gemeente: "den-haag", answered: "all", submitted: true, progress: 0.5 },
      { gemeente: "zoetermeer", answered: "all", submitted: true, progress: 0.4 },
      { gemeente: "leidschendam-voorburg", answered: "all", submitted: true, progress: 0.5 },
      { gemeente: "pijnacker-nootdorp", answered: "all", submitted: true, progress: 0.6 },
      { gemeente: "wassenaar", answered: "all", submitted: true, progress: 0.5 },
      { gemeente: "westland", answered: "all", submitted: false, progress: 0.6 },
      { gemeente: "midden-delfland", answered: 9, submitted: false, progress: 0.7 },
    ],
  },
  {
    regio: "hollands-midden",
    name: "Zelfscan 2026",
    startsOn: "2026-10-15",
    deadline: "2027-02-26",
    status: "OPEN",
    scans: [{ gemeente: "alphen-aan-den-rijn", answered: 12, submitted: false, progress: 0 }],
  },
  {
    regio: "zuid-holland-zuid",
    name: "Nulmeting 2024",
    startsOn: "2024-02-05",
    deadline: "2024-04-26",
    status: "GESLOTEN",
    scans: allSubmitted("zuid-holland-zuid", 0),
  },
  {
    regio: "zuid-holland-zuid",
    name: "Herhaalmeting 2026",
    startsOn: "2026-10-01",
    deadline: "2027-01-29",
    status: "OPEN",
    scans: allSubmitted("zuid-holland-zuid", 0.4),
  },
];

// How the requirements tend to score across the region: arrangements with Veilig Thuis (10) are
// usually in place, capacity (5) and specialised help (9) lag behind.
const REQUIREMENT_BIAS: Record<number, number> = { 1: 0.3, 2: 0.2, 3: 0.4, 4: -0.3, 5: -0.6, 6: 0, 7: -0.2, 8: -0.4, 9: -0.5, 10: 0.5 };

/** mulberry32: a tiny seeded generator, so that demo data is the same on every machine. */
function generator(seedText: string): () => number {
  let seed = 0;
  for (const char of seedText) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DemoAnswer = {
  onderdeelId: string;
  score: number | null;
  weetIkNiet: boolean;
  toelichting: string;
  vastgelegdIn: VastgelegdInCode[];
};

const TOELICHTING: Record<number, (subject: string, gemeente: string) => string> = {
  0: (subject, gemeente) => `${subject}: hier is in ${gemeente} nog niets voor geregeld. Het staat niet in de opdracht aan het wijkteam.`,
  1: (subject) => `${subject}: er is een eerste aanzet. We bespreken dit met de aanbieder van het wijkteam, maar afspraken zijn nog niet vastgelegd.`,
  2: (subject) => `${subject}: grotendeels geregeld in de subsidievoorwaarden. De borging in werkinstructies en de evaluatie ontbreken nog.`,
  3: (subject) => `${subject}: vastgelegd en jaarlijks met het wijkteam en Veilig Thuis geëvalueerd.`,
};

const VASTLEGGING_BY_SCORE: Record<number, VastgelegdInCode[]> = {
  0: [],
  1: ["ontwikkelopdracht"],
  2: ["inkoopvoorwaarden", "regiovisie"],
  3: ["inkoopvoorwaarden", "werkinstructie", "samenwerkingsafspraken-veilig-thuis"],
};

export function demoAnswers(
  gemeente: { name: string; slug: string; level: number },
  meetronde: string,
  progress: number,
  onderdelen: readonly Onderdeel[],
): DemoAnswer[] {
  const random = generator(`${gemeente.slug}/${meetronde}`);
  return onderdelen.map((onderdeel) => {
    const noise = (random() - 0.5) * 1.6;
    const weetIkNiet = random() < 0.05;
    const raw = gemeente.level + progress + (REQUIREMENT_BIAS[onderdeel.requirementNumber] ?? 0) + noise;
    const score = Math.max(0, Math.min(3, Math.round(raw)));
    const subject = `${onderdeel.id} ${onderdeel.shortTitle}`;
    if (weetIkNiet) {
      return {
        onderdeelId: onderdeel.id,
        score: null,
        weetIkNiet: true,
        toelichting: `${subject}: navragen bij het wijkteam en Veilig Thuis; op dit moment weten we niet hoe dit is geregeld.`,
        vastgelegdIn: [],
      };
    }
    return {
      onderdeelId: onderdeel.id,
      score,
      weetIkNiet: false,
      toelichting: TOELICHTING[score]!(subject, gemeente.name),
      vastgelegdIn: VASTLEGGING_BY_SCORE[score]!,
    };
  });
}

export const DEMO_ACTION_OWNERS = [
  { name: "Jeroen Smit", role: "Beleidsadviseur Zorg en Veiligheid" },
  { name: "Sanne Mulder", role: "Teamleider wijkteam" },
  { name: "Yusuf Demir", role: "Contractmanager sociaal domein" },
  { name: "Lotte de Boer", role: "Aandachtsfunctionaris huiselijk geweld" },
];
