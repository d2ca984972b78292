import "server-only";
// A secret (a link, a code) never enters a stored message body: the body holds a slot naming it, filled in
// only when the message is sent. The brackets are characters no translated text or user input carries,
// and next-intl inserts argument values verbatim, so a slot survives ICU formatting intact.
const SLOT = /⟦secret:([A-Za-z][A-Za-z0-9]*)⟧/g;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** The placeholder for the secret `name`, to pass to the translator in place of the secret itself. */
export function secretSlot(name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid secret name: ${JSON.stringify(name)}`);
  return `⟦secret:${name}⟧`;
}

/** The names of the slots in `text`. */
export function secretSlotNames(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(SLOT), (m) => m[1]));
}

/** `text` with each slot replaced by `fill(name)`. */
export function fillSecretSlots(text: string, fill: (name: string) => string): string {
  return text.replace(SLOT, (_, name: string) => fill(name));
}
