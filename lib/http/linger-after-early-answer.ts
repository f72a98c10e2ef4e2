import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { hasRequestBody } from "./has-request-body";

// How long a connection keeps reading (and dropping) a refused body after the answer before it is
// closed: long enough for a client still sending to read the answer (nginx's lingering close).
export const LINGER_MS = 3000;

/**
 * A refused upload is answered before its body has arrived, with `Connection: close`, and Node then
 * destroys the socket at once: the client, still sending, gets a reset, and its TCP stack may throw
 * away the answer it had not read yet (the client sees EPIPE and no status). For such a request,
 * closing becomes: our FIN after the answer, the rest of the body read and dropped, and the socket
 * destroyed when the client closes its side or after LINGER_MS. Other requests close as before.
 */
export function lingerAfterEarlyAnswer(req: IncomingMessage): void {
  // A request without a body is complete when it is answered: nothing to linger for.
  if (!hasRequestBody(req)) return;
  const socket = req.socket as Socket;
  const destroySoon = Object.getPrototypeOf(socket).destroySoon as () => void;
  socket.destroySoon = function lingeringDestroySoon(this: Socket) {
    if (req.complete || this.destroyed) return destroySoon.call(this);
    this.end();
    // Whoever held the body (a web stream adapter, paused once its queue filled) has been answered
    // for; the body now flows into nothing, so the socket keeps reading.
    req.removeAllListeners("data");
    req.on("data", () => {});
    req.resume();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("close", () => clearTimeout(timer));
  };
}
