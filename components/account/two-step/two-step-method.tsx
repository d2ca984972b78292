import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

type Props = { id: string; title: string; description: string; on?: boolean; children: ReactNode };

/** One method in the two-step section: its name, whether it is on, what it is, then its controls. */
export function TwoStepMethod({ id, title, description, on, children }: Props) {
  const t = useTranslations("twoStep");
  return (
    <article aria-labelledby={id} className="space-y-3 border-t border-slate-200 pt-5 first:border-t-0 first:pt-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="font-medium">{title}</h3>
        {on !== undefined && (
          <span data-testid={`${id}-status`} className={`rounded-full px-2.5 py-0.5 text-sm ${on ? "bg-brand-50 text-brand-800" : "bg-slate-100 text-ink-muted"}`}>
            {on ? t("on") : t("off")}
          </span>
        )}
      </div>
      <p className="text-sm text-ink-muted">{description}</p>
      {children}
    </article>
  );
}
