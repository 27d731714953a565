// A writer pastes from Word or Google Docs: the entry keeps the words and the meant formatting, nothing else.
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures/server.ts";
import { composer, entriesOf, entryText, openWorkspace, signIn } from "./fixtures/newsroom.ts";

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head>
<body lang="EN-GB"><!--StartFragment-->
<p class="MsoNormal" style="margin-bottom:0cm;line-height:normal"><span style="font-size:12.0pt;font-family:&quot;Calibri&quot;,sans-serif;mso-fareast-language:EN-GB">Polling stations <b>closed</b> at <span style="color:#C00000">ten</span>.</span><o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal"><span lang="EN-US" style="font-family:Calibri">Turnout was <i>higher</i> than expected.<o:p></o:p></span></p>
<!--EndFragment--></body></html>`;

const GOOGLE_DOCS_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><p dir="ltr" style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:700;">Recount</span><span style="font-size:11pt;font-family:Arial;font-style:italic;"> ordered</span><span style="font-size:11pt"> in the north.</span></p></b>`;

/** What the browser does on Ctrl+V with this HTML on the clipboard, at the editor's current selection. */
async function paste(target: Locator, html: string): Promise<void> {
  await target.evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/html", data);
    transfer.setData("text/plain", data.replace(/<[^>]+>/g, ""));
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);
}

test("pasting from Word or Google Docs leaves clean paragraphs with only the allowed formatting", async ({
  page,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "paste" });
  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  const form = composer(page);
  const text = entryText(form);

  await text.click();
  await paste(text, WORD_HTML);
  await expect(text.locator("p")).toHaveCount(2);
  await expect(text.locator("p").nth(0)).toHaveText("Polling stations closed at ten.");
  await expect(text.locator("p").nth(1)).toHaveText("Turnout was higher than expected.");
  await expect(text.locator("p strong")).toHaveText("closed");
  await expect(text.locator("p em")).toHaveText("higher");
  // No styles, classes, spans or Office tags survive.
  await expect(text.locator("[style], [class], [lang], span")).toHaveCount(0);
  expect(await text.innerHTML()).not.toMatch(/o:p|Mso|mso-|<!--/);

  // A new, empty paragraph, so the pasted one is not merged into the last.
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await paste(text, GOOGLE_DOCS_HTML);
  await expect(text.locator("p").last()).toHaveText("Recount ordered in the north.");
  await expect(text.locator("p").last().locator("strong")).toHaveText("Recount");
  await expect(text.locator("p").last().locator("em")).toHaveText("ordered");
  await expect(text.locator("[style], [class], [id], span, b")).toHaveCount(0);

  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(form.getByText("Published.")).toBeVisible();
  const [entry] = await entriesOf(server, blog.slug);
  expect(entry!.body).toBe(
    "<p>Polling stations <strong>closed</strong> at ten.</p><p>Turnout was <em>higher</em> than expected.</p><p><strong>Recount</strong><em> ordered</em> in the north.</p>",
  );
});

test("a picture pasted from another site is not published: the composer shows the server's reason and keeps the text", async ({
  page,
  server,
  newsroom,
}) => {
  const blog = await newsroom.createBlog({ prefix: "paste-picture" });
  // Google Docs puts pasted pictures on its own host; this browser need not fetch it.
  const picture = "https://lh3.googleusercontent.com/docs/queue.png";
  await page.route("https://lh3.googleusercontent.com/**", (route) => route.abort());
  await signIn(page.context(), server.users.editor);
  await openWorkspace(page, blog.slug);
  const form = composer(page);
  const text = entryText(form);

  await text.click();
  await paste(text, `<p>Queues at the polls.</p><img src="${picture}" alt="A queue outside the town hall">`);
  await expect(text.locator("img")).toHaveAttribute("src", picture);
  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    `body: images must be uploaded here (/uploads/…); "${picture}" is from elsewhere: upload the image instead`,
  );
  await expect(text).toContainText("Queues at the polls.");
  expect(await entriesOf(server, blog.slug)).toEqual([]);
});
