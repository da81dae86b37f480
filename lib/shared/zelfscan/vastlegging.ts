// Where an arrangement can be laid down: the checkbox options of every item of the zelfscan.
export const VASTGELEGD_IN = [
  { code: "regiovisie", label: "Regiovisie" },
  { code: "inkoopvoorwaarden", label: "Inkoop-/subsidievoorwaarden" },
  { code: "ontwikkelopdracht", label: "Ontwikkelopdracht" },
  { code: "samenwerkingsafspraken-veilig-thuis", label: "Samenwerkingsafspraken met Veilig Thuis" },
  { code: "werkinstructie", label: "Werkinstructie" },
  { code: "anders", label: "Anders" },
] as const;

export type VastgelegdInCode = (typeof VASTGELEGD_IN)[number]["code"];

export const VASTGELEGD_IN_CODES = VASTGELEGD_IN.map((option) => option.code) as [VastgelegdInCode, ...VastgelegdInCode[]];
