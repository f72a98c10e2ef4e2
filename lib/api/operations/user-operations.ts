import type { ZodOpenApiPathsObject } from "zod-openapi";
import { userSchema } from "@/lib/api/schemas/user-schemas";
import { transcriptionPreferencesChange } from "@/lib/users/save-transcription-preferences";
import { errors, json } from "./responses";

export const userOperations: ZodOpenApiPathsObject = {
  "/api/v1/users/me": {
    get: { operationId: "getCurrentUser", tags: ["users"], summary: "The signed-in user", responses: { "200": json("The user", userSchema), ...errors(401, 404) } },
    patch: {
      operationId: "updateCurrentUser",
      tags: ["users"],
      summary: "The caller's transcription settings: Uzbek script, default language, vocabulary",
      requestBody: { required: true, content: { "application/json": { schema: transcriptionPreferencesChange } } },
      responses: { "200": json("The user", userSchema), ...errors(400, 401, 422) },
    },
  },
};
