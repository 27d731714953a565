/** A label no longer in the blog's list has no colour of its own: neutral-700, on which white is 10:1. */
export const UNLISTED_LABEL_COLOUR = "#404040";
