import Link from "next/link";
import { useTranslations } from "next-intl";

/** Added to a failed sign-in's message while an incident affects sign-in: the failure may not be the user's doing. */
export function KnownIncidentNote({ title }: { title: string }) {
  const t = useTranslations("status");
  return (
    <p className="mt-2" data-testid="known-incident">
      {t.rich("knownIncident", {
        title,
        link: (chunks) => (
          <Link href="/status" className="font-medium underline">
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}
