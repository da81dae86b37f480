import { describe, expect, it, vi } from "vitest";
import type { Resolver } from "react-hook-form";
import { lazyModule, lazyResolver, VALIDATION_UNAVAILABLE } from "./lazy-resolver";

type Values = { name: string };
const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<Resolver<Values>>[2];

describe("lazy resolver", () => {
  it("loads the module once and hands validation to the resolver it holds", async () => {
    const inner: Resolver<Values> = async (values) => ({ values, errors: {} });
    const importer = vi.fn(async () => ({ inner }));
    const validation = lazyModule(importer);
    const resolver = lazyResolver<Values, { inner: Resolver<Values> }>(validation, (loaded) => loaded.inner);
    validation.preload();
    expect(await resolver({ name: "a" }, undefined, options)).toEqual({ values: { name: "a" }, errors: {} });
    expect(await resolver({ name: "b" }, undefined, options)).toEqual({ values: { name: "b" }, errors: {} });
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it("answers with a root error while the module cannot be loaded, and tries again next time", async () => {
    const inner: Resolver<Values> = async (values) => ({ values, errors: {} });
    const importer = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValue({ inner });
    const resolver = lazyResolver<Values, { inner: Resolver<Values> }>(lazyModule(importer), (loaded) => loaded.inner);
    expect(await resolver({ name: "a" }, undefined, options)).toEqual({
      values: {},
      errors: { root: { type: "unavailable", message: VALIDATION_UNAVAILABLE } },
    });
    expect(await resolver({ name: "a" }, undefined, options)).toEqual({ values: { name: "a" }, errors: {} });
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
