import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { reusePreparedStatements } from "./create-db";

describe("reusePreparedStatements", () => {
  it("prepares a statement once, a fresh one while it is busy, and follows schema changes", () => {
    const db = new Database(":memory:");
    reusePreparedStatements(db, 2);
    db.exec("create table t (a integer); insert into t values (1), (2)");
    const first = db.prepare("select * from t order by a");
    expect(db.prepare("select * from t order by a")).toBe(first);

    // A streamed read still iterating: the same text needs its own statement.
    const rows = first.iterate();
    rows.next();
    const second = db.prepare("select * from t order by a");
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ a: 1 }, { a: 2 }]);
    rows.return?.();

    db.exec("alter table t add column b text default 'x'");
    expect(db.prepare("select * from t order by a").all()).toEqual([{ a: 1, b: "x" }, { a: 2, b: "x" }]);
    db.close();
  });

  it("keeps at most `max` statements, the least recently used leaving first", () => {
    const db = new Database(":memory:");
    reusePreparedStatements(db, 2);
    const one = db.prepare("select 1");
    const two = db.prepare("select 2");
    expect(db.prepare("select 1")).toBe(one);
    db.prepare("select 3"); // "select 2" was used least recently
    expect(db.prepare("select 1")).toBe(one);
    expect(db.prepare("select 2")).not.toBe(two);
    db.close();
  });
});
