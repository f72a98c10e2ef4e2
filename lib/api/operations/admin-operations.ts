import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditPageJson, listAuditQuery } from "@/lib/admin/api/admin-audit-schemas";
import { jobsPageJson, listJobsQuery, retryJobJson } from "@/lib/admin/api/admin-jobs-schemas";
import { adminStatsJson } from "@/lib/admin/api/admin-stats-schemas";
import { adminUserJson, adminUsersPageJson, listUsersQuery, updateUserBody } from "@/lib/admin/api/admin-users-schemas";
import { errors, json } from "./responses";

const idPath = z.object({ id: z.string() });
const tags = ["admin"];

/** Admins only: every operation answers 403 to anyone else. */
export const adminOperations: ZodOpenApiPathsObject = {
  "/api/v1/admin/users": {
    get: {
      operationId: "adminListUsers",
      tags,
      summary: "People with their role, status, usage and quotas; search by phone",
      requestParams: { query: listUsersQuery },
      responses: { "200": json("A page of users", adminUsersPageJson), ...errors(401, 403, 422) },
    },
  },
  "/api/v1/admin/users/{id}": {
    patch: {
      operationId: "adminUpdateUser",
      tags,
      summary: "Change a role, disable or enable (ending every session at once), set quotas",
      requestParams: { path: idPath },
      requestBody: { required: true, content: { "application/json": { schema: updateUserBody } } },
      responses: { "200": json("The user as changed", adminUserJson), ...errors(400, 401, 403, 404, 409, 422) },
    },
  },
  "/api/v1/admin/stats": {
    get: { operationId: "adminStats", tags, summary: "Users, recordings, audio and storage, and the job queue's counts", responses: { "200": json("The numbers", adminStatsJson), ...errors(401, 403) } },
  },
  "/api/v1/admin/jobs": {
    get: {
      operationId: "adminListJobs",
      tags,
      summary: "Transcription jobs in one state (failed by default; stuck = processing with no progress past its expiry)",
      requestParams: { query: listJobsQuery },
      responses: { "200": json("A page of jobs", jobsPageJson), ...errors(401, 403, 422) },
    },
  },
  "/api/v1/admin/jobs/{id}/retry": {
    post: {
      operationId: "adminRetryJob",
      tags,
      summary: "Transcribe a failed or stuck recording again",
      requestParams: { path: idPath },
      responses: { "202": json("Queued again", retryJobJson), ...errors(401, 403, 404, 409) },
    },
  },
  "/api/v1/admin/audit": {
    get: { operationId: "adminAuditLog", tags, summary: "Every admin action, newest first", requestParams: { query: listAuditQuery }, responses: { "200": json("A page of entries", auditPageJson), ...errors(401, 403, 422) } },
  },
};
