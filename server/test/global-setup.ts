// Integration tests run the production server, so they need a Next.js build of the current sources.
import { ensureBuild } from "../../scripts/ensure-build";

export default function setup(): void {
  ensureBuild();
}
