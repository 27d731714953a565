// What the newsroom shows of presence: who else is in the workspace, who else has an entry open, and which
// entries this tab tells the server it is editing. Pure, so it is unit-tested; the server's list is the truth.
import { PRESENCE_MAX_EDITING, type PresencePerson } from "@/common/contracts/events";

/** Everyone in the workspace but the signed-in person (their other tabs included). */
export function othersHere(people: readonly PresencePerson[], selfId: string): PresencePerson[] {
  return people.filter((person) => person.id !== selfId);
}

/** Colleagues with this entry open in an editor. */
export function colleaguesEditing(
  people: readonly PresencePerson[],
  selfId: string,
  entryId: string,
): PresencePerson[] {
  return othersHere(people, selfId).filter((person) => person.editing.includes(entryId));
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy", "Ana, Ben and 2 others". */
export function namesInWords(names: readonly string[], shown = 3): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length <= shown) return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const rest = names.length - (shown - 1);
  return `${names.slice(0, shown - 1).join(", ")} and ${rest} others`;
}

/** "Ana is also editing" inside an open editor, "Ana is editing" on a card; null when nobody else is. */
export function editingNotice(colleagues: readonly PresencePerson[], also: boolean): string | null {
  if (colleagues.length === 0) return null;
  const verb = colleagues.length === 1 ? "is" : "are";
  return `${namesInWords(colleagues.map((person) => person.name))} ${verb} ${also ? "also " : ""}editing`;
}

/**
 * The entries this tab claims: those with an open editor, at most what the server accepts, the most recently
 * opened ones when more are open (`open` in the order they were opened), and only entries it knows of.
 */
export function editingClaims(open: Iterable<string>, known: (id: string) => boolean): string[] {
  return [...open].filter(known).slice(-PRESENCE_MAX_EDITING);
}
