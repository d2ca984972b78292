/** How people reach the wallet's support staff; the demo's placeholders until the operator's real ones replace them. */
export const SUPPORT_HOTLINE = "400-000-0000";
export const SUPPORT_EMAIL = "support@qianneng.test";
