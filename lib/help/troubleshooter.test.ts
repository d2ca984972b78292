import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { findHelpStep, HELP_ACTIONS, HELP_START, HELP_STEPS, parentOfHelpStep } from "./troubleshooter";

function childrenOf(id: string): string[] {
  const step = HELP_STEPS[id];
  return step.kind === "question" ? step.answers.map((a) => a.next) : [];
}

describe("help troubleshooter", () => {
  it("reaches every step from the start, through answers that name real steps, without a cycle", () => {
    const seen = new Set<string>();
    const walk = (id: string, path: string[]) => {
      expect(HELP_STEPS[id], `${path.join(" → ")} → ${id}`).toBeDefined();
      expect(path, `cycle at ${id}`).not.toContain(id);
      seen.add(id);
      for (const next of childrenOf(id)) walk(next, [...path, id]);
    };
    walk(HELP_START, []);
    expect([...seen].sort()).toEqual(Object.keys(HELP_STEPS).sort());
  });

  it("gives every step one parent, so the back link is unambiguous", () => {
    const parents = Object.keys(HELP_STEPS).flatMap(childrenOf);
    expect(new Set(parents).size).toBe(parents.length);
    expect(parentOfHelpStep(HELP_START)).toBeNull();
    expect(parentOfHelpStep("network-others")).toBe("network");
  });

  it("ends every path in an outcome and uses each of the seven actions", () => {
    const questions = Object.values(HELP_STEPS).filter((s) => s.kind === "question");
    for (const q of questions) expect(q.kind === "question" && q.answers.length).toBeGreaterThanOrEqual(2);
    const actions = new Set(Object.values(HELP_STEPS).flatMap((s) => (s.kind === "outcome" ? [s.action] : [])));
    expect([...actions].sort()).toEqual([...HELP_ACTIONS].sort());
  });

  it("has words for every step and answer in both languages", () => {
    for (const messages of [en, zh]) {
      const steps = messages.help.steps as Record<string, { title: string; answers?: Record<string, string>; text?: string }>;
      for (const [id, step] of Object.entries(HELP_STEPS)) {
        expect(steps[id]?.title, id).toBeTruthy();
        if (step.kind === "question") for (const a of step.answers) expect(steps[id].answers?.[a.key], `${id}.${a.key}`).toBeTruthy();
        else expect(steps[id].text, id).toBeTruthy();
      }
    }
  });

  it("falls back to the start for an unknown or inherited step name", () => {
    expect(findHelpStep("network-others")).toBe("network-others");
    expect(findHelpStep("nope")).toBe(HELP_START);
    expect(findHelpStep("constructor")).toBe(HELP_START);
    expect(findHelpStep(undefined)).toBe(HELP_START);
  });
});
