import type { MetadataRoute } from "next";
import messages from "@/messages/zh-CN.json";
import { brand } from "@/tailwind.config";

/** Served at /manifest.webmanifest (Next links it from every page): the portal added to a home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: `${messages.common.brand} ${messages.common.product}`,
    short_name: messages.common.brand,
    description: messages.meta.description,
    lang: "zh-CN",
    start_url: "/account",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: brand[600],
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
