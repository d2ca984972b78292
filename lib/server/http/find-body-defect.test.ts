import { describe, expect, it } from "vitest";
import { findBodyDefect } from "./find-body-defect";

const ACTION = { "next-action": "60d3572e7a7e211451971bbc2f0d36e897492c03bd" };

async function multipart(fields: Record<string, string>): Promise<{ contentType: string; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { contentType: request.headers.get("content-type")!, body: Buffer.from(await request.arrayBuffer()) };
}

describe("findBodyDefect", () => {
  it("refuses a server action called with a text body instead of form data", async () => {
    const headers = { ...ACTION, "content-type": "text/plain;charset=UTF-8" };
    expect(await findBodyDefect(headers, Buffer.from("[{},1]"))).toBe("server action called without form data");
    expect(await findBodyDefect({ ...ACTION }, Buffer.from("[{},1]"))).toBe("server action called without form data");
  });

  it("passes the empty argument list of an action that reads none (sign-out)", async () => {
    const headers = { "next-action": "000c3d516d4fb3bf6adc9c65f44619bcc0a0b69cdf", "content-type": "text/plain;charset=UTF-8" };
    expect(await findBodyDefect(headers, Buffer.from("[]"))).toBeNull();
  });

  it("refuses a multipart body cut short, with or without the action header", async () => {
    const headers = { "content-type": "multipart/form-data; boundary=XYZ" };
    const body = Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc');
    expect(await findBodyDefect(headers, body)).toBe("unreadable multipart body");
    expect(await findBodyDefect({ ...ACTION, ...headers }, body)).toBe("unreadable multipart body");
  });

  it("refuses a server-action call whose form carries no encoded arguments", async () => {
    const { contentType, body } = await multipart({ identifier: "demo@qianneng.test" });
    expect(await findBodyDefect({ ...ACTION, "content-type": contentType }, body)).toBe("server action called without its arguments");
  });

  it("passes a browser's server-action call and a form posted without JavaScript", async () => {
    const call = await multipart({ "0": '["$K1"]', "1_identifier": "demo@qianneng.test" });
    expect(await findBodyDefect({ ...ACTION, "content-type": call.contentType }, call.body)).toBeNull();
    const noJs = await multipart({ $ACTION_ID_60d3: "", identifier: "demo@qianneng.test" });
    expect(await findBodyDefect({ "content-type": noJs.contentType }, noJs.body)).toBeNull();
    expect(await findBodyDefect({ ...ACTION, "content-type": "application/x-www-form-urlencoded" }, Buffer.from("a=1"))).toBeNull();
  });

  it("leaves other bodies to their route (JSON, URL-encoded sign-in posts)", async () => {
    expect(await findBodyDefect({ "content-type": "application/json" }, Buffer.from("{"))).toBeNull();
    expect(await findBodyDefect({ "content-type": "application/x-www-form-urlencoded" }, Buffer.from("identifier=x"))).toBeNull();
  });
});
