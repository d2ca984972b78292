"use client";

/** The show/hide toggle inside a password field's frame. */
export function RevealButton({ controls, visible, onToggle, showLabel, hideLabel }: { controls: string; visible: boolean; onToggle: () => void; showLabel: string; hideLabel: string }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={visible}
      aria-controls={controls}
      className="absolute inset-y-0 right-0 px-3 text-sm font-medium text-brand-700 hover:underline"
    >
      {visible ? hideLabel : showLabel}
    </button>
  );
}
