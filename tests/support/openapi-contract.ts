import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/api/openapi-document";

const DOCUMENT_ID = "https://yozuv.local/openapi.json";
// Formats zod writes that ajv-formats does not know: accepted as they are (zod checked them already).
const EXTRA_FORMATS = ["cuid", "cuid2", "ulid", "nanoid", "emoji", "xid", "ksuid", "base64", "base64url", "cidrv4", "cidrv6", "e164", "jwt", "mac", "credit_card", "iban", "json-string", "binary"];
// OpenAPI keywords around the schemas, which strict Ajv would otherwise refuse as unknown.
const OPENAPI_KEYWORDS = ["openapi", "info", "paths", "components", "security", "servers", "tags", "webhooks", "jsonSchemaDialect", "externalDocs", "example", "discriminator", "xml"];

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };

const pointer = (...tokens: string[]) => tokens.map((token) => encodeURIComponent(token.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");

/** Holds real answers to the OpenAPI document: status documented, JSON bodies valid against their schema. */
export function createContract() {
  const document = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  for (const format of EXTRA_FORMATS) ajv.addFormat(format, true);
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  ajv.addSchema({ ...structuredClone(document), $id: DOCUMENT_ID });
  const seen = new Set<string>();

  return {
    document,
    ajv,
    /** Checks one real answer of `method template` and returns its JSON body (or null for other bodies). */
    async expectConforms(method: string, template: string, response: Response): Promise<unknown> {
      const operation = document.paths[template]?.[method.toLowerCase()];
      expect(operation, `${method} ${template} is not in the document`).toBeDefined();
      const status = String(response.status);
      const documented = operation!.responses[status];
      expect(documented, `${method} ${template} answered ${status}, which the document does not list`).toBeDefined();
      seen.add(`${method.toUpperCase()} ${template} ${status}`);
      const contentType = response.headers.get("content-type") ?? "";
      if (!documented!.content) return null;
      if (!contentType.startsWith("application/json")) {
        expect(Object.keys(documented!.content).some((type) => type.endsWith("/*") ? contentType.startsWith(type.slice(0, -1)) : contentType.startsWith(type)), `${contentType} for ${method} ${template} ${status}`).toBe(true);
        return null;
      }
      const body: unknown = await response.clone().json();
      const validate = ajv.getSchema(`${DOCUMENT_ID}#/${pointer("paths", template, method.toLowerCase(), "responses", status, "content", "application/json", "schema")}`);
      expect(validate, `no JSON schema for ${method} ${template} ${status}`).toBeDefined();
      const valid = validate!(body);
      expect(valid, `${method} ${template} ${status}: ${ajv.errorsText(validate!.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
      return body;
    },
    /** "METHOD template" of every documented operation no test answer has been checked for yet. */
    unexercisedOperations(): string[] {
      const exercised = new Set([...seen].map((entry) => entry.split(" ").slice(0, 2).join(" ")));
      return Object.entries(document.paths).flatMap(([template, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${template}`)).filter((operation) => !exercised.has(operation));
    },
  };
}
