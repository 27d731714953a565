import { authenticate } from "@/server/auth/authenticate";
import { auditQuerySchema } from "@/common/contracts/schemas";
import { listAuditEvents } from "@/server/db/audit";
import { json, readQuery, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const GET = route<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const { db } = getRuntime();
  const actor = await authenticate(db, request);
  return json(await listAuditEvents(db, actor, slug, readQuery(request, auditQuerySchema)));
});
