import { authenticate } from "@/server/auth/authenticate";
import { setEntryPinned } from "@/server/db/entries";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string; id: string };

function pinRoute(pinned: boolean) {
  return route<Params>(async (request, { params }) => {
    const { slug, id } = await params;
    const { db, notifyEntryChange } = getRuntime();
    const change = await setEntryPinned(db, await authenticate(db, request), slug, id, pinned);
    notifyEntryChange(change);
    return json({ entry: change.entry });
  });
}

export const PUT = pinRoute(true);
export const DELETE = pinRoute(false);
