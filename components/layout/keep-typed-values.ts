// What the user typed, carried across a reload of the same page (sessionStorage, keyed by path so a URL's token is never part of it).

type Kept = { form: number; name: string; value: string; checked?: boolean };
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const SKIPPED_TYPES = new Set(["password", "hidden", "file", "submit", "button", "reset", "image"]);
const storageKey = () => `kept-fields:${location.pathname}`;
// A copy left behind (the reload landed elsewhere) must not fill a form typed into much later.
const KEPT_FOR_MS = 10 * 60_000;

/** Passwords (also while shown as text), hidden tokens, files and one-time codes are never written down. */
function isKeepable(field: Element): field is Field {
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) return false;
  if (!field.name || field.disabled || field.hasAttribute("data-secret")) return false;
  if (field instanceof HTMLInputElement && SKIPPED_TYPES.has(field.type)) return false;
  return !/one-time-code|password/.test(field.getAttribute("autocomplete") ?? "");
}

function fieldsOf(form: HTMLFormElement, index: number): { kept: Omit<Kept, "value">; field: Field }[] {
  return [...form.elements].filter(isKeepable).map((field) => ({ kept: { form: index, name: field.name }, field }));
}

export function saveTypedValues(): void {
  const kept: Kept[] = [];
  [...document.forms].forEach((form, index) => {
    for (const { kept: where, field } of fieldsOf(form, index)) {
      const checkable = field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio");
      if (checkable) kept.push({ ...where, value: field.value, checked: field.checked });
      else if (field.value) kept.push({ ...where, value: field.value });
    }
  });
  try {
    sessionStorage.setItem(storageKey(), JSON.stringify({ at: Date.now(), kept }));
  } catch {
    // Storage off or full: the reload still brings the new version, only without the typed values.
  }
}

/** Puts saved values back into fields that are still empty, the way typing would (React sees an input event). */
export function restoreTypedValues(): void {
  let saved: { at?: unknown; kept?: unknown } | null;
  try {
    saved = JSON.parse(sessionStorage.getItem(storageKey()) ?? "null");
    sessionStorage.removeItem(storageKey());
  } catch {
    return;
  }
  if (!saved || typeof saved.at !== "number" || Date.now() - saved.at > KEPT_FOR_MS || !Array.isArray(saved.kept)) return;
  const kept = saved.kept as Kept[];
  [...document.forms].forEach((form, index) => {
    for (const { kept: where, field } of fieldsOf(form, index)) {
      const mine = kept.filter((k) => k.form === where.form && k.name === where.name);
      if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
        const same = mine.find((k) => k.value === field.value);
        if (same && same.checked !== field.checked) field.click();
      } else if (mine[0] && isUntouched(field)) {
        typeInto(field, mine[0].value);
      }
    }
  });
}

/** Empty, or for a list still on the option the page chose. */
function isUntouched(field: Field): boolean {
  if (field instanceof HTMLSelectElement) return field.selectedIndex === Math.max(0, [...field.options].findIndex((option) => option.defaultSelected));
  return field.value === "";
}

function typeInto(field: Field, value: string): void {
  const prototype = Object.getPrototypeOf(field) as object;
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(field, value);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}
