"use client";
import { useState, type FormEvent } from "react";
import type { BlogDTO } from "@/common/contracts/dto";
import { slugSchema } from "@/common/contracts/schemas";
import { ApiError, apiRequest, messageOf } from "./api-request";
import { FormAlert } from "./FormAlert";
import { FormField } from "./FormField";
import { buttonStyles, inputStyles } from "./styles";
import { suggestSlug } from "./suggest-slug";

export function NewBlogForm() {
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  // Once someone types a slug, the title stops overwriting it.
  const [slugEdited, setSlugEdited] = useState(false);
  const [summary, setSummary] = useState("");
  const [slugError, setSlugError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function changeTitle(value: string) {
    setTitle(value);
    if (!slugEdited) {
      setSlug(suggestSlug(value));
      setSlugError(null);
    }
  }

  function checkSlug(value: string): boolean {
    const result = slugSchema.safeParse(value);
    setSlugError(result.success ? null : (result.error.issues[0]?.message ?? "slug is not valid"));
    return result.success;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!checkSlug(slug)) return;
    setBusy(true);
    try {
      const { blog } = await apiRequest<{ blog: BlogDTO }>("POST", "/api/blogs", { title, slug, summary });
      window.location.assign(`/admin/blogs/${blog.slug}`);
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 409) setSlugError(`${caught.message}. Choose another slug.`);
      else setError(messageOf(caught, "The blog could not be created. Try again."));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="max-w-2xl space-y-4">
      <FormAlert message={error} />
      <FormField htmlFor="blog-title" label="Title">
        <input
          id="blog-title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => changeTitle(e.target.value)}
          className={inputStyles}
        />
      </FormField>
      <FormField htmlFor="blog-slug" label="Slug">
        <div className="flex items-center gap-1">
          <span className="text-neutral-600 dark:text-neutral-400" aria-hidden>
            /live/
          </span>
          <input
            id="blog-slug"
            name="slug"
            required
            maxLength={80}
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
              if (slugError) checkSlug(e.target.value);
            }}
            onBlur={(e) => e.target.value && checkSlug(e.target.value)}
            aria-invalid={!!slugError}
            aria-describedby={slugError ? "blog-slug-hint blog-slug-error" : "blog-slug-hint"}
            className={`${inputStyles} font-mono`}
          />
        </div>
        <p id="blog-slug-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          The reader page&apos;s address: lowercase letters, digits and single hyphens. It cannot be changed later.
        </p>
        {slugError && (
          <p id="blog-slug-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {slugError}
          </p>
        )}
      </FormField>
      <FormField htmlFor="blog-summary" label="Summary">
        <textarea
          id="blog-summary"
          name="summary"
          rows={3}
          maxLength={2000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          className={inputStyles}
        />
      </FormField>
      <button type="submit" disabled={busy} className={buttonStyles.primary}>
        {busy ? "Creating…" : "Create live blog"}
      </button>
    </form>
  );
}
