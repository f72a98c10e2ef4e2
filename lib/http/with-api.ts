import "server-only";
import { apiCaller, type CurrentUser } from "@/lib/auth/current-user";
import { requestLogger } from "@/lib/log/request-logger";
import { AppError } from "@/lib/errors/app-error";
import { addCorsHeaders } from "./cors/add-cors-headers";
import { errorResponse } from "./error-response";
import { refuseCrossSiteRequest } from "./refuse-cross-site-request";

type RouteContext<Params> = { params: Promise<Params> };
type Handler<Caller, Params> = (request: Request, context: { caller: Caller; params: Params }) => Promise<Response>;
type Options = {
  public?: true;
  /**
   * For handlers that may refuse a large body before reading it all (uploads): an error answer asks
   * the client to close the connection, so a keep-alive client never sends its next request after
   * the unread rest of this body.
   */
  closeConnectionOnError?: true;
};

/**
 * Every /api/v1 handler goes through here: resolve the caller (bearer token first, then the browser
 * session), require one unless the route is public, refuse cross-site cookie requests, and turn every thrown error into the API's error shape.
 */
export function withApi<Params = Record<string, never>>(handler: Handler<CurrentUser, Params>, options?: Omit<Options, "public">): (request: Request, context: RouteContext<Params>) => Promise<Response>;
export function withApi<Params = Record<string, never>>(handler: Handler<null, Params>, options: Options & { public: true }): (request: Request, context: RouteContext<Params>) => Promise<Response>;
export function withApi<Params>(handler: Handler<CurrentUser, Params> | Handler<null, Params>, options?: Options) {
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
      addCorsHeaders(request, response);
      return response;
    } catch (error) {
      const response = errorResponse(error, request.headers, log);
      response.headers.set("x-request-id", requestId);
      if (options?.closeConnectionOnError) response.headers.set("Connection", "close");
      addCorsHeaders(request, response);
      return response;
    }
  };
}
