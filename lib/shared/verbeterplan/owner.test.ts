import { describe, expect, it } from "vitest";
import { ownerKindLabel, ownerLabel, ownerLine } from "./owner";

describe("the owner of an action", () => {
  it("names the account when an account owns it, even if an old text name remains", () => {
    const actie = { ownerName: "oud", ownerRole: "jeugd", owner: { name: "Daan Verbeek" } };
    expect(ownerLabel(actie)).toBe("Daan Verbeek");
    expect(ownerKindLabel(actie)).toBe("collega");
    expect(ownerLine(actie)).toBe("Daan Verbeek (collega), jeugd");
  });
  it("names the external party otherwise, and nothing when there is no owner", () => {
    expect(ownerLine({ ownerName: "Veilig Thuis Haaglanden", ownerRole: "", owner: null })).toBe("Veilig Thuis Haaglanden (externe partij)");
    expect(ownerLine({ ownerName: "", ownerRole: "", owner: null })).toBe("");
    expect(ownerKindLabel({ ownerName: "", ownerRole: "" })).toBe("");
  });
});
