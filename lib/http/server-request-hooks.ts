import "server-only";
import { Server } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { lingerAfterEarlyAnswer } from "./linger-after-early-answer";
import { recordPeerAddress } from "./peer-address";
import { offerRawRequestBody } from "./raw-request-body";
import { limitRequestIdleTime } from "./upload-idle-timeout";

const installed = Symbol.for("yozuv.serverRequestHooks");

type RequestHookOptions = { requestIdleTimeoutSeconds: number };

/**
 * Sees every request on every `node:http` server of this process (the one `next start` and the
 * standalone server.js create) before Next.js does: Next gives its handlers no socket, and a
 * server-level timeout cannot be set from a route. Installed once from instrumentation.ts; a server
 * created before that call is covered too, since `emit` is looked up on the prototype per event.
 */
export function installServerRequestHooks({ requestIdleTimeoutSeconds }: RequestHookOptions = { requestIdleTimeoutSeconds: env.REQUEST_IDLE_TIMEOUT_SECONDS }): void {
  const prototype = Server.prototype as Server & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      recordPeerAddress(req);
      limitRequestIdleTime(this, req, args[1] as ServerResponse, requestIdleTimeoutSeconds);
      lingerAfterEarlyAnswer(req);
      offerRawRequestBody(req);
    }
    return (emit as (...rest: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof emit;
}
