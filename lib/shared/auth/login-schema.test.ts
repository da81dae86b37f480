import { describe, expect, it } from "vitest";
import { loginErrorMessage, safeReturnPath, slowDownCode, waitText } from "./login-messages";
import { ZLoginSchema } from "./login-schema";

describe("login form", () => {
  it("requires e-mail and password with Dutch messages", () => {
    const result = ZLoginSchema.safeParse({ email: "", password: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Vul uw e-mailadres in.", "Vul uw wachtwoord in."]);
  });

  it("says how long to wait after failed logins, and why, in Dutch", () => {
    const account = loginErrorMessage(slowDownCode(9_100, "account"))!;
    expect(account).toContain("kunt u het pas over 10 seconden opnieuw proberen");
    expect(account).toContain("Misschien probeert iemand uw wachtwoord te raden.");
    expect(account).toContain("Uw account is niet geblokkeerd");
    expect(loginErrorMessage(slowDownCode(240_000, "account"))).toContain("over 4 minuten");
    expect(loginErrorMessage(slowDownCode(1, "account"))).toContain("over 1 seconde");
    expect(loginErrorMessage(slowDownCode(61_000, "account"))).toContain("over 2 minuten");
    const address = loginErrorMessage(slowDownCode(1_800_000, "adres"))!;
    expect(address).toContain("Vanaf uw netwerk");
    expect(address).toContain("Probeer het over 30 minuten opnieuw.");
    expect(waitText(60)).toBe("1 minuut");
    expect(waitText(59)).toBe("59 seconden");
  });

  it("does not reveal whether an account exists", () => {
    expect(loginErrorMessage("invalid")).toBe(loginErrorMessage("CredentialsSignin"));
  });

  it("follows only same-site return paths", () => {
    expect(safeReturnPath("/gemeenten/delft")).toBe("/gemeenten/delft");
    expect(safeReturnPath("//evil.example/")).toBe("/");
    expect(safeReturnPath("https://evil.example/")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath(null)).toBe("/");
  });

  it("returns a path a redirect can carry: percent-encoded, one string, not too long", () => {
    expect(safeReturnPath("/€")).toBe("/%E2%82%AC");
    expect(safeReturnPath("/zelfscans/é?stap=ü#a")).toBe("/zelfscans/%C3%A9?stap=%C3%BC#a");
    expect(safeReturnPath("/gemeenten/delft?x=1&y=2")).toBe("/gemeenten/delft?x=1&y=2");
    expect(safeReturnPath(["/gemeenten/delft", "//evil.example"])).toBe("/");
    expect(safeReturnPath(`/${"a".repeat(3000)}`)).toBe("/");
    expect(safeReturnPath("/\t/evil.example")).toBe("/");
    expect(safeReturnPath("/\u0000")).toBe("/");
    for (const value of ["/€", "/zelfscans/é", "/a b", "/%E0%A4%A"]) expect(safeReturnPath(value), value).toMatch(/^[\x21-\x7e]+$/);
  });
});
