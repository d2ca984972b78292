/** One passkey as the security page shows it (times in epoch ms). */
export type PasskeySummary = { id: string; name: string; createdAt: number; lastUsedAt: number | null };
