import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApiDocument } from "./openapi";

describe("the token API's OpenAPI document", () => {
  it("is valid OpenAPI 3.1 with every path, the bearer scheme and problem responses", async () => {
    const doc = buildOpenApiDocument();
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    const base = "/api/v1/organizations/{code}/plans/{slug}";
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/v1/me",
        "/api/v1/me/notifications",
        "/api/v1/me/notifications/{id}/read",
        "/api/v1/me/notifications/read-all",
        `${base}/measures`,
        `${base}/measures/{no}`,
        `${base}/evaluation-years/{fiscalYear}`,
        `${base}/measures/{no}/entries/{fiscalYear}`,
        `${base}/measures/{no}/entries/{fiscalYear}/submit`,
        `${base}/measures/{no}/entries/{fiscalYear}/approve`,
        `${base}/measures/{no}/entries/{fiscalYear}/return`,
      ].sort(),
    );
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths[`${base}/measures/{no}`].patch.responses["422"].content).toHaveProperty("application/problem+json");
  });

  it("the validator is not vacuous: a broken document fails", async () => {
    const broken = structuredClone(buildOpenApiDocument()) as Record<string, unknown>;
    delete broken.info;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("is generated from the forms' schemas (a KPI's series, the sheet's version and narratives)", () => {
    const s = buildOpenApiDocument().components.schemas as Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    expect(Object.keys(s.MeasureCreate.properties ?? {})).toEqual(expect.arrayContaining(["number", "name", "owners", "series", "reason"]));
    expect(s.MeasureCreate.required).toEqual(expect.arrayContaining(["number", "name"]));
    expect(s.MeasurePatch.required ?? []).toEqual([]);
    expect(s.SheetPut.properties?.effortStatus).toBeDefined();
    expect(s.SheetPut.required).toEqual(["version"]);
    expect(s.Return.required).toEqual(expect.arrayContaining(["version", "reason"]));
    expect(JSON.stringify(s.MeasureCreate)).toContain('"enum":["number","at_least","relative","milestone","period_total"]');
  });
});
