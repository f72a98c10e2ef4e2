import type { ZodOpenApiPathsObject } from "zod-openapi";
import { userSchema } from "@/lib/api/schemas/user-schemas";
import { errors, json } from "./responses";

export const userOperations: ZodOpenApiPathsObject = {
  "/api/v1/users/me": {
    get: { operationId: "getCurrentUser", tags: ["users"], summary: "The signed-in user", responses: { "200": json("The user", userSchema), ...errors(401, 404) } },
  },
};
