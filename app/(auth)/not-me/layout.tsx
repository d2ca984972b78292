import type { Metadata } from "next";

// One person's account pages: never listed by search engines (public/robots.txt asks the same).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function NotIndexedLayout({ children }: { children: React.ReactNode }) {
  return children;
}
