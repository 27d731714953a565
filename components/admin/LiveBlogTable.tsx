"use client";
// The dashboard's list of blogs, kept current: a colleague's new, edited or ended blog, or a new entry's
// counts, show without a reload.
import { useState } from "react";
import type { BlogSummaryDTO } from "@/common/contracts/dto";
import { apiRequest } from "./api-request";
import { BlogTable } from "./BlogTable";
import { LiveListStatus } from "./LiveListStatus";
import { useLiveList } from "./use-live-list";

export function LiveBlogTable({
  initial,
  canEdit,
  canAudit,
}: {
  initial: BlogSummaryDTO[];
  canEdit: boolean;
  canAudit: boolean;
}) {
  const [blogs, setBlogs] = useState(initial);
  const live = useLiveList({ list: "blogs" }, async () => {
    setBlogs((await apiRequest<{ blogs: BlogSummaryDTO[] }>("GET", "/api/blogs?view=newsroom")).blogs);
  });
  return (
    <div className="space-y-2">
      <LiveListStatus state={live} />
      <BlogTable blogs={blogs} canEdit={canEdit} canAudit={canAudit} />
    </div>
  );
}
