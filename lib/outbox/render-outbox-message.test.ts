import { beforeEach, describe, expect, it } from "vitest";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { testDatabases, useDatabase } from "@/test/databases";
import { renderOutboxMessage, UndeliverableMessageError } from "./render-outbox-message";
import { secretSlot } from "./secret-slot";

const token = "Zq3xY8vK1mN4pR7sT0uW2yA5bC8dE1fG4hJ7kL0nP3r";
const url = `http://localhost:3000/unlock?token=${token}`;

describe.each(testDatabases())("outbox secrets on $name", (kind) => {
  const database = useDatabase(kind);
  const row = (id: string) => database.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const enqueue = (to = "demo@qianneng.test") =>
    enqueueEmail(database.db, {
      to,
      subject: "登录已暂停",
      text: `解除暂停：${secretSlot("unlockUrl")}`,
      html: `<a href="${secretSlot("unlockUrl")}">解除暂停</a>`,
      secrets: { unlockUrl: url },
      kind: "lockout_notice",
    });

  beforeEach(async () => {
    await database.db.deleteFrom("outbox").execute();
  });

  it("the stored row holds a slot and sealed secrets, never the link; rendering puts the link back", async () => {
    const stored = await row(await enqueue());
    expect(stored.body_text).toBe(`解除暂停：${secretSlot("unlockUrl")}`);
    expect(stored.secrets).toEqual(expect.any(String));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain("/unlock");

    const rendered = renderOutboxMessage(stored);
    expect(rendered).toEqual({
      id: stored.id,
      channel: "email",
      recipient: "demo@qianneng.test",
      subject: "登录已暂停",
      text: `解除暂停：${url}`,
      html: `<a href="${url}">解除暂停</a>`,
    });
  });

  it("escapes a secret put into HTML", async () => {
    const id = await enqueueEmail(database.db, { to: "a@qianneng.test", subject: "s", text: secretSlot("url"), html: `<p>${secretSlot("url")}</p>`, secrets: { url: "https://x.test/?a=1&b=<2>" }, kind: "test" });
    const rendered = renderOutboxMessage(await row(id));
    expect(rendered.text).toBe("https://x.test/?a=1&b=<2>");
    expect(rendered.html).toBe("<p>https://x.test/?a=1&#38;b=&#60;2&#62;</p>");
  });

  it("secrets altered, cleared, copied to another row or readdressed do not render", async () => {
    const [first, second] = [await enqueue(), await enqueue("other@qianneng.test")];
    const original = await row(first);
    const flipped = original.secrets!.slice(0, -6) + (original.secrets!.at(-6) === "A" ? "B" : "A") + original.secrets!.slice(-5);
    const broken = [
      { ...original, secrets: flipped },
      { ...original, secrets: null },
      { ...original, secrets: "v1.not-a-sealed-value" },
      { ...(await row(second)), secrets: original.secrets },
      { ...original, recipient: "attacker@evil.test" },
    ];
    for (const message of broken) expect(() => renderOutboxMessage(message)).toThrow(UndeliverableMessageError);
    expect(() => renderOutboxMessage(original)).not.toThrow();
  });

  it("refuses a message whose slots and secrets do not match, and stores nothing", async () => {
    const sms = { to: "+8613800138000", kind: "test" };
    await expect(enqueueSms(database.db, { ...sms, text: `code ${secretSlot("code")}` })).rejects.toThrow(/do not match \(code\)/);
    await expect(enqueueSms(database.db, { ...sms, text: "code 123456", secrets: { code: "123456" } })).rejects.toThrow(/do not match \(code\)/);
    expect(await database.db.selectFrom("outbox").selectAll().execute()).toEqual([]);
  });
});
