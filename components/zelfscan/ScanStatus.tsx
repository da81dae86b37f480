import { ZELFSCAN_STATUS_LABEL, type ZelfscanStatus } from "@/lib/shared/zelfscan/status";

export type ScanSummary = { id: string; status: ZelfscanStatus; progress: { answered: number; total: number; percentage: number } } | null;

/** The state of a scan in words (never colour alone): "Niet gestart", "In bewerking – 20 van 38 beantwoord". */
export function ScanStatus({ scan }: { scan: ScanSummary }) {
  if (!scan) return <span>Niet gestart</span>;
  if (scan.status === "INGEDIEND") return <span>{ZELFSCAN_STATUS_LABEL.INGEDIEND}</span>;
  return (
    <span>
      {ZELFSCAN_STATUS_LABEL[scan.status]} – {scan.progress.answered} van {scan.progress.total} beantwoord
    </span>
  );
}

export function ProgressBar({ percentage, label }: { percentage: number; label: string }) {
  return (
    <div className="mt-1 flex items-center gap-2">
      <progress value={percentage} max={100} aria-label={label} className="h-3 w-40 accent-brand-700" />
      <span className="text-sm">{percentage}%</span>
    </div>
  );
}
