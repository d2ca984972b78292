import type { ReactNode } from "react";

type Tone = "error" | "info" | "warning";

const tones: Record<Tone, string> = {
  error: "border-danger-700/30 bg-danger-50 text-danger-700",
  warning: "border-caution-800/30 bg-caution-50 text-caution-800",
  info: "border-brand-600/30 bg-brand-50 text-brand-800",
};

/** A message region that is always in the page, so screen readers announce what appears in it. */
export function Alert({ tone = "info", children, id }: { tone?: Tone; children?: ReactNode; id?: string }) {
  return (
    <div id={id} role="status" aria-live="polite">
      {children ? <div className={`rounded-lg border px-3 py-2.5 text-sm ${tones[tone]}`}>{children}</div> : null}
    </div>
  );
}
