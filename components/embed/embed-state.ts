// What the embed's script starts from: the server serializes it into the page (embed-document.ts), the
// script reads it back (embed-client.ts).
import type { InitialFeed } from "@/common/contracts/dto";
import type { EmbedOptions } from "./embed-options";

export interface EmbedState {
  /** The newest updates as the page shows them, at the blog's seq: events after it are replayed on join. */
  feed: InitialFeed;
  options: Pick<EmbedOptions, "entries" | "header" | "pinned">;
}

/** The id of the page's <script type="application/json"> that holds the state. */
export const EMBED_STATE_ID = "embed-state";
