import type { Config } from "tailwindcss";

// Loaded by app/globals.css through @config: the brand palette and type scale live here.
/** The brand blues; 600 is also the browser's theme colour (app/layout.tsx, app/manifest.ts, public/icon.svg). */
export const brand = {
  50: "#eef7ff",
  100: "#d9ecff",
  600: "#1463d8",
  700: "#0f4fb0",
  800: "#0d3f8a",
} as const;

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand,
        ink: { DEFAULT: "#18212f", muted: "#4a5568" },
        danger: { 50: "#fef2f2", 700: "#b42318" },
        caution: { 50: "#fffbeb", 800: "#92400e" },
      },
      fontFamily: {
        sans: ['"PingFang SC"', '"Noto Sans SC"', '"Microsoft YaHei"', "system-ui", "sans-serif"],
      },
      maxWidth: { form: "26rem" },
    },
  },
};

export default config;
