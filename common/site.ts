/** The name readers, feeds and shares see for the site. */
export const SITE_NAME = "Liveline";
