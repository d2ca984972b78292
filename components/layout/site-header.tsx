import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/actions/set-locale";

export async function SiteHeader() {
  const t = await getTranslations("common");
  const other = (await getLocale()) === "en" ? "zh-CN" : "en";
  return (
    <header className="bg-white border-b border-slate-200">
      <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
        <p className="text-lg font-semibold text-brand-700">
          {t("brand")} <span className="font-normal text-ink-muted">{t("product")}</span>
        </p>
        <form action={setLocaleAction}>
          <input type="hidden" name="locale" value={other} />
          <button
            type="submit"
            lang={other}
            aria-label={t("switchToLabel")}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-ink hover:bg-slate-100"
          >
            {t("switchTo")}
          </button>
        </form>
      </div>
    </header>
  );
}
