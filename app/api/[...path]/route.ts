// Unknown API paths answer JSON like every other API error, not an HTML page.
import { json } from "@/server/http/route";

const notFound = (request: Request) =>
  json({ error: `no API route ${request.method} ${new URL(request.url).pathname}`, code: "NOT_FOUND" }, 404);

export {
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
