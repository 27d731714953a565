// Next.js's 404 page, rendered for requests the process has decided no page answers (an unknown blog, a
// malformed path). Next deprecates `app.render404()` in custom servers in favour of its request handler given
// an adjusted URL; a path no route matches makes the handler render app/not-found.tsx with a 404 status.
// Plain Node: no "server-only" marker.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "next/dist/server/next";

/** Matches no route under app/ (a leading underscore makes a private folder, which never routes). */
export const NOT_FOUND_PATH = "/_liveline/not-found";

export function notFoundPage(handle: RequestHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return (req, res) => {
    // Next reads req.url as well as the parsed URL; the original path, possibly malformed, must reach neither.
    req.url = NOT_FOUND_PATH;
    return handle(req, res, {
      protocol: null,
      slashes: null,
      auth: null,
      port: null,
      hostname: null,
      hash: null,
      search: null,
      query: {},
      pathname: NOT_FOUND_PATH,
      href: NOT_FOUND_PATH,
    });
  };
}
