import { authenticate } from "@/server/auth/authenticate";
import { setEntryPinned } from "@/server/db/entries";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string; id: string };

function pinRoute(pinned: boolean) {
  return route<Params>(async (request, { params }) => {
    const { slug, id } = await params;
    const { db, apply } = getRuntime();
    const entry = apply(await setEntryPinned(db, await authenticate(db, request), slug, id, pinned));
    return json({ entry });
  });
}

export const PUT = pinRoute(true);
export const DELETE = pinRoute(false);
