"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { StatusBadge } from "@/components/ui/StatusBadge";
import type { BlogDTO, FeedOrder } from "@/common/contracts/dto";
import type { UpdateBlogInput } from "@/common/contracts/schemas";
import { apiRequest, messageOf } from "./api-request";
import { ConfirmButton } from "./ConfirmButton";
import { FormAlert, type Notice } from "./FormAlert";
import { FormField } from "./FormField";
import { Panel } from "./Panel";
import { Timestamp } from "./Timestamp";
import { buttonStyles, inputStyles } from "./styles";

const SORT_CHOICES: { order: FeedOrder; label: string }[] = [
  { order: "NEWEST", label: "Newest first" },
  { order: "OLDEST", label: "Oldest first" },
];

export function BlogSettingsForm({ initial }: { initial: BlogDTO }) {
  const router = useRouter();
  const [blog, setBlog] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [summary, setSummary] = useState(initial.summary);
  const [defaultSort, setDefaultSort] = useState<FeedOrder>(initial.defaultSort);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  async function patch(change: UpdateBlogInput, done: string): Promise<void> {
    setBusy(true);
    setNotice(null);
    try {
      const answer = await apiRequest<{ blog: BlogDTO }>(
        "PATCH",
        `/api/blogs/${encodeURIComponent(blog.slug)}`,
        change,
      );
      setBlog(answer.blog);
      setTitle(answer.blog.title);
      setSummary(answer.blog.summary);
      setDefaultSort(answer.blog.defaultSort);
      setNotice({ tone: "success", message: done });
      // The page heading and breadcrumb are server-rendered and name the blog.
      router.refresh();
    } catch (caught) {
      setNotice({ tone: "error", message: messageOf(caught, "The change could not be saved. Try again.") });
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void patch({ title, summary, defaultSort }, "Saved.");
  }

  const unchanged = title === blog.title && summary === blog.summary && defaultSort === blog.defaultSort;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <Panel headingId="details-heading" heading="Details">
        <form onSubmit={save} className="space-y-4">
          <FormField htmlFor="settings-title" label="Title">
            <input
              id="settings-title"
              name="title"
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              className={inputStyles}
            />
          </FormField>
          <FormField htmlFor="settings-summary" label="Summary">
            <textarea
              id="settings-summary"
              name="summary"
              rows={4}
              maxLength={2000}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              className={inputStyles}
            />
          </FormField>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Order of updates for readers</legend>
            <p className="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
              Readers can switch; this is what they see first. A Q&amp;A or a match report reads oldest first.
            </p>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {SORT_CHOICES.map(({ order, label }) => (
                <label key={order} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="defaultSort"
                    value={order}
                    checked={defaultSort === order}
                    onChange={() => setDefaultSort(order)}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" disabled={busy || unchanged} className={buttonStyles.primary}>
            Save changes
          </button>
        </form>
      </Panel>

      <Panel headingId="status-heading" heading="Status" className="space-y-3">
        <p className="flex items-center gap-2" data-testid="blog-status">
          <StatusBadge status={blog.status} />
          {blog.status === "ENDED" && blog.endedAt && (
            <span>
              Ended <Timestamp iso={blog.endedAt} />
            </span>
          )}
          {blog.status === "LIVE" && <span>Readers see new entries as they are published.</span>}
        </p>
        {blog.status === "LIVE" ? (
          <ConfirmButton
            label="End live blog"
            title="End this live blog?"
            message="Readers will see it as ended and nobody can publish new entries. You can reopen it later."
            confirmLabel="End live blog"
            disabled={busy}
            onConfirm={() => patch({ status: "ENDED" }, "The live blog has ended.")}
          />
        ) : (
          <button
            type="button"
            className={buttonStyles.secondary}
            disabled={busy}
            onClick={() => void patch({ status: "LIVE" }, "The live blog is live again.")}
          >
            Reopen
          </button>
        )}
        <p>
          <a href={`/live/${blog.slug}`} className={buttonStyles.link}>
            Reader page
          </a>{" "}
          <span className="font-mono text-xs text-neutral-600 dark:text-neutral-400">/live/{blog.slug}</span>
        </p>
      </Panel>
      <div className="lg:col-span-2" aria-live="polite">
        {notice && <FormAlert tone={notice.tone} message={notice.message} />}
      </div>
    </div>
  );
}
