import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { hasRequestBody } from "./has-request-body";

const disabledTotalTimeout = Symbol.for("yozuv.requestTimeoutDisabled");

/**
 * Cuts off a request whose body stops arriving for `idleSeconds`, however long the whole upload takes.
 * Node's own `requestTimeout` (300 s) limits the total instead, which a 50 MB upload on a slow
 * mobile network cannot meet; it is switched off for the server the first time it serves a request.
 * Destroying the socket makes the body stream fail, so the upload pipeline discards what it staged.
 */
export function limitRequestIdleTime(server: Server, req: IncomingMessage, res: ServerResponse, idleSeconds: number): void {
  const tracked = server as Server & { [disabledTotalTimeout]?: true };
  if (!tracked[disabledTotalTimeout]) {
    tracked[disabledTotalTimeout] = true;
    server.requestTimeout = 0;
  }
  if (req.complete || !hasRequestBody(req)) return;
  const socket = req.socket;
  const onIdle = () => {
    if (!req.complete) socket.destroy();
  };
  socket.setTimeout(idleSeconds * 1000, onIdle);
  req.once("end", () => {
    // Waiting for the answer is not the client's idleness. After the answer, the timer is Node's
    // keep-alive timeout (set when the response finished), which must stay.
    if (!res.writableFinished) socket.setTimeout(0);
  });
  req.once("close", () => socket.off("timeout", onIdle));
}
