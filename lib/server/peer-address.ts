// Stamps the TCP peer's address on every request the Node server receives, before Next.js reads it, so that
// lib/auth/client-address.ts knows who connected even when a client sends its own X-Forwarded-For (Next.js keeps
// a client's header as it is). Installed once per server process from instrumentation.ts.
import http from "node:http";
import { PEER_HEADER } from "../auth/client-address";

const INSTALLED = Symbol.for("kpi.peerAddressStamp");

export function installPeerAddressStamp(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (event: string, ...args: unknown[]) => boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function stamped(this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      // never believe a copy sent by the client
      delete req.headers[PEER_HEADER];
      const peer = req.socket?.remoteAddress;
      if (peer) req.headers[PEER_HEADER] = peer;
    }
    return emit.call(this, event, ...args);
  };
}
