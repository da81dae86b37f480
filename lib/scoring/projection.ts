// Pure: the projected score of a zelfscan once its planned actions are done (no I/O, unit-tested).
// Rules:
// - an action counts when it names a level (doelscore) and is not VERVALLEN: planned, in progress,
//   done, and the application's draft proposals (they carry the items' doelniveau) alike
//   (said in words for the pages by PROJECTION_RULE, lib/shared/verbeterplan/doelscore.ts);
// - an item's projected value is the highest of its current value and the doelscore of every action
//   that counts on it: an action never lowers a score. An unanswered item with such an action
//   projects to that level; without one it stays unanswered;
// - a requirement's projected score is the mean of its items' projected values, by the same rules as
//   scoreScan (answered items only, "Weet ik niet" counts as its current value, 0); the overall
//   projected score is the mean of the requirements;
// - the target per requirement is the mean doelniveau of its items (scoreScan's doelniveau).
import type { ScanScore } from "./score";

export type ProjectedActie = { id: string; status: string; doelscore: number | null; onderdeelIds: readonly string[] };

type OnderdeelProjection = {
  onderdeelId: string;
  current: number | null;
  projected: number | null;
  /** The counted actions on this item whose doelscore is above its current value. */
  raisedBy: string[];
};

type RequirementProjection = {
  number: number;
  current: number | null;
  projected: number | null;
  /** Mean target level of the requirement's items. */
  target: number;
  /** The counted actions on any item of this requirement (with a doelscore, not vervallen). */
  counted: string[];
  /** Of those, the ones that raise an item. */
  raisedBy: string[];
  onderdelen: OnderdeelProjection[];
};

export type ScanProjection = {
  max: number;
  overall: { current: number | null; projected: number | null };
  requirements: RequirementProjection[];
  /** Every counted action, in the order given. */
  counted: string[];
};

const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: readonly number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

/** Whether an action counts in the projection: it names a level and is not vervallen. */
export function countsInProjection(actie: Pick<ProjectedActie, "status" | "doelscore">): boolean {
  return actie.status !== "VERVALLEN" && actie.doelscore !== null;
}

export function projectScan(score: ScanScore, acties: readonly ProjectedActie[]): ScanProjection {
  const max = score.max;
  const counted = acties.filter(countsInProjection);
  const levelOf = (actie: ProjectedActie) => Math.min(Math.max(actie.doelscore!, 0), max);
  const requirements = score.requirements.map((result): RequirementProjection => {
    const onderdelen = result.onderdelen.map((item): OnderdeelProjection => {
      const on = counted.filter((actie) => actie.onderdeelIds.includes(item.onderdeel.id));
      const best = on.reduce<number | null>((highest, actie) => Math.max(highest ?? 0, levelOf(actie)), null);
      const projected = item.value === null ? best : best === null ? item.value : Math.max(item.value, best);
      return {
        onderdeelId: item.onderdeel.id,
        current: item.value,
        projected,
        raisedBy: on.filter((actie) => item.value === null || levelOf(actie) > item.value).map((actie) => actie.id),
      };
    });
    const projected = mean(onderdelen.flatMap((item) => (item.projected === null ? [] : [item.projected])));
    const ids = new Set(result.onderdelen.map((item) => item.onderdeel.id));
    return {
      number: result.requirement.number,
      current: result.mean,
      projected: projected === null ? null : round2(projected),
      target: result.doelniveau,
      counted: counted.filter((actie) => actie.onderdeelIds.some((id) => ids.has(id))).map((actie) => actie.id),
      raisedBy: [...new Set(onderdelen.flatMap((item) => item.raisedBy))],
      onderdelen,
    };
  });
  // Unrounded requirement means, as scoreScan does for the overall score.
  const projectedMeans = requirements.flatMap((requirement) => {
    const value = mean(requirement.onderdelen.flatMap((item) => (item.projected === null ? [] : [item.projected])));
    return value === null ? [] : [value];
  });
  const overall = mean(projectedMeans);
  return {
    max,
    overall: { current: score.overall.mean, projected: overall === null ? null : round2(overall) },
    requirements,
    counted: counted.map((actie) => actie.id),
  };
}
