"use client";
// The publisher's brand: name, logo, accent colour, default time zone and locale, with a preview of how the
// reader header, a link, the live badge and a button look. Checked here with the API's own schema, so most
// mistakes are named at the field before anything is sent; the server checks again (and knows IMAGE_HOSTS).
import { useRouter } from "next/navigation";
import { useState, type CSSProperties, type FormEvent } from "react";
import type { PublisherDTO, UploadDTO } from "@/common/contracts/dto";
import { publisherSettingsSchema, type PublisherSettingsInput } from "@/common/contracts/schemas";
import { contrastOnWhite, HEX_COLOR } from "@/common/publisher-brand";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { apiRequest, messageOf } from "./api-request";
import { FormAlert, type Notice } from "./FormAlert";
import { FormField } from "./FormField";
import { Panel } from "./Panel";
import { buttonStyles, inputStyles } from "./styles";

type Field = keyof PublisherSettingsInput;
type Draft = Record<Field, string>;

const COMMON_LOCALES = ["en-GB", "en-US", "en-AU", "en-IE", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR"];

function draftOf(publisher: PublisherDTO): Draft {
  const { name, logoUrl, accentColor, timeZone, locale } = publisher;
  return { name, logoUrl: logoUrl ?? "", accentColor, timeZone, locale };
}

function inputOf(draft: Draft): Record<Field, string | null> {
  return { ...draft, logoUrl: draft.logoUrl.trim() || null };
}

/** Each field's first problem, as the API would name it. */
function problemsOf(draft: Draft): Partial<Record<Field, string>> {
  const parsed = publisherSettingsSchema.safeParse(inputOf(draft));
  const problems: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as Field;
    problems[field] ??= issue.message;
  }
  return problems;
}

