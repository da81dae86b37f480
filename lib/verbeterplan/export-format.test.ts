import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/export/csv";
import { dayInAmsterdam } from "@/lib/shared/dates";
import { actieCsvRows, actieRows } from "./export-format";

const actie = {
  title: '=HYPERLINK("x")',
  description: "Regel 1\nregel 2",
  onderdeelIds: ["3a", "3b"],
  ownerName: "Jan Jansen",
  ownerRole: "Teamleider wijkteam",
  partners: ["Veilig Thuis", "GGD"],
  // 29 januari 2027, einde van de dag in Nederland
  deadline: new Date("2027-01-29T22:59:59.999Z"),
  status: "IN_UITVOERING",
  priority: "HOOG",
  borging: "In de werkinstructie",
  doelscore: 2,
};

describe("verbeterplan export rows", () => {
  it("numbers the actions in order with Dutch labels and the deadline as a date", () => {
    const [row] = actieRows([actie]);
    expect(row).toEqual([
      1,
      '=HYPERLINK("x")',
      "Regel 1\nregel 2",
      "3a, 3b",
      "Jan Jansen",
      "externe partij",
      "Teamleider wijkteam",
      "Veilig Thuis, GGD",
      actie.deadline,
      "In uitvoering",
      "Hoog",
      "In de werkinstructie",
      2,
    ]);
    expect(actieRows([{ ...actie, doelscore: null }])[0]!.at(-1)).toBeNull();
  });

  it("writes the deadline as the Dutch calendar day, and formulas as text", () => {
    expect(dayInAmsterdam(actie.deadline)).toBe("2027-01-29");
    const csv = toCsv(actieCsvRows({ gemeente: "Delft", meetronde: "Nulmeting 2021" }, [actie]));
    expect(csv).toContain(
      `"1";"'=HYPERLINK(""x"")";"Regel 1\nregel 2";"3a, 3b";"Jan Jansen";"externe partij";"Teamleider wijkteam";"Veilig Thuis, GGD";"2027-01-29";"In uitvoering";"Hoog";"In de werkinstructie";"2"`,
    );
    expect(csv.startsWith(`\uFEFF"gemeente";"meetronde"\r\n"Delft";"Nulmeting 2021"`)).toBe(true);
  });

  it("names an account owner and carries the dated progress history", () => {
    const owned = {
      ...actie,
      owner: { name: "Daan Verbeek" },
      voortgang: [{ status: "IN_UITVOERING", note: "Gestart", notedOn: new Date("2026-11-30T23:00:00.000Z"), author: { name: "Daan Verbeek" } }],
    };
    expect(actieRows([owned])[0]!.slice(4, 6)).toEqual(["Daan Verbeek", "collega"]);
    const csv = toCsv(actieCsvRows({ gemeente: "Delft", meetronde: "Herhaalmeting 2026" }, [owned]));
    expect(csv).toContain(
      `"nr";"actie";"datum";"status";"toelichting";"gemeld door"\r\n"1";"'=HYPERLINK(""x"")";"2026-12-01";"In uitvoering";"Gestart";"Daan Verbeek"`,
    );
  });
});
