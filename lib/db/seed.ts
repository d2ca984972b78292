import "server-only";
import type { Kysely } from "kysely";
import { hashPassword } from "@/lib/password/argon2";
import type { CounterStore } from "@/lib/server/counters/counter-store";
import { accountPauseKey } from "@/lib/server/lockout/pause-key";
import { nextFailureState, type FailureState } from "@/lib/server/lockout/pause-policy";
import type { Database, TransactionKind, UserRole, UserStatus } from "./schema";
import { seedDemoTwoStep } from "./seed-two-step";

export const DEMO_PASSWORD = "Qianneng#2026";

type DemoAccount = {
  id: string;
  email: string;
  mobile: string | null;
  name: string;
  status: UserStatus;
  role: UserRole;
  frozen?: { reason: string; caseRef: string };
  /** Second factors besides the app whose key is in DEMO_TOTP_SECRETS. */
  twoStep?: { sms: boolean; backupCodes: boolean };
  note: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: "00000000-0000-4000-8000-000000000001", email: "demo@qianneng.test", mobile: "+8613800138000", name: "林晓", status: "active", role: "user", note: "active, balance and transactions" },
  { id: "00000000-0000-4000-8000-000000000002", email: "paused@qianneng.test", mobile: null, name: "周航", status: "active", role: "user", note: "sign-in paused after failed attempts" },
  { id: "00000000-0000-4000-8000-000000000003", email: "frozen@qianneng.test", mobile: null, name: "陈静", status: "frozen", role: "user", frozen: { reason: "risk_review", caseRef: "QN-2026-004271" }, note: "frozen by support (risk review)" },
  { id: "00000000-0000-4000-8000-000000000004", email: "2fa@qianneng.test", mobile: "+8613700137000", name: "王磊", status: "active", role: "user", twoStep: { sms: true, backupCodes: true }, note: "two-step verification: app, SMS, backup codes" },
  { id: "00000000-0000-4000-8000-000000000005", email: "agent@qianneng.test", mobile: null, name: "客服 赵敏", status: "active", role: "agent", twoStep: { sms: false, backupCodes: false }, note: "support agent, with an authenticator app" },
];

const COUNTERPARTIES: Record<TransactionKind, string[]> = {
  top_up: ["招商银行 储蓄卡 尾号 6214", "工商银行 储蓄卡 尾号 0388"],
  payment: ["瑞幸咖啡", "美团外卖", "滴滴出行", "盒马鲜生", "中国移动 话费", "12306 铁路", "京东", "全家便利店"],
  transfer_in: ["张伟", "李娜", "王芳"],
  transfer_out: ["刘洋", "陈杰"],
  refund: ["京东 退款", "美团外卖 退款"],
  withdrawal: ["提现到 招商银行 尾号 6214"],
};

/** ~30 plausible wallet movements over the last five months, the same every time (fixed pseudo-random sequence). */
function demoTransactions(userId: string, now: number) {
  let state = 20260101;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const kinds: TransactionKind[] = ["payment", "payment", "payment", "payment", "transfer_in", "transfer_out", "refund", "payment", "top_up", "withdrawal"];
  const rows = [
    { kind: "top_up" as TransactionKind, amount: 800000, daysAgo: 150, who: COUNTERPARTIES.top_up[0] },
  ];
  for (let i = 1; i < 30; i++) {
    const kind = kinds[Math.floor(next() * kinds.length)];
    const who = COUNTERPARTIES[kind][Math.floor(next() * COUNTERPARTIES[kind].length)];
    const magnitude = kind === "payment" ? 800 + next() * 25000 : 5000 + next() * 60000;
    rows.push({ kind, amount: Math.round(magnitude), daysAgo: 150 - i * 5 + next() * 3, who });
  }
  return rows.map((r, i) => ({
    id: `${userId.slice(0, 24)}${String(i).padStart(12, "0")}`,
    user_id: userId,
    kind: r.kind,
    amount_cents: ["payment", "transfer_out", "withdrawal"].includes(r.kind) ? -r.amount : r.amount,
    currency: "CNY",
    counterparty: r.who,
    occurred_at: Math.round(now - r.daysAgo * 86_400_000),
  }));
}

/** Failure times that end, at `now`, with a 2-hour pause: 20 failures, each after the previous pause ran out. */
function failureTimesEndingWithPause(now: number, failures = 20): number[] {
  const offsets: number[] = [];
  let state: FailureState | null = null;
  let t = 0;
  for (let i = 0; i < failures; i++) {
    t = state?.pausedUntil && state.pausedUntil > t ? state.pausedUntil + 1000 : t + 1000;
    state = nextFailureState(state, t);
    offsets.push(t);
  }
  return offsets.map((o) => now - 60_000 - (t - o));
}

/** paused@ starts paused (for the status view), through the same counters the sign-in uses. */
async function pauseDemoAccount(store: CounterStore, now: number): Promise<void> {
  const key = accountPauseKey(DEMO_ACCOUNTS[1].id);
  await store.clearFailures([key]);
  for (const at of failureTimesEndingWithPause(now)) await store.reserveFailure(key, at);
}

/** Each platform's starting version rule; an agent's later edit is kept (the seed only fills what is missing). */
export const DEFAULT_VERSION_RULES = [
  { platform: "ios", minimum: "5.2.0", latest: "5.8.1", update_url: "https://apps.apple.com/cn/app/qianneng-wallet/id0000000000" },
  { platform: "android", minimum: "5.2.0", latest: "5.8.3", update_url: "https://www.qianneng.test/download/android" },
  { platform: "harmony", minimum: "1.0.0", latest: "1.3.0", update_url: "https://appgallery.huawei.com/app/qianneng-wallet" },
] as const;

/** Creates or restores the demo accounts listed in the README; running it twice leaves the same state. */
export async function seedDemoData(db: Kysely<Database>, { store, now = Date.now() }: { store?: CounterStore; now?: number } = {}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const a of DEMO_ACCOUNTS) {
      const row = {
        email: a.email,
        mobile: a.mobile,
        name: a.name,
        password_hash: passwordHash,
        status: a.status,
        role: a.role,
        locale: "zh-CN",
        frozen_reason: a.frozen?.reason ?? null,
        frozen_case_ref: a.frozen?.caseRef ?? null,
        frozen_at: a.frozen ? now - 3 * 86_400_000 : null,
        password_changed_at: now - 90 * 86_400_000,
        updated_at: now,
      };
      const existing = await trx.selectFrom("users").select("id").where("id", "=", a.id).executeTakeFirst();
      if (existing) await trx.updateTable("users").set(row).where("id", "=", a.id).execute();
      else await trx.insertInto("users").values({ ...row, id: a.id, created_at: now - 400 * 86_400_000 }).execute();
    }
    for (const a of DEMO_ACCOUNTS) {
      if (a.twoStep) await seedDemoTwoStep(trx, { userId: a.id, email: a.email, ...a.twoStep, now });
    }
    const demo = DEMO_ACCOUNTS[0];
    await trx.deleteFrom("transactions").where("user_id", "=", demo.id).execute();
    await trx.insertInto("transactions").values(demoTransactions(demo.id, now)).execute();
    const message = { message_zh: "请更新到最新版本钱能钱包后再登录。", message_en: "Please update Qianneng Wallet to the latest version, then sign in." };
    for (const rule of DEFAULT_VERSION_RULES) {
      await trx.insertInto("client_version_rules").values({ ...rule, ...message, updated_by: null, updated_at: now }).onConflict((oc) => oc.column("platform").doNothing()).execute();
    }
  });
  if (store) await pauseDemoAccount(store, now);
}
