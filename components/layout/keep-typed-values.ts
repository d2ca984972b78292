// What the user typed, carried across a reload of the same page (sessionStorage, keyed by path so a URL's token is never part of it).

type Kept = { form: number; name: string; value: string; checked?: boolean };
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const SKIPPED_TYPES = new Set(["password", "hidden", "file", "submit", "button", "reset", "image"]);
const storageKey = () => `kept-fields:${location.pathname}`;

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
    sessionStorage.setItem(storageKey(), JSON.stringify(kept));
  } catch {
    // Storage off or full: the reload still brings the new version, only without the typed values.
  }
}

/** Puts saved values back into fields that are still empty, the way typing would (React sees an input event). */
export function restoreTypedValues(): void {
  let kept: Kept[];
  try {
    kept = JSON.parse(sessionStorage.getItem(storageKey()) ?? "[]");
    sessionStorage.removeItem(storageKey());
  } catch {
    return;
  }
  if (!Array.isArray(kept) || kept.length === 0) return;
  [...document.forms].forEach((form, index) => {
    for (const { kept: where, field } of fieldsOf(form, index)) {
      const saved = kept.filter((k) => k.form === where.form && k.name === where.name);
      if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
        const mine = saved.find((k) => k.value === field.value);
        if (mine && mine.checked !== field.checked) field.click();
      } else if (saved[0] && isUntouched(field)) {
        typeInto(field, saved[0].value);
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
