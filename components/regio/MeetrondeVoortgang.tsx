import type { ScanSummary } from "@/components/zelfscan/ScanStatus";

/** A gemeente's state in a round, in words: niet gestart, bezig (with % answered), ingediend, heropend. */
export function MeetrondeVoortgang({ scan }: { scan: ScanSummary }) {
  if (!scan) return <span>Niet gestart</span>;
  if (scan.status === "INGEDIEND") return <span>Ingediend</span>;
  const detail = `${scan.progress.percentage}% beantwoord (${scan.progress.answered} van ${scan.progress.total})`;
  if (scan.status === "HEROPEND") return <span>Heropend – {detail}</span>;
  return <span>Bezig – {detail}</span>;
}
