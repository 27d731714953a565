"use client";
// Upload a picture, then say what it shows (required alt text) and optionally caption it, then insert it.
import { useId, useState } from "react";
import type { UploadDTO } from "@/common/contracts/dto";
import { apiRequest, ApiError } from "@/components/admin/api-request";
import { FormField } from "@/components/admin/FormField";
import { buttonStyles, inputStyles } from "@/components/admin/styles";
import { InsertOrCancel } from "./InsertOrCancel";

export function ImageInserter({
  onInsert,
}: {
  onInsert: (image: { src: string; alt: string; caption: string }) => void;
}) {
  const id = useId();
  const [uploading, setUploading] = useState(false);
  const [upload, setUpload] = useState<UploadDTO | null>(null);
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [altMissing, setAltMissing] = useState(false);

  const reset = () => {
    setUpload(null);
    setAlt("");
    setCaption("");
    setAltMissing(false);
    setError(null);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    reset();
    if (!file.type.startsWith("image/")) return setError("That file is not an image.");
    setUploading(true);
    try {
      const form = new FormData();
      form.append("file", file);
      setUpload(await apiRequest<UploadDTO>("POST", "/api/uploads", form));
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? `The upload failed: ${caught.message}`
          : "The upload failed: could not reach the server.",
      );
    } finally {
      setUploading(false);
    }
  };

  const insert = () => {
    if (!upload) return;
    if (!alt.trim()) return setAltMissing(true);
    onInsert({ src: upload.url, alt: alt.trim(), caption: caption.trim() });
    reset();
  };

  return (
    <div>
      <label
        className={`${buttonStyles.secondary} cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600`}
      >
        {uploading ? "Uploading…" : "Upload image"}
        <input
          type="file"
          accept="image/*"
          className="sr-only"
          disabled={uploading}
          onChange={(event) => {
            void onFile(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
      </label>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {upload && (
        <div
          role="group"
          aria-label="Image details"
          className="mt-2 flex flex-wrap gap-3 rounded border border-neutral-300 p-2 dark:border-neutral-700"
        >
          <img src={upload.url} alt="" className="h-20 w-20 rounded object-cover" />
          <div className="min-w-48 flex-1 space-y-2">
            <FormField htmlFor={`${id}-alt`} label="Alt text (required)">
              <input
                id={`${id}-alt`}
                value={alt}
                required
                maxLength={300}
                aria-invalid={altMissing && !alt.trim() ? true : undefined}
                aria-describedby={`${id}-alt-help`}
                onChange={(event) => setAlt(event.target.value)}
                className={inputStyles}
              />
              <p
                id={`${id}-alt-help`}
                className={`mt-1 text-xs ${altMissing && !alt.trim() ? "text-red-700 dark:text-red-400" : "text-neutral-600 dark:text-neutral-400"}`}
              >
                {altMissing && !alt.trim()
                  ? "Describe the image for readers who cannot see it."
                  : "What the image shows, for screen readers."}
              </p>
            </FormField>
            <FormField htmlFor={`${id}-caption`} label="Caption (optional)">
              <input
                id={`${id}-caption`}
                value={caption}
                maxLength={500}
                onChange={(event) => setCaption(event.target.value)}
                className={inputStyles}
              />
            </FormField>
            <InsertOrCancel insertLabel="Insert image" onInsert={insert} onCancel={reset} />
          </div>
        </div>
      )}
    </div>
  );
}
