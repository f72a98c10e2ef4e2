import "server-only";
import { apiCaller, type CurrentUser } from "@/lib/auth/current-user";
import { requestLogger } from "@/lib/log/request-logger";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "./error-response";
import { refuseCrossSiteRequest } from "./refuse-cross-site-request";

type RouteContext<Params> = { params: Promise<Params> };
type Handler<Caller, Params> = (request: Request, context: { caller: Caller; params: Params }) => Promise<Response>;

/**
 * Every /api/v1 handler goes through here: resolve the caller (bearer token first, then the browser
 * session), require one unless the route is public, refuse cross-site cookie requests, and turn every thrown error into the API's error shape.
 */
export function withApi<Params = Record<string, never>>(handler: Handler<CurrentUser, Params>): (request: Request, context: RouteContext<Params>) => Promise<Response>;
export function withApi<Params = Record<string, never>>(handler: Handler<null, Params>, options: { public: true }): (request: Request, context: RouteContext<Params>) => Promise<Response>;
export function withApi<Params>(handler: Handler<CurrentUser, Params> | Handler<null, Params>, options?: { public: true }) {
  // Protected handlers only ever run with a caller (checked below), which is what their type promises.
  const run = handler as Handler<CurrentUser | null, Params>;
  return async (request: Request, context: RouteContext<Params>) => {
    const { log, requestId } = requestLogger(request.headers);
    try {
      const params = await context.params;
      const caller = options?.public ? null : await apiCaller(request.headers);
      if (!options?.public && !caller) throw new AppError("unauthorized");
      // Authenticated by the cookie (no Authorization header): the browser may have been made to send it.
      if (caller && !request.headers.has("authorization")) refuseCrossSiteRequest(request);
      const response = await run(request, { caller, params });
      response.headers.set("x-request-id", requestId);
      // A user's data must not stay in a shared or browser cache after they sign out.
      if (response.headers.get("content-type")?.startsWith("application/json") && !response.headers.has("cache-control")) response.headers.set("Cache-Control", "no-store");
      return response;
    } catch (error) {
      const response = errorResponse(error, request.headers, log);
      response.headers.set("x-request-id", requestId);
      return response;
    }
  };
}
