import { describe, expect, it } from "vitest";
import { startOfDayInAmsterdam } from "@/lib/shared/dates";
import { invalidFromZod } from "@/lib/shared/result";
import { ZAuditFilterSchema, ZGrantSchema, ZUserCreateSchema, ZUserEditSchema, ZUserFilterSchema } from "./schemas";

describe("beheer form schemas", () => {
  it("lower-case and trim the e-mail address", () => {
    const parsed = ZUserCreateSchema.parse({ email: "  A.de.Vries@Delft.NL ", name: " Anouk ", role: "BEHEERDER" });
    expect(parsed).toEqual({ email: "a.de.vries@delft.nl", name: "Anouk", role: "BEHEERDER" });
  });

  it("require exactly the scope the role needs", () => {
    expect(ZGrantSchema.safeParse({ role: "BELEIDSMEDEWERKER", gemeenteId: "g1" }).success).toBe(true);
    expect(ZGrantSchema.safeParse({ role: "PROJECTLEIDER", regioId: "r1", gemeenteId: "" }).success).toBe(true);
    expect(ZGrantSchema.safeParse({ role: "BEHEERDER", gemeenteId: "", regioId: "" }).success).toBe(true);
    const missing = ZGrantSchema.safeParse({ role: "PROJECTLEIDER", gemeenteId: "g1" });
    expect(invalidFromZod(missing.error!).fieldErrors).toEqual({
      regioId: "Kies de regio van de projectleider.",
      gemeenteId: "Een projectleider hoort bij een regio; kies geen gemeente.",
    });
    expect(ZGrantSchema.safeParse({ role: "KONING" }).success).toBe(false);
  });

  it("turn fields a form does not have into one Dutch message", () => {
    const result = ZUserEditSchema.safeParse({ name: "A", active: false, role: "BEHEERDER" });
    expect(invalidFromZod(result.error!)).toEqual({
      status: "invalid",
      message: "Het formulier bevat velden die hier niet zijn toegestaan: active, role. Er is niets opgeslagen.",
      fieldErrors: {},
    });
  });

  it("ignore wrong filter values in the address bar instead of failing", () => {
    expect(ZUserFilterSchema.parse({ zoek: ["a", "b"], rol: "KONING", status: "weg", gemeente: "" })).toEqual({ zoek: "a" });
    expect(ZAuditFilterSchema.parse({ pagina: "-3", van: "gisteren", tot: "2026-03-31", actie: "" })).toEqual({ pagina: 1, tot: "2026-03-31" });
    expect(ZAuditFilterSchema.parse({ pagina: "4" }).pagina).toBe(4);
  });
});

describe("audit period", () => {
  it("starts a day at midnight in the Netherlands, in winter and in summer time", () => {
    expect(startOfDayInAmsterdam("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayInAmsterdam("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });
});
