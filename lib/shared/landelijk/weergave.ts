// How the national view writes its figures and reads its filter: pure, shared by the page and its
// components (the figures themselves come from lib/landelijk).
import { formatScore } from "@/lib/shared/format";

/** What a suppressed cell says: that it is suppressed and why, never its n. */
export function onderdruktTekst(minGemeenten: number): string {
  return `onderdrukt (minder dan ${minGemeenten} gemeenten)`;
}

/** "1,5–2,25": a range of two scores in Dutch notation (en dash, as in the table headers). */
export function formatBereik(van: number, tot: number): string {
  return `${formatScore(van)}–${formatScore(tot)}`;
}

/** The filter of the national page, from its query string: a year and a region slug, or nothing. */
export type LandelijkFilter = { jaar?: number; regio?: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Reads `?jaar=2026&regio=haaglanden`. A value that cannot be a year or a slug is `false` for the
 * whole filter, so that the page answers not-found instead of quietly showing something else.
 */
export function parseLandelijkFilter(query: Record<string, string | string[] | undefined>): LandelijkFilter | false {
  const jaar = first(query.jaar)?.trim();
  const regio = first(query.regio)?.trim();
  const filter: LandelijkFilter = {};
  if (jaar) {
    if (!/^\d{4}$/.test(jaar)) return false;
    filter.jaar = Number(jaar);
  }
  // "" is the form's "Alle regio's".
  if (regio) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(regio) || regio.length > 100) return false;
    filter.regio = regio;
  }
  return filter;
}

/** The query string of an export for a year ("?jaar=2026"), or none when no year is known. */
export function jaarQuery(jaar: number | null): string {
  return jaar === null ? "" : `?jaar=${jaar}`;
}