export function PublisherSettingsForm({ initial, timeZones }: { initial: PublisherDTO; timeZones: string[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [shown, setShown] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // A problem shown at a field goes as soon as it is fixed; new ones wait for the next save.
    setShown((current) =>
      current[field] ? { ...current, [field]: problemsOf({ ...draft, [field]: value })[field] } : current,
    );
  };

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  async function submit() {
    const problems = problemsOf(draft);
    setShown(problems);
    if (Object.keys(problems).length > 0) {
      setNotice({ tone: "error", message: "Fix the fields marked below, then save again." });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const answer = await apiRequest<{ publisher: PublisherDTO }>("PUT", "/api/settings/publisher", inputOf(draft));
      setSaved(answer.publisher);
      setDraft(draftOf(answer.publisher));
      setNotice({ tone: "success", message: "Saved. Readers see the new brand on their next page load." });
      // The newsroom header names the publisher too.
      router.refresh();
    } catch (caught) {
      setNotice({ tone: "error", message: messageOf(caught, "The settings could not be saved. Try again.") });
    } finally {
      setBusy(false);
    }
  }

  async function uploadLogo(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setNotice(null);
    try {
      const form = new FormData();
      form.append("file", file);
      set("logoUrl")((await apiRequest<UploadDTO>("POST", "/api/uploads", form)).url);
    } catch (caught) {
      setNotice({
        tone: "error",
        message: `The logo upload failed: ${messageOf(caught, "could not reach the server.")}`,
      });
    } finally {
      setBusy(false);
    }
  }

  const unchanged = JSON.stringify(draft) === JSON.stringify(draftOf(saved));
  const accentValid = HEX_COLOR.test(draft.accentColor.trim());
  const previewAccent = accentValid ? draft.accentColor.trim() : saved.accentColor;
  const logo = draft.logoUrl.trim();

  const field = (name: Field) => ({
    id: `publisher-${name}`,
    name,
    value: draft[name],
    "aria-invalid": shown[name] ? true : undefined,
    "aria-describedby": shown[name] ? `publisher-${name}-error` : `publisher-${name}-hint`,
    className: inputStyles,
    onChange: (event: { target: { value: string } }) => set(name)(event.target.value),
  });
  const hint = (name: Field, text: string) =>
    shown[name] ? (
      <p id={`publisher-${name}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
        {shown[name]}
      </p>
    ) : (
      <p id={`publisher-${name}-hint`} className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
        {text}
      </p>
    );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Panel headingId="brand-heading" heading="Brand">
        <form onSubmit={save} noValidate className="space-y-4">
          <FormField htmlFor="publisher-name" label="Publisher name">
            <input {...field("name")} required maxLength={80} autoComplete="organization" />
            {hint("name", "Shown in the reader header, page titles, shares, feeds and embeds.")}
          </FormField>

          <FormField htmlFor="publisher-logoUrl" label="Logo URL">
            <div className="flex gap-2">
              <input {...field("logoUrl")} inputMode="url" placeholder="https://… or /uploads/…" />
              <label
                className={`${buttonStyles.secondary} shrink-0 cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600`}
              >
                Upload logo
                <input
                  type="file"
                  accept="image/*"
                  className="sr-only"
                  disabled={busy}
                  onChange={(event) => {
                    void uploadLogo(event.target.files?.[0]);
                    event.target.value = "";
                  }}
                />
              </label>
            </div>
            {hint("logoUrl", "Optional. Shown beside the name and given to search engines as the publisher's logo.")}
          </FormField>

          <FormField htmlFor="publisher-accentColor" label="Accent colour">
            <div className="flex items-center gap-2">
              <input
                type="color"
                aria-label="Pick the accent colour"
                value={accentValid ? draft.accentColor.trim().toLowerCase() : saved.accentColor}
                onChange={(event) => set("accentColor")(event.target.value)}
                className="h-9 w-12 shrink-0 cursor-pointer rounded border border-neutral-300 bg-white p-0.5 dark:border-neutral-700"
              />
              <input
                {...field("accentColor")}
                placeholder="#b91c1c"
                spellCheck={false}
                className={`${inputStyles} font-mono`}
              />
            </div>
            {hint(
              "accentColor",
              accentValid
                ? `Links, buttons and the live badge. ${contrastOnWhite(draft.accentColor.trim()).toFixed(1)}:1 on white (at least 4.5:1 needed).`
                : "Links, buttons and the live badge, as #rrggbb.",
            )}
          </FormField>

          <div className="grid gap-4 sm:grid-cols-2">
            <FormField htmlFor="publisher-timeZone" label="Default time zone">
              <input {...field("timeZone")} list="publisher-time-zones" spellCheck={false} autoComplete="off" />
              <datalist id="publisher-time-zones">
                {timeZones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
              {hint("timeZone", "IANA name, e.g. Europe/London. Times show in it until the reader's own is known.")}
            </FormField>
            <FormField htmlFor="publisher-locale" label="Locale">
              <input {...field("locale")} list="publisher-locales" spellCheck={false} autoComplete="off" />
              <datalist id="publisher-locales">
                {COMMON_LOCALES.map((locale) => (
                  <option key={locale} value={locale} />
                ))}
              </datalist>
              {hint("locale", "BCP 47 tag, e.g. en-GB: how dates and times are written.")}
            </FormField>
          </div>

          <button type="submit" disabled={busy || unchanged} className={buttonStyles.primary}>
            Save settings
          </button>
        </form>
      </Panel>

      <Panel headingId="preview-heading" heading="Preview" className="space-y-3">
        <div
          data-testid="publisher-preview"
          style={{ "--accent": previewAccent } as CSSProperties}
          className="overflow-hidden rounded border border-neutral-200 bg-white text-neutral-900"
        >
          <div className="flex items-center gap-2 border-b border-neutral-200 px-3 py-2 text-lg font-black tracking-tight">
            {logo && <img src={logo} alt="" className="h-8 w-auto" />}
            <span>{draft.name.trim() || "(no name)"}</span>
          </div>
          <div className="space-y-3 px-3 py-3 text-sm">
            <p className="flex items-center gap-2">
              <StatusBadge status="LIVE" />
              <span className="font-semibold">A live blog</span>
            </p>
            <p>
              An update with <span className="text-accent underline">a link in it</span>.
            </p>
            <span className="inline-flex items-center gap-2 rounded-full bg-accent px-4 py-2 text-sm font-semibold text-white">
              <span aria-hidden>↑</span> 2 new updates
            </span>
          </div>
        </div>
        {saved.updatedAt === null && (
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            Nothing saved yet: readers see the defaults from the server&apos;s environment (PUBLISHER_*).
          </p>
        )}
      </Panel>
      <div className="lg:col-span-2" aria-live="polite">
        {notice && <FormAlert tone={notice.tone} message={notice.message} />}
      </div>
    </div>
  );
}
